import type { ActionFunctionArgs, LoaderFunctionArgs, MetaFunction } from "@remix-run/node";
import { json, redirect } from "@remix-run/node";
import { Form, Link, useActionData, useLoaderData, useSearchParams } from "@remix-run/react";
import { now } from "../clock.server";
import { PersonFields } from "../components/admin/PersonFields";
import { Field } from "../components/Field";
import { FormError } from "../components/FormError";
import { SavedNotice } from "../components/SavedNotice";
import { roleLabel } from "../format/labels";
import { pageTitle } from "../format/title";
import { readFormValues, refused, validateForm } from "../http/forms";
import { inviteSchema } from "../models/people-admin";
import { isContentRole } from "../models/access-approval.server";
import { unitChoices, districtPeople, invitePerson, organisationChoices } from "../models/people-admin.server";
import { requireActorWith } from "../auth/guard.server";
import { countOf } from "../format/count";

export const meta: MetaFunction = () => pageTitle("Personer");

export async function loader({ request }: LoaderFunctionArgs) {
  const actor = await requireActorWith(request, "district:manage");
  const query = (new URL(request.url).searchParams.get("sok") ?? "").slice(0, 100);
  return { query, people: districtPeople(actor, query), organisations: organisationChoices(actor), units: unitChoices(actor) };
}

export async function action({ request }: ActionFunctionArgs) {
  const actor = await requireActorWith(request, "district:manage");
  const values = await readFormValues(request);
  const form = validateForm(values, inviteSchema);
  if (!form.ok) return json(refused(form.fieldErrors, values), { status: 400 });
  const outcome = invitePerson(actor, form.data, now());
  if (!outcome.ok) return json(refused({ [outcome.field]: outcome.message }, values), { status: 400 });
  // The same answer whether or not the address is held outside the district (see invitePerson):
  // it depends only on what the coordinator typed.
  return redirect(`/admin/personer?sparat=${isContentRole(form.data.role) ? "inbjuden-godkannande" : "inbjuden"}`);
}

const SAVED: Record<string, string> = {
  inbjuden: "Inbjudan är skickad. Länken gäller i 7 dagar och fungerar en gång.",
  "inbjuden-godkannande": "Inbjudan är skickad. Länken gäller i 7 dagar och fungerar en gång. Personen kan läsa frågor först när enhetschefen har godkänt det.",
};

export default function People() {
  const { query, people, organisations, units } = useLoaderData<typeof loader>();
  const actionData = useActionData<typeof action>();
  const [searchParams] = useSearchParams();
  const errors = actionData?.fieldErrors ?? {};
  return (
    <>
      <h1>Personer</h1>
      <SavedNotice message={actionData ? undefined : SAVED[searchParams.get("sparat") ?? ""]} />
      <p>
        <Link to="/admin">Till administrationen</Link>
      </p>
      <Form method="post" noValidate className="panel" aria-labelledby="invite-heading">
        <h2 id="invite-heading">Bjud in en person</h2>
        <p>Personen får ett mejl med en länk där hen väljer sitt lösenord. Länken gäller i 7 dagar och fungerar en gång.</p>
        <FormError message={errors.form} />
        <Field label="E-postadress i jobbet" name="email" type="email" autoComplete="off" defaultValue={actionData?.values.email ?? ""} error={errors.email} />
        <PersonFields values={actionData?.values ?? {}} errors={errors} organisations={organisations} units={units} />
        <button type="submit">Skicka inbjudan</button>
      </Form>
      <h2>Alla i stadsdelsområdet</h2>
      <Form method="get" className="form-row" role="search">
        <Field label="Sök på namn, e-post eller verksamhet" name="sok" type="search" defaultValue={query} />
        <div className="field">
          <button type="submit" className="button--quiet">
            Sök
          </button>
        </div>
      </Form>
      <div className="table-wrap">
        <table>
          <caption>{people.length === 500 ? "De första 500 träffarna" : countOf(people.length, "person", "personer")}</caption>
          <thead>
            <tr>
              <th scope="col">Namn</th>
              <th scope="col">Roll</th>
              <th scope="col">Verksamhet</th>
              <th scope="col">Konto</th>
            </tr>
          </thead>
          <tbody>
            {people.map((p) => (
              <tr key={p.id}>
                <th scope="row">
                  <Link to={`/admin/personer/${p.id}`}>{p.name}</Link>
                  <br />
                  <span className="field__hint">{p.email}</span>
                </th>
                <td>
                  {roleLabel[p.role]}, {p.title}
                </td>
                <td>{p.organisationName ?? "Socialtjänsten"}</td>
                <td>
                  {p.deactivatedAt ? "Avstängt" : p.hasPassword ? "Aktivt" : "Inbjuden, inte inloggad än"}
                  {p.accessPending && !p.deactivatedAt ? (
                    <>
                      <br />
                      <span className="field__hint">Läsa frågor: väntar på godkännande av enhetschefen</span>
                    </>
                  ) : null}
                </td>
              </tr>
            ))}
          </tbody>
        </table>
      </div>
    </>
  );
}
