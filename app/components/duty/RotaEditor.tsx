import { Form } from "@remix-run/react";
import { SelectField } from "../SelectField";

type Member = { personId: number; name: string };
type Errors = Record<string, string | undefined>;

/** The ordered list of who takes duty days in turn, with buttons to reorder, remove and add. */
export function RotaEditor({ members, candidates, errors }: { members: Member[]; candidates: Member[]; errors: Errors }) {
  const notInRota = candidates.filter((c) => !members.some((m) => m.personId === c.personId));
  return (
    <section aria-labelledby="rota-heading" className="panel">
      <h2 id="rota-heading">Turordning</h2>
      <p>Vardagarna delas ut i den här ordningen. Den som är borta hoppas över och nästa i listan tar dagen.</p>
      {errors.personId ? (
        <p className="field__error" role="alert">
          {errors.personId}
        </p>
      ) : null}
      <ol>
        {members.map((m, index) => (
          <li key={m.personId}>
            {m.name}{" "}
            {(
              [
                ["move-up", "Flytta upp", index > 0],
                ["move-down", "Flytta ner", index < members.length - 1],
                ["remove-member", "Ta bort", true],
              ] as const
            )
              .filter(([, , show]) => show)
              .map(([intent, label]) => (
                <Form method="post" className="inline-form" key={intent}>
                  <input type="hidden" name="intent" value={intent} />
                  <input type="hidden" name="personId" value={m.personId} />
                  <button type="submit" className="button--quiet">
                    {label}
                    <span className="sr-only"> {m.name}</span>
                  </button>
                </Form>
              ))}
          </li>
        ))}
      </ol>
      <Form method="post" className="form-row">
        <input type="hidden" name="intent" value="add-member" />
        <SelectField
          label="Lägg till i turordningen"
          name="personId"
          idPrefix="add-member"
          options={notInRota.map((c) => ({ value: String(c.personId), label: c.name }))}
        />
        <div className="field">
          <button type="submit">Lägg till</button>
        </div>
      </Form>
    </section>
  );
}
