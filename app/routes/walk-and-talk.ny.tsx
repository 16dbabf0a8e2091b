import type { ActionFunctionArgs, LoaderFunctionArgs, MetaFunction } from "@remix-run/node";
import { json, redirect } from "@remix-run/node";
import { Form, Link, useActionData, useLoaderData } from "@remix-run/react";
import { can } from "../auth/permissions";
import { requireActor } from "../auth/session.server";
import { now } from "../clock.server";
import { Field } from "../components/Field";
import { SelectField } from "../components/SelectField";
import { schoolStageLabel } from "../format/labels";
import { pageTitle } from "../format/title";
import { readFormValues, refused, validateForm } from "../http/forms";
import { WEEKDAYS } from "../models/duty-forms";
import { seriesFormSchema } from "../models/walk-and-talk";
import { createSeries, hostableOrganisations } from "../models/walk-and-talk.server";
import { addDays, localDateOf } from "../time/stockholm";

export const meta: MetaFunction = () => pageTitle("Lägg ut walk-and-talk-tider");

export async function loader({ request }: LoaderFunctionArgs) {
  const actor = await requireActor(request);
  if (!can(actor, "availability:set-own")) throw new Response("Forbidden", { status: 403 });
  const today = localDateOf(now());
  return { organisations: hostableOrganisations(actor), today, defaultLast: addDays(today, 7 * 12) };
}

export async function action({ request }: ActionFunctionArgs) {
  const actor = await requireActor(request);
  if (!can(actor, "availability:set-own")) throw new Response("Forbidden", { status: 403 });
  const values = await readFormValues(request);
  const at = now();
  const form = validateForm(values, seriesFormSchema(at));
  if (!form.ok) return json(refused(form.fieldErrors, values), { status: 400 });
  const outcome = createSeries(actor, form.data, at);
  if (!outcome.ok) return json(refused({ [outcome.field]: outcome.message }, values), { status: 400 });
  return redirect(`/walk-and-talk/serier/${outcome.seriesId}?skapad=${outcome.created}`);
}

export default function NewSeries() {
  const { organisations, today, defaultLast } = useLoaderData<typeof loader>();
  const actionData = useActionData<typeof action>();
  const errors = actionData?.fieldErrors ?? {};
  const values = actionData?.values ?? {};
  const parts = organisations.flatMap((o) => o.schoolParts.map((p) => ({ value: String(p.id), label: `${o.name}: ${schoolStageLabel[p.stage]}` })));
  const teams = organisations.flatMap((o) => o.staffTeams.map((t) => ({ value: String(t.id), label: `${o.name}: ${t.name}` })));
  return (
    <>
      <h1>Lägg ut walk-and-talk-tider</h1>
      <p className="lead">Tiderna blir bokningsbara för personalen i verksamheten. Helgdagar och dina jourdagar hoppas över.</p>
      {organisations.length === 0 ? (
        <p className="notice notice--warn">Du är inte kontaktperson för någon verksamhet ännu.</p>
      ) : (
        <Form method="post" noValidate className="panel">
          <SelectField
            label="Verksamhet"
            name="organisationId"
            defaultValue={values.organisationId ?? (organisations.length === 1 ? String(organisations[0]!.id) : undefined)}
            error={errors.organisationId}
            options={organisations.map((o) => ({ value: String(o.id), label: o.name }))}
          />
          <Field label="Mötesplats" name="meetingPoint" hint="Till exempel Utanför huvudentrén, Vällingbyskolan" defaultValue={values.meetingPoint ?? ""} error={errors.meetingPoint} />
          <Field label="Länk till karta (frivilligt)" name="mapUrl" type="url" hint="Börjar med https://" defaultValue={values.mapUrl ?? ""} error={errors.mapUrl} />
          <div className="form-row">
            <SelectField
              label="Veckodag"
              name="weekday"
              defaultValue={values.weekday}
              error={errors.weekday}
              options={WEEKDAYS.slice(0, 5).map(([d, name]) => ({ value: String(d), label: name }))}
            />
            <Field label="Första tiden börjar kl." name="firstSlotAt" hint="Till exempel 14.30" defaultValue={values.firstSlotAt ?? ""} error={errors.firstSlotAt} />
            <Field label="Minuter per tid" name="slotMinutes" inputMode="numeric" defaultValue={values.slotMinutes ?? "30"} error={errors.slotMinutes} />
            <Field label="Antal tider varje gång" name="slotsPerOccasion" inputMode="numeric" defaultValue={values.slotsPerOccasion ?? "3"} error={errors.slotsPerOccasion} />
          </div>
          <div className="form-row">
            <Field label="Var hur många veckor" name="everyWeeks" inputMode="numeric" hint="2 betyder varannan vecka" defaultValue={values.everyWeeks ?? "2"} error={errors.everyWeeks} />
            <Field label="Första datum" name="firstDate" type="date" defaultValue={values.firstDate ?? today} error={errors.firstDate} />
            <Field label="Sista datum" name="lastDate" type="date" defaultValue={values.lastDate ?? defaultLast} error={errors.lastDate} />
          </div>
          <div className="form-row">
            <Field label="Platser per tid" name="placesPerSlot" inputMode="numeric" hint="Fler än 1 för en gruppvandring" defaultValue={values.placesPerSlot ?? "1"} error={errors.placesPerSlot} />
            <Field label="Boka och avboka senast, dagar innan" name="deadlineDaysBefore" inputMode="numeric" defaultValue={values.deadlineDaysBefore ?? "1"} error={errors.deadlineDaysBefore} />
            <Field label="… klockan" name="deadlineAt" defaultValue={values.deadlineAt ?? "12.00"} error={errors.deadlineAt} />
          </div>
          {parts.length > 0 ? (
            <SelectField label="Bara för ett stadium (frivilligt)" name="schoolPartId" placeholder="Alla" defaultValue={values.schoolPartId} error={errors.schoolPartId} options={parts} />
          ) : null}
          {teams.length > 0 ? (
            <SelectField label="Bara för ett arbetslag (frivilligt)" name="staffTeamId" placeholder="Alla" defaultValue={values.staffTeamId} error={errors.staffTeamId} options={teams} />
          ) : null}
          <button type="submit">Lägg ut tiderna</button> <Link to="/walk-and-talk">Avbryt</Link>
        </Form>
      )}
    </>
  );
}
