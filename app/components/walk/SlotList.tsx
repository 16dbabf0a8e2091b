import { Form, Link } from "@remix-run/react";
import type { SchoolStage } from "../../../db/schema";
import { schoolStageLabel } from "../../format/labels";
import { formatSlot } from "../../format/walk";
import { slotsByWeek } from "../../models/walk-listing";
import { countOf } from "../../format/count";
import { SelectField } from "../SelectField";

export type ListedSlot = {
  slotId: number;
  startsAt: string;
  endsAt: string;
  capacity: number;
  booked: number;
  meetingPoint: string;
  hostPersonId: number;
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
        <NoOpenSlots />
      ) : (
        <ul className="slot-list">
          {slots.map((s) => (
            <SlotItem key={s.slotId} slot={s} today={today} />
          ))}
        </ul>
      )}
    </section>
  );
}

/**
 * A teacher's open times on the walk-and-talk page: the next one first, then week by week with
 * the contact person leading each row, and a filter by contact person (a plain GET form, so it
 * works without JavaScript).
 */
export function WeeklySlotList({
  slots,
  today,
  hosts,
  chosenHost,
}: {
  slots: ListedSlot[];
  today: string;
  hosts: { id: number; name: string }[];
  chosenHost: number | null;
}) {
  const next = slots[0];
  return (
    <section aria-labelledby="open-slots-heading">
      <h2 id="open-slots-heading">Lediga tider</h2>
      {hosts.length > 1 ? (
        <Form method="get" className="form-row" role="search" aria-label="Välj kontaktperson">
          <SelectField
            label="Visa tider hos"
            name="kontaktperson"
            placeholder="Alla kontaktpersoner"
            defaultValue={chosenHost === null ? "" : String(chosenHost)}
            options={hosts.map((h) => ({ value: String(h.id), label: h.name }))}
          />
          <div className="field">
            <button type="submit" className="button--quiet">
              Visa
            </button>
          </div>
        </Form>
      ) : null}
      {next ? (
        <p className="next-slot">
          <strong>Nästa lediga tid:</strong> {formatSlot(next.startsAt, next.endsAt, today)} med {next.hostName}.{" "}
          <Link to={`/walk-and-talk/tider/${next.slotId}`}>
            Boka<span className="sr-only"> {formatSlot(next.startsAt, next.endsAt, today)}</span>
          </Link>
        </p>
      ) : (
        <NoOpenSlots />
      )}
      {slotsByWeek(slots).map((week) => (
        <section key={week.monday} aria-labelledby={`week-${week.monday}`}>
          <h3 id={`week-${week.monday}`}>
            Vecka {week.week}
            {week.year !== Number(today.slice(0, 4)) ? `, ${week.year}` : null}
          </h3>
          <ul className="slot-list">
            {week.slots.map((s) => (
              <SlotItem key={s.slotId} slot={s} today={today} hostFirst />
            ))}
          </ul>
        </section>
      ))}
    </section>
  );
}

function NoOpenSlots() {
  return <p>Det finns inga lediga tider just nu. Kontaktpersonerna lägger ut nya tider varannan vecka.</p>;
}

/** One open time with its booking link; `hostFirst` leads with the contact person, where times are already grouped by week. */
function SlotItem({ slot: s, today, hostFirst = false }: { slot: ListedSlot; today: string; hostFirst?: boolean }) {
  const when = formatSlot(s.startsAt, s.endsAt, today);
  return (
    <li className="slot">
      <div>
        {hostFirst ? (
          <>
            <strong>{s.hostName}</strong>, {when}
            <br />
            Ni möts: {s.meetingPoint}.
          </>
        ) : (
          <>
            <strong>{when}</strong>
            <br />
            Med {s.hostName}. Ni möts: {s.meetingPoint}.
          </>
        )}
        {s.capacity > 1 ? ` Gruppvandring, ${countOf(s.capacity - s.booked, "plats", "platser")} kvar.` : null}
        {s.rank === 0 ? <span className="badge">För din grupp</span> : null}
        {s.rank === 2 ? (
          <span className="badge">
            För {s.targetTeam ? `arbetslag ${s.targetTeam}` : s.targetStage ? schoolStageLabel[s.targetStage as SchoolStage].toLowerCase() : null}
          </span>
        ) : null}
      </div>
      <Link className="button" to={`/walk-and-talk/tider/${s.slotId}`}>
        Boka<span className="sr-only"> {when}</span>
      </Link>
    </li>
  );
}
