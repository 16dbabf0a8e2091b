import type { ActionFunctionArgs, LoaderFunctionArgs, MetaFunction } from "@remix-run/node";
import { json, redirect } from "@remix-run/node";
import { Form, Link, useActionData, useLoaderData, useSearchParams } from "@remix-run/react";
import { Field } from "../components/Field";
import { SelectField } from "../components/SelectField";
import { organisationKindLabel, roleLabel, schoolStageLabel } from "../format/labels";
import { pageTitle } from "../format/title";
import { parseId, readFormValues, refused, validateForm } from "../http/forms";
import { recordAudit } from "../models/audit.server";
import { addContactAssignment, contactCandidates, removeContactAssignment } from "../models/contact-admin.server";
import { addAssignmentSchema, removeAssignmentSchema } from "../models/contact-admin";
import { districtOrganisations, getOrganisation } from "../models/organisations.server";
import { districtHasUnitHead } from "../models/access-approval.server";
import { FormError } from "../components/FormError";
import { requireActorWith } from "../auth/guard.server";

export const meta: MetaFunction = () => pageTitle("Kontaktpersoner");

export async function loader({ request }: LoaderFunctionArgs) {
  const actor = await requireActorWith(request, "district:manage");
  const chosenId = parseId(new URL(request.url).searchParams.get("verksamhet") ?? undefined);
  const chosen = chosenId === null ? null : getOrganisation(actor, chosenId);
  return {
    organisations: districtOrganisations(actor),
    candidates: contactCandidates(actor),
    hasUnitHead: districtHasUnitHead(actor),
    chosen: chosen ? { id: chosen.organisation.id, name: chosen.organisation.name, schoolParts: chosen.schoolParts } : null,
  };
}

export async function action({ request }: ActionFunctionArgs) {
  const actor = await requireActorWith(request, "district:manage");
  // Checkboxes repeat their name: read them before the single-value form reader.
  const formData = await request
    .clone()
    .formData()
    .catch(() => new FormData());
  const schoolPartIds = formData.getAll("schoolPartIds").map((v) => parseId(typeof v === "string" ? v : undefined));
  const values = await readFormValues(request);
  if (values.intent === "remove") {
    const form = validateForm(values, removeAssignmentSchema());
    const outcome = form.ok ? removeContactAssignment(actor, form.data.assignmentId) : { ok: false as const, field: "form", message: "Välj ett uppdrag." };
    if (!outcome.ok) return json(refused({ form: outcome.message }, values), { status: 400 });
    recordAudit(actor, "contact_assignment.removed", { type: "contact_assignment", id: values.assignmentId });
    return redirect("/kontaktpersoner?sparat=borttagen");
  }
  const form = validateForm(values, addAssignmentSchema());
  if (!form.ok) return json(refused(form.fieldErrors, values), { status: 400 });
  if (schoolPartIds.some((p) => p === null)) return json(refused({ schoolPartIds: "Välj bara stadier i listan." }, values), { status: 400 });
  const outcome = addContactAssignment(actor, { ...form.data, schoolPartIds: schoolPartIds as number[] });
  if (!outcome.ok) return json(refused({ [outcome.field]: outcome.message }, values), { status: 400 });
  recordAudit(actor, "contact_assignment.added", { type: "organisation", id: form.data.organisationId });
  return redirect(`/kontaktpersoner?sparat=tillagd`);
}

