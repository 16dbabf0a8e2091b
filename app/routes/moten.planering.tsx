import type { ActionFunctionArgs, LoaderFunctionArgs, MetaFunction } from "@remix-run/node";
import { json, redirect } from "@remix-run/node";
import { Form, Link, useActionData, useLoaderData } from "@remix-run/react";
import { requireActor } from "../auth/session.server";
import { now } from "../clock.server";
import { FormError } from "../components/FormError";
import { SelectField } from "../components/SelectField";
import { pageTitle } from "../format/title";
import { readFormValues, refused, validateForm } from "../http/forms";
import { planningSeriesSchema } from "../models/meeting-forms";
import { SeriesFields } from "../components/meetings/SeriesFields";
import { createPlanningSeries, planningOrganisationsFor } from "../models/meeting-creation.server";
import { forbidden } from "../auth/guard.server";

export const meta: MetaFunction = () => pageTitle("Planeringsmöten med förskolan");

async function contactPerson(request: Request) {
  const actor = await requireActor(request);
  const organisations = planningOrganisationsFor(actor);
  if (organisations.length === 0) throw forbidden();
  return { actor, organisations };
}

export async function loader({ request }: LoaderFunctionArgs) {
  const { organisations } = await contactPerson(request);
  return { organisations };
}

export async function action({ request }: ActionFunctionArgs) {
  const { actor } = await contactPerson(request);
  const values = await readFormValues(request);
  const form = validateForm(values, planningSeriesSchema(now()));
  if (!form.ok) return json(refused(form.fieldErrors, values), { status: 400 });
  const outcome = createPlanningSeries(actor, form.data, now());
  if (!outcome.ok) return json(refused({ [outcome.field]: outcome.message }, values), { status: 400 });
  return redirect(`/moten?sparat=planering-${outcome.ids.length}`);
}

export default function PlanningSeries() {
  const { organisations } = useLoaderData<typeof loader>();
  const actionData = useActionData<typeof action>();
  const errors = actionData?.fieldErrors ?? {};
  const values = actionData?.values ?? {};
  return (
    <>
      <h1>Planeringsmöten med förskolan</h1>
      <p className="lead">
        Förskolans ledning och specialpedagoger träffar er regelbundet för att planera. Båda kan lägga till punkter på dagordningen före mötet.
      </p>
      <FormError message={errors.form} />
      <Form method="post" noValidate className="panel">
        <SelectField
          label="Förskola"
          name="organisationId"
          defaultValue={values.organisationId}
          error={errors.organisationId}
          options={organisations.map((o) => ({ value: String(o.id), label: o.name }))}
        />
        <SeriesFields values={values} errors={errors} defaults={{ minutes: "90", everyWeeks: "6", count: "5", place: "school" }} />
        <p className="field__hint">Helgdagar och dina jourdagar flyttas till närmaste lediga dag.</p>
        <button type="submit">Lägg in mötena</button> <Link to="/moten">Avbryt</Link>
      </Form>
    </>
  );
}
