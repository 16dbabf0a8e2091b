import type { ReactNode } from "react";
import { options } from "../../format/consultation";
import { placeLabel } from "../../models/meetings";
import { Field } from "../Field";
import { RadioGroup } from "../RadioGroup";

type Props = {
  values: Record<string, string | undefined>;
  errors: Record<string, string | undefined>;
  defaults: { minutes: string; everyWeeks: string; count: string; place: keyof typeof placeLabel };
  /** More fields on the row of how often and how many (the forum's minutes per case). */
  extra?: ReactNode;
};

/** When a recurring series starts, how long, how often, how many, and where. */
export function SeriesFields({ values, errors, defaults, extra }: Props) {
  return (
    <>
      <div className="form-row">
        <Field label="Första mötet" name="firstDate" type="date" defaultValue={values.firstDate ?? ""} error={errors.firstDate} />
        <Field label="Klockan" name="time" hint="Till exempel 13.30" defaultValue={values.time ?? ""} error={errors.time} />
        <Field label="Minuter" name="minutes" inputMode="numeric" defaultValue={values.minutes ?? defaults.minutes} error={errors.minutes} />
      </div>
      <div className="form-row">
        <Field
          label="Var hur många veckor"
          name="everyWeeks"
          inputMode="numeric"
          defaultValue={values.everyWeeks ?? defaults.everyWeeks}
          error={errors.everyWeeks}
        />
        <Field label="Antal möten" name="count" inputMode="numeric" defaultValue={values.count ?? defaults.count} error={errors.count} />
        {extra}
      </div>
      <RadioGroup legend="Var ses ni?" name="place" value={values.place ?? defaults.place} error={errors.place} options={options(placeLabel)} />
    </>
  );
}
