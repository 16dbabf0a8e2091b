import type { LoaderFunctionArgs } from "@remix-run/node";
import { can } from "../auth/permissions";
import { requireActor } from "../auth/session.server";
import { now } from "../clock.server";
import { csvResponse } from "../format/csv";
import { csvRows } from "../models/statistics";
import { cityStatistics } from "../models/statistics.server";

export async function loader({ request }: LoaderFunctionArgs) {
  const actor = await requireActor(request);
  if (!can(actor, "city:admin")) throw new Response("Not found", { status: 404 });
  return csvResponse("stadsdelsomraden.csv", csvRows(cityStatistics(now())));
}
