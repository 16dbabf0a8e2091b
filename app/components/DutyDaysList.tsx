import { formatDate } from "../format/dates";

/** A short list of dates: one's own coming duty days. */
export function DutyDaysList({ dates, today }: { dates: string[]; today: string }) {
  return (
    <section aria-labelledby="own-duty-heading" className="panel">
      <h2 id="own-duty-heading">Dina jourdagar de kommande åtta veckorna</h2>
      {dates.length === 0 ? (
        <p>Du har inga jourdagar de kommande åtta veckorna.</p>
      ) : (
        <ul>
          {dates.map((date) => (
            <li key={date}>{date === today ? `I dag, ${formatDate(date, today)}` : formatDate(date, today)}</li>
          ))}
        </ul>
      )}
    </section>
  );
}
