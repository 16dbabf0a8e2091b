import { Form } from "@remix-run/react";
import { WEEKDAYS } from "../../format/dates";
import { formatPhone } from "../../format/phone";
import { Field } from "../Field";

type Line = { phone: string; afterHoursPhone: string; eveClosesAt: string; hours: { weekday: number; opensAt: string; closesAt: string }[] };
type Errors = Record<string, string | undefined>;
type Values = Record<string, string | undefined>;

const clockText = (time: string | undefined) => (time ? time.replace(":", ".") : "");

/** The coordinator edits the duty number, socialjouren's number and the opening hours. */
export function DutyLineForm({ line, errors, values }: { line: Line | null; errors: Errors; values?: Values | undefined }) {
  const value = (name: string, fallback: string) => values?.[name] ?? fallback;
  const hoursOf = (weekday: number) => line?.hours.find((h) => h.weekday === weekday);
  return (
    <section aria-labelledby="line-heading" className="panel">
      <h2 id="line-heading">Jourtelefonen och öppettider</h2>
      <Form method="post" noValidate>
        <input type="hidden" name="intent" value="save-line" />
        <div className="form-row">
          <Field
            label="Jourtelefonens nummer"
            name="phone"
            type="tel"
            autoComplete="off"
            defaultValue={value("phone", line ? formatPhone(line.phone) : "")}
            error={errors.phone}
          />
          <Field
            label="Socialjourens nummer"
            name="afterHoursPhone"
            type="tel"
            autoComplete="off"
            defaultValue={value("afterHoursPhone", line ? formatPhone(line.afterHoursPhone) : "")}
            error={errors.afterHoursPhone}
          />
          <Field
            label="Stänger dag före helgdag kl."
            name="eveClosesAt"
            hint="Till exempel 13.00"
            defaultValue={value("eveClosesAt", clockText(line?.eveClosesAt))}
            error={errors.eveClosesAt}
          />
        </div>
        <div className="table-wrap">
          <table className="hours-table">
            <caption>Öppettider. Lämna tomt de dagar jourtelefonen är stängd.</caption>
            <thead>
              <tr>
                <th scope="col">Dag</th>
                <th scope="col">Öppnar</th>
                <th scope="col">Stänger</th>
              </tr>
            </thead>
            <tbody>
              {WEEKDAYS.map(([weekday, name]) => {
                const error = errors[`opens${weekday}`] ?? errors[`closes${weekday}`];
                return (
                  <tr key={weekday}>
                    <th scope="row">{name[0]!.toUpperCase() + name.slice(1)}</th>
                    <td>
                      <label className="sr-only" htmlFor={`opens${weekday}`}>
                        Öppnar på {name}
                      </label>
                      <input
                        id={`opens${weekday}`}
                        name={`opens${weekday}`}
                        defaultValue={value(`opens${weekday}`, clockText(hoursOf(weekday)?.opensAt))}
                        aria-invalid={error ? true : undefined}
                        aria-describedby={error ? `hours-error-${weekday}` : undefined}
                      />
                    </td>
                    <td>
                      <label className="sr-only" htmlFor={`closes${weekday}`}>
                        Stänger på {name}
                      </label>
                      <input
                        id={`closes${weekday}`}
                        name={`closes${weekday}`}
                        defaultValue={value(`closes${weekday}`, clockText(hoursOf(weekday)?.closesAt))}
                        aria-invalid={error ? true : undefined}
                        aria-describedby={error ? `hours-error-${weekday}` : undefined}
                      />
                      {error ? (
                        <span className="field__error" id={`hours-error-${weekday}`}>
                          {error}
                        </span>
                      ) : null}
                    </td>
                  </tr>
                );
              })}
            </tbody>
          </table>
        </div>
        <button type="submit">Spara jourtelefonen</button>
      </Form>
    </section>
  );
}
