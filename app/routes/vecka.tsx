import type { LoaderFunctionArgs, MetaFunction } from "@remix-run/node";
import { Link, useLoaderData } from "@remix-run/react";
import { now } from "../clock.server";
import { formatDate, formatTime } from "../format/dates";
import { pageTitle } from "../format/title";
import { scheduleOf } from "../models/week.server";
import { addDays, datesFrom, isLocalDate, localDateOf, mondayOf } from "../time/stockholm";
import { requireActorWith } from "../auth/guard.server";
import { countOf } from "../format/count";

export const meta: MetaFunction = () => pageTitle("Min vecka");

/** A social worker's week: duty days, walk-and-talks and meetings side by side. */
export async function loader({ request }: LoaderFunctionArgs) {
  const actor = await requireActorWith(request, "availability:set-own");
  const today = localDateOf(now());
  const asked = new URL(request.url).searchParams.get("vecka") ?? "";
  // Within two years either way; anything else shows this week.
  const monday = isLocalDate(asked) && asked >= addDays(today, -731) && asked <= addDays(today, 731) ? mondayOf(asked) : mondayOf(today);
  const sunday = addDays(monday, 6);
  return { today, monday, days: datesFrom(monday, sunday), items: scheduleOf(actor, monday, sunday) };
}

export default function Week() {
  const { today, monday, days, items } = useLoaderData<typeof loader>();
  return (
    <>
      <h1>Min vecka</h1>
      <p className="actions">
        <Link to={`/vecka?vecka=${addDays(monday, -7)}`}>Förra veckan</Link>
        <Link to="/vecka">Den här veckan</Link>
        <Link to={`/vecka?vecka=${addDays(monday, 7)}`}>Nästa vecka</Link>
      </p>
      {days.map((date) => {
        const own = items.filter((i) => i.date === date);
        const heading = formatDate(date, today);
        const duty = own.some((i) => i.kind === "duty");
        const busy = own.filter((i) => i.kind !== "duty");
        return (
          <section key={date} className={duty ? "panel panel--duty" : "panel"} aria-labelledby={`day-${date}`}>
            <h2 id={`day-${date}`}>
              {date === today ? "I dag, " : ""}
              {heading}
            </h2>
            {own.length === 0 ? <p>Inget inplanerat.</p> : null}
            <ul className="plain-list">
              {duty ? (
                <li>
                  <strong>Jour hela dagen.</strong>{" "}
                  {busy.length > 0 ? <span className="overdue">Krockar med det som står nedan.</span> : "Inga möten den här dagen."}
                </li>
              ) : null}
              {busy.map((i) =>
                i.kind === "walk" ? (
                  <li key={`walk-${i.occasionId}`}>
                    kl. {formatTime(new Date(i.startsAt))}–{formatTime(new Date(i.endsAt))}: walk-and-talk, {i.organisationName} ({i.booked} av{" "}
                    {countOf(i.places, "plats bokad", "platser bokade")})
                  </li>
                ) : i.kind === "meeting" ? (
                  <li key={`meeting-${i.meetingId}`}>
                    kl. {formatTime(new Date(i.startsAt))}–{formatTime(new Date(i.endsAt))}: <Link to={`/moten/${i.meetingId}`}>{i.title}</Link>
                  </li>
                ) : null,
              )}
            </ul>
          </section>
        );
      })}
    </>
  );
}
