import { Form } from "@remix-run/react";
import { formatDate } from "../../format/dates";

type Day = { date: string; personName: string | null; source: "rota" | "override"; problem: "nobody" | "override-away" | null };

const PROBLEM_TEXT = {
  nobody: "Ingen har jour. Alla i schemat är borta eller schemat är tomt.",
  "override-away": "Ingen har jour. Den som skulle ersätta är borta.",
} as const;

/** Working days and who has duty; days without anyone are flagged. The coordinator can undo a changed day. */
export function DutyDaysTable({ days, today, caption, editable = false }: { days: Day[]; today: string; caption: string; editable?: boolean }) {
  return (
    <div className="table-wrap">
      <table>
        <caption>{caption}</caption>
        <thead>
          <tr>
            <th scope="col">Dag</th>
            <th scope="col">Har jour</th>
            {editable ? <th scope="col">Ändrad</th> : null}
          </tr>
        </thead>
        <tbody>
          {days.map((d) => (
            <tr key={d.date} className={d.problem ? "gap" : d.date === today ? "today-row" : undefined}>
              <td>{d.date === today ? `I dag, ${formatDate(d.date, today)}` : formatDate(d.date, today)}</td>
              <td>{d.problem ? <strong>{PROBLEM_TEXT[d.problem]}</strong> : d.personName}</td>
              {editable ? (
                <td>
                  {d.source === "override" ? (
                    <Form method="post" className="inline-form">
                      <input type="hidden" name="intent" value="remove-override" />
                      <input type="hidden" name="date" value={d.date} />
                      <button type="submit" className="button--quiet">
                        Ångra ändringen<span className="sr-only"> för {formatDate(d.date, today)}</span>
                      </button>
                    </Form>
                  ) : (
                    "Nej"
                  )}
                </td>
              ) : null}
            </tr>
          ))}
        </tbody>
      </table>
    </div>
  );
}
