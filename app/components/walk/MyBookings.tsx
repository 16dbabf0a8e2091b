import { Form } from "@remix-run/react";
import { formatInstant, formatSlot, walkTopicLabel } from "../../format/walk";
import type { WalkTopic } from "../../../db/schema";

type Booking = { bookingId: number; startsAt: string; endsAt: string; deadline: string; meetingPoint: string; hostName: string; topic: WalkTopic | null };

/** "Mina bokningar": the person's coming walk-and-talks, each cancellable until its deadline. */
export function MyBookings({ bookings, today, now, error }: { bookings: Booking[]; today: string; now: string; error?: string | undefined }) {
  return (
    <section aria-labelledby="my-bookings-heading" className="panel">
      <h2 id="my-bookings-heading">Mina bokningar</h2>
      {error ? (
        <p className="form-error" role="alert">
          {error}
        </p>
      ) : null}
      {bookings.length === 0 ? (
        <p>Du har inga bokade walk-and-talks.</p>
      ) : (
        <ul className="slot-list">
          {bookings.map((b) => (
            <li key={b.bookingId} className="slot">
              <div>
                <strong>{formatSlot(b.startsAt, b.endsAt, today)}</strong>
                <br />
                Med {b.hostName}. Ni möts: {b.meetingPoint}.{b.topic ? ` Ämne: ${walkTopicLabel[b.topic].toLowerCase()}.` : null}
                <br />
                {new Date(b.deadline) > new Date(now)
                  ? `Du kan avboka till ${formatInstant(b.deadline, today)}.`
                  : "Det är för sent att avboka här. Hör av dig direkt till kontaktpersonen."}
              </div>
              {new Date(b.deadline) > new Date(now) ? (
                <Form method="post">
                  <input type="hidden" name="intent" value="cancel-booking" />
                  <input type="hidden" name="bookingId" value={b.bookingId} />
                  <button type="submit" className="button--quiet">
                    Avboka<span className="sr-only"> {formatSlot(b.startsAt, b.endsAt, today)}</span>
                  </button>
                </Form>
              ) : null}
            </li>
          ))}
        </ul>
      )}
    </section>
  );
}
