import type { ActionFunctionArgs, LoaderFunctionArgs, MetaFunction } from "@remix-run/node";
import { json, redirect } from "@remix-run/node";
import { Form, Link, useActionData, useLoaderData, useSearchParams } from "@remix-run/react";
import { requireActorWith, notFound } from "../auth/guard.server";
import { now } from "../clock.server";
import { Field } from "../components/Field";
import { FormError } from "../components/FormError";
import { SavedNotice } from "../components/SavedNotice";
import { SelectField } from "../components/SelectField";
import { options } from "../format/consultation";
import { organisationKindLabel, schoolStageLabel } from "../format/labels";
import { pageTitle } from "../format/title";
import { parseId, readFormValues, refused, validateForm } from "../http/forms";
import { renameSchema, stageSchema, staffTeamSchema } from "../models/organisations-admin";
import { addSchoolPart, addStaffTeam, organisationForAdmin, renameOrganisation, setOrganisationClosed } from "../models/organisations-admin.server";
import type { Failure } from "../models/failure";

export const meta: MetaFunction<typeof loader> = ({ data }) => pageTitle(data ? data.organisation.name : "Verksamhet");

async function lookup(request: Request, raw: string | undefined) {
  const actor = await requireActorWith(request, "district:manage");
  const id = parseId(raw);
  const found = id === null ? null : organisationForAdmin(actor, id);
  if (!found || id === null) throw notFound();
  return { actor, id, found };
}

export async function loader({ request, params }: LoaderFunctionArgs) {
  const { found } = await lookup(request, params.organisationId);
  return found;
}

export async function action({ request, params }: ActionFunctionArgs) {
  const { actor, id } = await lookup(request, params.organisationId);
  const values = await readFormValues(request);
  const answer = (outcome: { ok: true } | Failure, saved: string) =>
    outcome.ok ? redirect(`/admin/verksamheter/${id}?sparat=${saved}`) : json(refused({ [outcome.field]: outcome.message }, values), { status: 400 });
  const parsed = <T,>(schema: Parameters<typeof validateForm>[1], run: (data: T) => { ok: true } | Failure, saved: string) => {
    const form = validateForm(values, schema);
    return form.ok ? answer(run(form.data as T), saved) : json(refused(form.fieldErrors, values), { status: 400 });
  };
  switch (values.intent) {
    case "rename":
      return parsed<{ name: string }>(renameSchema, (d) => renameOrganisation(actor, id, d.name), "andrad");
    case "stage":
      return parsed<{ stage: "lagstadiet" }>(stageSchema, (d) => addSchoolPart(actor, id, d.stage), "andrad");
    case "staffTeam":
      return parsed<{ name: string }>(staffTeamSchema, (d) => addStaffTeam(actor, id, d.name), "andrad");
    case "close":
      return answer(setOrganisationClosed(actor, id, true, now()), "stangd");
    case "reopen":
      return answer(setOrganisationClosed(actor, id, false, now()), "oppnad");
    default:
      return answer({ ok: false, field: "form", message: "Formuläret kunde inte läsas. Ladda om sidan och försök igen." }, "");
  }
}

const SAVED: Record<string, string> = {
  tillagd: "Verksamheten är tillagd.",
  andrad: "Ändringen är sparad.",
  stangd: "Verksamheten är stängd. Det som hänt finns kvar, men den kan inte väljas för nya personer.",
  oppnad: "Verksamheten är öppen igen.",
};

export default function OrganisationAdmin() {
  const { organisation, parts, staffTeams, preschools } = useLoaderData<typeof loader>();
  const actionData = useActionData<typeof action>();
  const [searchParams] = useSearchParams();
  const errors = actionData?.fieldErrors ?? {};
  const intent = actionData?.values.intent;
  const errorsOf = (name: string) => (intent === name ? errors : {});
  return (
    <>
      <h1>{organisation.name}</h1>
      <SavedNotice message={actionData ? undefined : SAVED[searchParams.get("sparat") ?? ""]} />
      <FormError message={errors.form} />
      <p>
        {organisationKindLabel[organisation.kind]}. {organisation.closedAt ? "Stängd." : "Öppen."} <Link to="/admin/verksamheter">Till alla verksamheter</Link>
      </p>
      <Form method="post" noValidate className="panel form-row" aria-label="Byt namn">
        <input type="hidden" name="intent" value="rename" />
        <Field
          label="Namn"
          name="name"
          defaultValue={intent === "rename" ? (actionData?.values.name ?? "") : organisation.name}
          error={errorsOf("rename").name}
        />
        <div className="field">
          <button type="submit">Byt namn</button>
        </div>
      </Form>
      {organisation.kind === "school" ? (
        <section className="panel" aria-labelledby="parts-heading">
          <h2 id="parts-heading">Stadier</h2>
          <p>{parts.length ? parts.map((p) => schoolStageLabel[p.stage]).join(", ") : "Inga stadier än."}</p>
          <Form method="post" noValidate className="form-row">
            <input type="hidden" name="intent" value="stage" />
            <SelectField label="Lägg till stadium" name="stage" error={errorsOf("stage").stage} options={options(schoolStageLabel)} />
            <div className="field">
              <button type="submit">Lägg till</button>
            </div>
          </Form>
        </section>
      ) : null}
      {organisation.kind === "preschool" ? (
        <section className="panel" aria-labelledby="teams-heading">
          <h2 id="teams-heading">Arbetslag</h2>
          <p>{staffTeams.length ? staffTeams.map((t) => t.name).join(", ") : "Inga arbetslag än."}</p>
          <Form method="post" noValidate className="form-row">
            <input type="hidden" name="intent" value="staffTeam" />
            <Field
              label="Nytt arbetslag"
              name="name"
              defaultValue={intent === "staffTeam" ? (actionData?.values.name ?? "") : ""}
              error={errorsOf("staffTeam").name}
            />
            <div className="field">
              <button type="submit">Lägg till</button>
            </div>
          </Form>
        </section>
      ) : null}
      {organisation.kind === "preschool_unit" ? (
        <section className="panel" aria-labelledby="preschools-heading">
          <h2 id="preschools-heading">Förskolor i enheten</h2>
          <ul>
            {preschools.map((p) => (
              <li key={p.id}>
                <Link to={`/admin/verksamheter/${p.id}`}>{p.name}</Link>
                {p.closedAt ? " (stängd)" : ""}
              </li>
            ))}
          </ul>
          <p className="field__hint">Lägg till en förskola under Verksamheter och välj enheten.</p>
        </section>
      ) : null}
      <Form method="post">
        <input type="hidden" name="intent" value={organisation.closedAt ? "reopen" : "close"} />
        <button type="submit" className="button--quiet">
          {organisation.closedAt ? "Öppna verksamheten igen" : "Stäng verksamheten"}
        </button>
      </Form>
    </>
  );
}
