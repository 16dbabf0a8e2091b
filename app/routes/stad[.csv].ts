import type { LoaderFunctionArgs } from "@remix-run/node";
import { requireActorWith } from "../auth/guard.server";
import { now } from "../clock.server";
import { csvResponse } from "../format/csv";
import { csvRows } from "../models/statistics";
import { cityStatistics } from "../models/statistics.server";

export async function loader({ request }: LoaderFunctionArgs) {
  const actor = await requireActorWith(request, "city:admin");
  return csvResponse("stadsdelsomraden.csv", csvRows(cityStatistics(actor, now())));
}
