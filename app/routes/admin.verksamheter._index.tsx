import type { ActionFunctionArgs, LoaderFunctionArgs, MetaFunction } from "@remix-run/node";
import { json, redirect } from "@remix-run/node";
import { Form, Link, useActionData, useLoaderData } from "@remix-run/react";
import { Field } from "../components/Field";
import { FormError } from "../components/FormError";
import { SelectField } from "../components/SelectField";
import { options } from "../format/consultation";
import { organisationKindLabel } from "../format/labels";
import { pageTitle } from "../format/title";
import { readFormValues, refused, validateForm } from "../http/forms";
import { organisationSchema } from "../models/organisations-admin";
import { addOrganisation, organisationsForAdmin, preschoolUnits } from "../models/organisations-admin.server";
import { requireActorWith } from "../auth/guard.server";

export const meta: MetaFunction = () => pageTitle("Verksamheter");

export async function loader({ request }: LoaderFunctionArgs) {
  const actor = await requireActorWith(request, "district:manage");
  return { organisations: organisationsForAdmin(actor), units: preschoolUnits(actor) };
}

export async function action({ request }: ActionFunctionArgs) {
  const actor = await requireActorWith(request, "district:manage");
  const values = await readFormValues(request);
  const form = validateForm(values, organisationSchema);
  if (!form.ok) return json(refused(form.fieldErrors, values), { status: 400 });
  const outcome = addOrganisation(actor, form.data);
  if (!outcome.ok) return json(refused({ [outcome.field]: outcome.message }, values), { status: 400 });
  return redirect(`/admin/verksamheter/${outcome.id}?sparat=tillagd`);
}

export default function Organisations() {
  const { organisations, units } = useLoaderData<typeof loader>();
  const actionData = useActionData<typeof action>();
  const errors = actionData?.fieldErrors ?? {};
  const values = actionData?.values ?? {};
  return (
    <>
      <h1>Verksamheter</h1>
      <p>
        <Link to="/admin">Till administrationen</Link> · <Link to="/admin/import">Importera från en CSV-fil</Link>
      </p>
      <Form method="post" noValidate className="panel" aria-labelledby="add-heading">
        <h2 id="add-heading">Lägg till en verksamhet</h2>
        <FormError message={errors.form} />
        <Field label="Namn" name="name" defaultValue={values.name ?? ""} error={errors.name} />
        <SelectField label="Sort" name="kind" defaultValue={values.kind} error={errors.kind} options={options(organisationKindLabel)} />
        <SelectField
          label="Hör till förskoleenhet"
          name="parentId"
          placeholder="Ingen"
          defaultValue={values.parentId}
          error={errors.parentId}
          options={units.map((u) => ({ value: String(u.id), label: u.name }))}
        />
        <button type="submit">Lägg till</button>
      </Form>
      <div className="table-wrap">
        <table>
          <caption>Alla verksamheter i stadsdelsområdet</caption>
          <thead>
            <tr>
              <th scope="col">Namn</th>
              <th scope="col">Sort</th>
              <th scope="col" className="number">
                Personer i portalen
              </th>
              <th scope="col">Läge</th>
            </tr>
          </thead>
          <tbody>
            {organisations.map((o) => (
              <tr key={o.id}>
                <th scope="row">
                  <Link to={`/admin/verksamheter/${o.id}`}>{o.name}</Link>
                </th>
                <td>{organisationKindLabel[o.kind]}</td>
                <td className="number">{o.people}</td>
                <td>{o.closedAt ? "Stängd" : "Öppen"}</td>
              </tr>
            ))}
          </tbody>
        </table>
      </div>
    </>
  );
}
