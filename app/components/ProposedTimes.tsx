import { Field } from "./Field";
import { WarningCheckbox } from "./WarningCheckbox";

type Texts = Record<string, string | undefined>;

/**
 * One to three proposed times and the meeting's length, shared by every meeting form. A day
 * nobody works comes back with a warning and a box to keep it (works without JavaScript).
 */
export function ProposedTimes({ values, errors }: { values: Texts; errors: Texts }) {
  return (
    <fieldset className="radio-group">
      <legend>Föreslå en till tre tider</legend>
      {[1, 2, 3].map((n) => (
        <div className="form-row" key={n}>
          <Field label={`Dag ${n}`} name={`date${n}`} type="date" defaultValue={values[`date${n}`] ?? ""} error={errors[`date${n}`]} />
          <Field label={`Tid ${n}`} name={`time${n}`} hint="Till exempel 13.30" defaultValue={values[`time${n}`] ?? ""} error={errors[`time${n}`]} />
        </div>
      ))}
      <Field label="Mötets längd i minuter" name="minutes" inputMode="numeric" defaultValue={values.minutes ?? "60"} error={errors.minutes} />
      <OffDayConfirmation warning={errors.confirmOffDay} confirmed={values.confirmOffDay === "yes"} />
    </fieldset>
  );
}

/** The warning about a proposed holiday or weekend and the box that keeps the day; a kept day stays kept. */
export function OffDayConfirmation({ warning, confirmed }: { warning: string | undefined; confirmed: boolean }) {
  if (warning) return <WarningCheckbox name="confirmOffDay" message={warning} label="Föreslå dagen ändå" />;
  return confirmed ? <input type="hidden" name="confirmOffDay" value="yes" /> : null;
}
