import type { ActionFunctionArgs, LoaderFunctionArgs, MetaFunction } from "@remix-run/node";
import { json, redirect } from "@remix-run/node";
import { Form, useActionData, useLoaderData, useSearchParams } from "@remix-run/react";
import { requireActorWith } from "../auth/guard.server";
import { now } from "../clock.server";
import { Field } from "../components/Field";
import { FormError } from "../components/FormError";
import { SavedNotice } from "../components/SavedNotice";
import { StatisticsTable } from "../components/statistics/StatisticsTable";
import { pageTitle } from "../format/title";
import { readFormValues, refused, validateForm } from "../http/forms";
import { SelectField } from "../components/SelectField";
import { districtSchema, unitHeadSchema } from "../models/districts";
import { addDistrict, appointUnitHead, districtChoices } from "../models/districts.server";
import { cityStatistics } from "../models/statistics.server";

export const meta: MetaFunction = () => pageTitle("Staden");

export async function loader({ request }: LoaderFunctionArgs) {
  const actor = await requireActorWith(request, "city:admin");
  return { table: cityStatistics(actor, now()), districts: districtChoices(actor) };
}

export async function action({ request }: ActionFunctionArgs) {
  const actor = await requireActorWith(request, "city:admin");
  const values = await readFormValues(request);
  if (values.intent === "unit-head") {
    const form = validateForm(values, unitHeadSchema);
    if (!form.ok) return json(refused(form.fieldErrors, values), { status: 400 });
    const outcome = appointUnitHead(actor, form.data, now());
    if (!outcome.ok) return json(refused({ [outcome.field]: outcome.message }, values), { status: 400 });
    return redirect("/stad?sparat=enhetschef");
  }
  const form = validateForm(values, districtSchema);
  if (!form.ok) return json(refused(form.fieldErrors, values), { status: 400 });
  const outcome = addDistrict(actor, form.data, now());
  if (!outcome.ok) return json(refused({ [outcome.field]: outcome.message }, values), { status: 400 });
  return redirect("/stad?sparat=1");
}

const SAVED: Record<string, string> = {
  "1": "Stadsdelsområdet är tillagt. Samordnaren har fått en inbjudan med e-post.",
  enhetschef: "Enhetschefen är utsedd och har fått en inbjudan med e-post.",
};

export default function City() {
  const { table, districts } = useLoaderData<typeof loader>();
  const actionData = useActionData<typeof action>();
  const [searchParams] = useSearchParams();
  const headForm = actionData?.values.intent === "unit-head";
  const errors = (headForm ? {} : actionData?.fieldErrors) ?? {};
  const values = (headForm ? {} : actionData?.values) ?? {};
  const headErrors = (headForm ? actionData?.fieldErrors : {}) ?? {};
  const headValues = (headForm ? actionData?.values : {}) ?? {};
  return (
    <>
      <h1>Samverkansportalen i staden</h1>
      <SavedNotice message={actionData ? undefined : SAVED[searchParams.get("sparat") ?? ""]} />
      <p className="lead">
        Uppföljningen för varje stadsdelsområde, sida vid sida. Bara antal och tider, aldrig vad frågor och möten handlar om. Antal under 5 visas som "färre än
        5". Vissa andra värden döljs också ("dolt"), så att ingen kan räkna ut ett litet antal.
      </p>
      <StatisticsTable table={table} csvHref="/stad.csv" />
      <Form method="post" noValidate className="panel" aria-labelledby="add-heading">
        <h2 id="add-heading">Lägg till ett stadsdelsområde</h2>
        <FormError message={errors.form} />
        <Field label="Stadsdelsområde" name="name" defaultValue={values.name ?? ""} error={errors.name} />
        <Field label="Var teamet sitter" name="office" hint="Till exempel Tensta centrum" defaultValue={values.office ?? ""} error={errors.office} />
        <Field label="Samordnarens namn" name="coordinatorName" defaultValue={values.coordinatorName ?? ""} error={errors.coordinatorName} />
        <Field
          label="Samordnarens e-postadress"
          name="coordinatorEmail"
          type="email"
          defaultValue={values.coordinatorEmail ?? ""}
          error={errors.coordinatorEmail}
        />
        <button type="submit">Lägg till och bjud in samordnaren</button>
      </Form>
      <Form method="post" noValidate className="panel" aria-labelledby="head-heading">
        <h2 id="head-heading">Utse en enhetschef</h2>
        <p>
          Enhetschefen godkänner vem som får läsa frågor i stadsdelsområdet: socialsekreterare, föräldrarådgivare och kontaktpersoner som samordnaren lägger
          till. Därför utser du enhetschefen, inte samordnaren.
        </p>
        <input type="hidden" name="intent" value="unit-head" />
        <FormError message={headErrors.form} />
        <SelectField
          idPrefix="head"
          label="Stadsdelsområde"
          name="districtId"
          defaultValue={headValues.districtId}
          error={headErrors.districtId}
          options={districts.map((d) => ({ value: String(d.id), label: d.name }))}
        />
        <Field idPrefix="head" label="Enhetschefens namn" name="name" defaultValue={headValues.name ?? ""} error={headErrors.name} />
        <Field idPrefix="head" label="Enhetschefens e-postadress" name="email" type="email" defaultValue={headValues.email ?? ""} error={headErrors.email} />
        <button type="submit">Utse och bjud in enhetschefen</button>
      </Form>
    </>
  );
}
