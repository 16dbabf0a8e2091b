import type { LoaderFunctionArgs } from "@remix-run/node";
import { now } from "../clock.server";
import { csvResponse } from "../format/csv";
import { csvRows } from "../models/statistics";
import { districtStatistics } from "../models/statistics.server";
import { requireActorWith, notFound } from "../auth/guard.server";

/** One table of the district's follow-up as CSV: `?tabell=<id>`. */
export async function loader({ request }: LoaderFunctionArgs) {
  const actor = await requireActorWith(request, "district:statistics");
  const id = new URL(request.url).searchParams.get("tabell");
  const table = districtStatistics(actor, now()).tables.find((t) => t.id === id);
  if (!table) throw notFound();
  return csvResponse(`${table.id}.csv`, csvRows(table));
}