export default function ContactAssignments() {
  const { organisations, candidates, chosen, hasUnitHead } = useLoaderData<typeof loader>();
  const actionData = useActionData<typeof action>();
  const [searchParams] = useSearchParams();
  const errors = actionData?.fieldErrors ?? {};
  const values = actionData?.values ?? {};
  const saved = {
    tillagd: "Kontaktpersonen är tillagd. Frågor når hen härifrån när enhetschefen har godkänt uppdraget.",
    borttagen: "Kontaktpersonen är borttagen.",
  }[searchParams.get("sparat") ?? ""];
  return (
    <>
      <h1>Kontaktpersoner</h1>
      <p className="lead">Här bestämmer du vem som är utsedd kontaktperson för varje verksamhet. Ett nytt uppdrag gäller när enhetschefen har godkänt det.</p>
      {hasUnitHead ? null : (
        <p className="notice notice--warn">
          Stadsdelsområdet har ingen enhetschef i portalen än, så ingen kan godkänna nya uppdrag. Be stadens administratör att utse en.
        </p>
      )}
      {saved && !actionData ? (
        <p className="notice" role="status">
          {saved}
        </p>
      ) : null}
      <FormError message={errors.form} />
      {chosen ? (
        <section aria-labelledby="add-heading" className="panel">
          <h2 id="add-heading">Ny kontaktperson för {chosen.name}</h2>
          <Form method="post" noValidate>
            <input type="hidden" name="intent" value="add" />
            <input type="hidden" name="organisationId" value={chosen.id} />
            {errors.organisationId ? <p className="field__error">{errors.organisationId}</p> : null}
            <SelectField
              label="Kontaktperson"
              name="personId"
              defaultValue={values.personId}
              error={errors.personId}
              options={candidates.map((c) => ({ value: String(c.personId), label: `${c.name}, ${roleLabel[c.role].toLowerCase()}` }))}
            />
            <Field
              label="Ansvarar för"
              name="scopeLabel"
              hint="Visas för personalen, till exempel Lågstadiet, mellanstadiet och grundsärskolan"
              defaultValue={values.scopeLabel ?? ""}
              error={errors.scopeLabel}
            />
            {chosen.schoolParts.length > 0 ? (
              <fieldset className="radio-group" aria-describedby={errors.schoolPartIds ? "parts-error" : undefined}>
                <legend>Vilka stadier? Välj inget om det gäller hela skolan.</legend>
                {errors.schoolPartIds ? (
                  <p className="field__error" id="parts-error">
                    {errors.schoolPartIds}
                  </p>
                ) : null}
                {chosen.schoolParts.map((p) => (
                  <div className="radio-group__option" key={p.id}>
                    <input type="checkbox" id={`part-${p.id}`} name="schoolPartIds" value={p.id} />
                    <label htmlFor={`part-${p.id}`}>{schoolStageLabel[p.stage]}</label>
                  </div>
                ))}
              </fieldset>
            ) : null}
            <button type="submit">Lägg till</button> <Link to="/kontaktpersoner">Avbryt</Link>
          </Form>
        </section>
      ) : null}
      <div className="table-wrap">
        <table>
          <caption>Verksamheter och kontaktpersoner</caption>
          <thead>
            <tr>
              <th scope="col">Verksamhet</th>
              <th scope="col">Kontaktpersoner</th>
              <th scope="col">Lägg till</th>
            </tr>
          </thead>
          <tbody>
            {organisations.map((o) => (
              <tr key={o.id} className={o.coverage === "none" ? "gap" : undefined}>
                <td className={o.parentId ? "indent" : undefined}>
                  {o.name}
                  <br />
                  <span className="field__hint">{organisationKindLabel[o.kind]}</span>
                </td>
                <td>
                  {o.contacts.length === 0 ? (
                    <strong>{o.coverage === "unit" ? "Via förskoleenheten" : "Ingen kontaktperson"}</strong>
                  ) : (
                    <ul className="plain-list">
                      {o.contacts.map((c) => (
                        <li key={c.assignmentId}>
                          {c.name}: {c.scopeLabel}
                          {c.pending ? <span className="field__hint"> (väntar på godkännande av enhetschefen)</span> : null}{" "}
                          <Form method="post" className="inline-form">
                            <input type="hidden" name="intent" value="remove" />
                            <input type="hidden" name="assignmentId" value={c.assignmentId} />
                            <button type="submit" className="button--quiet">
                              Ta bort
                              <span className="sr-only">
                                {" "}
                                {c.name} som kontaktperson för {o.name}
                              </span>
                            </button>
                          </Form>
                        </li>
                      ))}
                    </ul>
                  )}
                </td>
                <td>
                  <Link to={`/kontaktpersoner?verksamhet=${o.id}#add-heading`}>
                    Lägg till<span className="sr-only"> kontaktperson för {o.name}</span>
                  </Link>
                </td>
              </tr>
            ))}
          </tbody>
        </table>
      </div>
    </>
  );
}
