import { Form, Link } from "@remix-run/react";
import { schoolStageLabel } from "../../format/labels";
import { WEEKDAYS } from "../../format/dates";
import { Field } from "../Field";
import { SelectField } from "../SelectField";

type Organisation = {
  id: number;
  name: string;
  schoolParts: { id: number; stage: keyof typeof schoolStageLabel }[];
  staffTeams: { id: number; name: string }[];
};
type Texts = Record<string, string | undefined>;

/** The walk-and-talk series form, for a new series and for changing one. */
export function SeriesForm({
  organisations,
  errors,
  values,
  defaults,
  submitLabel,
  intent,
}: {
  organisations: Organisation[];
  errors: Texts;
  values: Texts;
  defaults: Texts;
  submitLabel: string;
  intent?: string;
}) {
  const parts = organisations.flatMap((o) => o.schoolParts.map((p) => ({ value: String(p.id), label: `${o.name}: ${schoolStageLabel[p.stage]}` })));
  const teams = organisations.flatMap((o) => o.staffTeams.map((t) => ({ value: String(t.id), label: `${o.name}: ${t.name}` })));
  const v = (name: string, fallback = "") => values[name] ?? defaults[name] ?? fallback;
  return (
    <Form method="post" noValidate className="panel">
      {intent ? <input type="hidden" name="intent" value={intent} /> : null}
      <SelectField
        label="Verksamhet"
        name="organisationId"
        defaultValue={v("organisationId", organisations.length === 1 ? String(organisations[0]!.id) : "")}
        error={errors.organisationId}
        options={organisations.map((o) => ({ value: String(o.id), label: o.name }))}
      />
      <Field
        label="Mötesplats"
        name="meetingPoint"
        hint="Till exempel Utanför huvudentrén, Vällingbyskolan"
        defaultValue={v("meetingPoint", "")}
        error={errors.meetingPoint}
      />
      <Field label="Länk till karta (frivilligt)" name="mapUrl" type="url" hint="Börjar med https://" defaultValue={v("mapUrl", "")} error={errors.mapUrl} />
      <div className="form-row">
        <SelectField
          label="Veckodag"
          name="weekday"
          defaultValue={v("weekday")}
          error={errors.weekday}
          options={WEEKDAYS.slice(0, 5).map(([d, name]) => ({ value: String(d), label: name }))}
        />
        <Field label="Första tiden börjar kl." name="firstSlotAt" hint="Till exempel 14.30" defaultValue={v("firstSlotAt", "")} error={errors.firstSlotAt} />
        <Field label="Minuter per tid" name="slotMinutes" inputMode="numeric" defaultValue={v("slotMinutes", "30")} error={errors.slotMinutes} />
        <Field
          label="Antal tider varje gång"
          name="slotsPerOccasion"
          inputMode="numeric"
          defaultValue={v("slotsPerOccasion", "3")}
          error={errors.slotsPerOccasion}
        />
      </div>
      <div className="form-row">
        <Field
          label="Var hur många veckor"
          name="everyWeeks"
          inputMode="numeric"
          hint="2 betyder varannan vecka"
          defaultValue={v("everyWeeks", "2")}
          error={errors.everyWeeks}
        />
        <Field label="Första datum" name="firstDate" type="date" defaultValue={v("firstDate")} error={errors.firstDate} />
        <Field label="Sista datum" name="lastDate" type="date" defaultValue={v("lastDate")} error={errors.lastDate} />
      </div>
      <div className="form-row">
        <Field
          label="Platser per tid"
          name="placesPerSlot"
          inputMode="numeric"
          hint="Fler än 1 för en gruppvandring"
          defaultValue={v("placesPerSlot", "1")}
          error={errors.placesPerSlot}
        />
        <Field
          label="Boka och avboka senast, dagar innan"
          name="deadlineDaysBefore"
          inputMode="numeric"
          defaultValue={v("deadlineDaysBefore", "1")}
          error={errors.deadlineDaysBefore}
        />
        <Field label="… klockan" name="deadlineAt" defaultValue={v("deadlineAt", "12.00")} error={errors.deadlineAt} />
      </div>
      {parts.length > 0 ? (
        <SelectField
          label="Bara för ett stadium (frivilligt)"
          name="schoolPartId"
          placeholder="Alla"
          defaultValue={v("schoolPartId")}
          error={errors.schoolPartId}
          options={parts}
        />
      ) : null}
      {teams.length > 0 ? (
        <SelectField
          label="Bara för ett arbetslag (frivilligt)"
          name="staffTeamId"
          placeholder="Alla"
          defaultValue={v("staffTeamId")}
          error={errors.staffTeamId}
          options={teams}
        />
      ) : null}
      <button type="submit">{submitLabel}</button> <Link to="/walk-and-talk">Avbryt</Link>
    </Form>
  );
}
