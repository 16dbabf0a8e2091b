import { formatClock, formatClockRange, WEEKDAYS } from "../../format/dates";
import { PhoneLink } from "../CallOptions";

type Line = { phone: string; afterHoursPhone: string; eveClosesAt: string; hours: { weekday: number; opensAt: string; closesAt: string }[] };

/** The duty number with its opening hours, and where to call when it is closed. */
export function DutyLineSummary({ line }: { line: Line }) {
  return (
    <div className="panel">
      <p>
        Jourtelefonen:{" "}
        <strong>
          <PhoneLink phone={line.phone} />
        </strong>
      </p>
      <ul>
        {WEEKDAYS.map(([weekday, name]) => {
          const h = line.hours.find((x) => x.weekday === weekday);
          return (
            <li key={weekday}>
              {name[0]!.toUpperCase() + name.slice(1)}: {h ? formatClockRange(h.opensAt, h.closesAt) : "stängt"}
            </li>
          );
        })}
      </ul>
      <p>Dag före helgdag stänger jourtelefonen kl. {formatClock(line.eveClosesAt)}. Stängt på helgdagar, midsommarafton, julafton och nyårsafton.</p>
      <p>
        När jourtelefonen är stängd: ring socialjouren, <PhoneLink phone={line.afterHoursPhone} />. Vid fara för liv: ring <a href="tel:112">112</a>.
      </p>
    </div>
  );
}
