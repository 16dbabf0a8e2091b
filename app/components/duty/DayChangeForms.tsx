import { Form } from "@remix-run/react";
import { Field } from "../Field";
import { SelectField } from "../SelectField";

type Errors = Record<string, string | undefined>;
type Values = Record<string, string | undefined>;

/** Replace one day's duty person, or let two people trade days. */
export function DayChangeForms({
  candidates,
  replace,
  swap,
}: {
  candidates: { personId: number; name: string }[];
  replace: { errors: Errors; values: Values };
  swap: { errors: Errors; values: Values };
}) {
  return (
    <section aria-labelledby="changes-heading" className="panel">
      <h2 id="changes-heading">Ändra en dag</h2>
      <Form method="post" noValidate>
        <input type="hidden" name="intent" value="replace-day" />
        <h3>Någon annan tar en dag</h3>
        <div className="form-row">
          <Field label="Dag" name="date" type="date" idPrefix="replace" defaultValue={replace.values.date ?? ""} error={replace.errors.date} />
          <SelectField
            label="Vem tar dagen"
            name="personId"
            idPrefix="replace"
            defaultValue={replace.values.personId}
            error={replace.errors.personId}
            options={candidates.map((c) => ({ value: String(c.personId), label: c.name }))}
          />
          <div className="field">
            <button type="submit">Spara</button>
          </div>
        </div>
      </Form>
      <Form method="post" noValidate>
        <input type="hidden" name="intent" value="swap-days" />
        <h3>Två personer byter dagar</h3>
        <div className="form-row">
          <Field label="Första dagen" name="first" type="date" idPrefix="swap" defaultValue={swap.values.first ?? ""} error={swap.errors.first} />
          <Field label="Andra dagen" name="second" type="date" idPrefix="swap" defaultValue={swap.values.second ?? ""} error={swap.errors.second} />
          <div className="field">
            <button type="submit">Byt dagar</button>
          </div>
        </div>
      </Form>
    </section>
  );
}
