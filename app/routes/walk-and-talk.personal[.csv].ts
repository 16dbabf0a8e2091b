import type { LoaderFunctionArgs } from "@remix-run/node";
import { requireActorWith } from "../auth/guard.server";
import { now } from "../clock.server";
import { termOf } from "../models/walk-and-talk";
import { staffProgress } from "../models/walk-leadership.server";
import { localDateOf } from "../time/stockholm";
import { csvResponse } from "../format/csv";

export async function loader({ request }: LoaderFunctionArgs) {
  const actor = await requireActorWith(request, "organisation:lead");
  const term = termOf(localDateOf(now()));
  const groups = staffProgress(actor, term) ?? [];
  const rows = [["Grupp", "Namn", "Bokat", "Gått"]];
  for (const g of groups) for (const p of g.people) rows.push([g.group, p.name, p.booked ? "Ja" : "Nej", p.attended ? "Ja" : "Nej"]);
  return csvResponse(`walk-and-talk-${term}.csv`, rows);
}
