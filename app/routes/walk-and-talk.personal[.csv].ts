import type { LoaderFunctionArgs } from "@remix-run/node";
import { requireActor } from "../auth/session.server";
import { now } from "../clock.server";
import { staffProgress, termOf } from "../models/walk-and-talk.server";
import { localDateOf } from "../time/stockholm";

/** A cell that spreadsheets show as text: quoted, and never read as a formula. */
export function csvCell(value: string): string {
  const safe = /^[=+\-@\t\r]/.test(value) ? `'${value}` : value;
  return `"${safe.replace(/"/g, '""')}"`;
}

export async function loader({ request }: LoaderFunctionArgs) {
  const actor = await requireActor(request);
  const term = termOf(localDateOf(now()));
  const groups = staffProgress(actor, term);
  if (!groups) return new Response("Listan är till för ledningen.\n", { status: 403, headers: { "Content-Type": "text/plain; charset=utf-8" } });
  const lines = [["Grupp", "Namn", "Bokat", "Gått"].map(csvCell).join(";")];
  for (const g of groups) for (const p of g.people) lines.push([g.group, p.name, p.booked ? "Ja" : "Nej", p.attended ? "Ja" : "Nej"].map(csvCell).join(";"));
  // A byte order mark, so that Excel opens the Swedish characters correctly.
  return new Response(`\uFEFF${lines.join("\r\n")}\r\n`, {
    headers: {
      "Content-Type": "text/csv; charset=utf-8",
      "Content-Disposition": `attachment; filename="walk-and-talk-${term}.csv"`,
      "Cache-Control": "no-store",
    },
  });
}
