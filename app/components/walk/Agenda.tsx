import { Form, Link } from "@remix-run/react";
import { formatDate, formatTime } from "../../format/dates";
import { walkTopicLabel } from "../../format/walk";
import type { SerializeFrom } from "@remix-run/node";
import type { AgendaOccasion } from "../../models/walk-hosting.server";

/** As the loader sends it: the times are strings. */
type Occasion = SerializeFrom<AgendaOccasion>;

const outcomeText = { held: "Hölls", not_held: "Hölls inte" } as const;

/** The host's coming and recent occasions: who booked what, cancel or move, and afterwards held or not. */
export function Agenda({ occasions, today, errors }: { occasions: Occasion[]; today: string; errors: { occasionId?: number; message?: string } }) {
  if (occasions.length === 0) return <p>Du har inga walk-and-talks inlagda. Skapa en serie för att komma igång.</p>;
  return (
    <>
      {occasions.map((o) => {
        const dateText = formatDate(o.date, today);
        const coming = o.date >= today && !o.cancelled;
        return (
          <section key={o.occasionId} className="panel agenda-occasion" aria-labelledby={`occasion-${o.occasionId}`}>
            <h3 id={`occasion-${o.occasionId}`}>
              {dateText[0]!.toUpperCase() + dateText.slice(1)}, {o.organisationName}
              {o.cancelled ? " (inställt)" : null}
            </h3>
            <p>
              Mötesplats: {o.meetingPoint}.{" "}
              <Link to={`/walk-and-talk/serier/${o.seriesId}`}>
                Visa eller ändra serien<span className="sr-only"> för {dateText}</span>
              </Link>
            </p>
            {errors.occasionId === o.occasionId && errors.message ? (
              <p className="form-error" role="alert">
                {errors.message}
              </p>
            ) : null}
            <ul>
              {o.slots.map((s) => (
                <li key={s.slotId}>
                  kl. {formatTime(new Date(s.startsAt))}–{formatTime(new Date(s.endsAt))}:{" "}
                  {s.bookings.length === 0
                    ? "ingen bokning"
                    : s.bookings
                        .map((b) => `${b.name}${b.topic ? ` (${walkTopicLabel[b.topic].toLowerCase()})` : ""}${b.note ? `: "${b.note}"` : ""}`)
                        .join("; ")}
                  {s.capacity > 1 ? ` (${s.bookings.length} av ${s.capacity} platser)` : null}
                  {s.past && !o.cancelled ? (
                    s.outcome ? (
                      <> – {outcomeText[s.outcome]}</>
                    ) : (
                      <span className="actions">
                        {(["held", "not_held"] as const).map((outcome) => (
                          <Form method="post" className="inline-form" key={outcome}>
                            <input type="hidden" name="intent" value="mark-outcome" />
                            <input type="hidden" name="slotId" value={s.slotId} />
                            <input type="hidden" name="outcome" value={outcome} />
                            <button type="submit" className="button--quiet">
                              {outcomeText[outcome]}
                              <span className="sr-only">
                                {" "}
                                kl. {formatTime(new Date(s.startsAt))} {dateText}
                              </span>
                            </button>
                          </Form>
                        ))}
                      </span>
                    )
                  ) : null}
                </li>
              ))}
            </ul>
            {coming ? (
              <div className="actions">
                <Form method="post" className="form-row">
                  <input type="hidden" name="intent" value="move-occasion" />
                  <input type="hidden" name="occasionId" value={o.occasionId} />
                  <div className="field">
                    <label htmlFor={`move-${o.occasionId}`}>Flytta till dag</label>
                    <input id={`move-${o.occasionId}`} name="date" type="date" />
                  </div>
                  <div className="field">
                    <button type="submit" className="button--quiet">
                      Flytta<span className="sr-only"> tillfället {dateText}</span>
                    </button>
                  </div>
                </Form>
                <Form method="post">
                  <input type="hidden" name="intent" value="cancel-occasion" />
                  <input type="hidden" name="occasionId" value={o.occasionId} />
                  <div className="field">
                    <button type="submit" className="button--quiet">
                      Ställ in<span className="sr-only"> tillfället {dateText}</span>
                    </button>
                  </div>
                </Form>
              </div>
            ) : null}
          </section>
        );
      })}
    </>
  );
}
