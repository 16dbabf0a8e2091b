import { Link } from "@remix-run/react";
import type { SchoolStage } from "../../../db/schema";
import { schoolStageLabel } from "../../format/labels";
import { formatSlot } from "../../format/walk";
import { countOf } from "../../format/count";

export type ListedSlot = {
  slotId: number;
  startsAt: string;
  endsAt: string;
  capacity: number;
  booked: number;
  meetingPoint: string;
  hostName: string;
  organisationName: string;
  rank: number;
  targetStage: string | null;
  targetTeam: string | null;
};

/** Open walk-and-talk times, the ones meant for the viewer's group first. */
export function SlotList({
  slots,
  today,
  heading = "Lediga tider",
  headingLevel = 2,
}: {
  slots: ListedSlot[];
  today: string;
  heading?: string;
  headingLevel?: 2 | 3;
}) {
  const Heading = headingLevel === 2 ? "h2" : "h3";
  return (
    <section aria-labelledby="open-slots-heading">
      <Heading id="open-slots-heading">{heading}</Heading>
      {slots.length === 0 ? (
        <p>Det finns inga lediga tider just nu. Kontaktpersonerna lägger ut nya tider varannan vecka.</p>
      ) : (
        <ul className="slot-list">
          {slots.map((s) => (
            <li key={s.slotId} className="slot">
              <div>
                <strong>{formatSlot(s.startsAt, s.endsAt, today)}</strong>
                <br />
                Med {s.hostName}. Ni möts: {s.meetingPoint}.
                {s.capacity > 1 ? ` Gruppvandring, ${countOf(s.capacity - s.booked, "plats", "platser")} kvar.` : null}
                {s.rank === 0 ? <span className="badge">För din grupp</span> : null}
                {s.rank === 2 ? (
                  <span className="badge">
                    För {s.targetTeam ? `arbetslag ${s.targetTeam}` : s.targetStage ? schoolStageLabel[s.targetStage as SchoolStage].toLowerCase() : null}
                  </span>
                ) : null}
              </div>
              <Link className="button" to={`/walk-and-talk/tider/${s.slotId}`}>
                Boka<span className="sr-only"> {formatSlot(s.startsAt, s.endsAt, today)}</span>
              </Link>
            </li>
          ))}
        </ul>
      )}
    </section>
  );
}
