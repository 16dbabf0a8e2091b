import { appointedByTheCity } from "../auth/permissions";
import { IntentButton } from "../components/IntentButton";
import type { ActionFunctionArgs, LoaderFunctionArgs, MetaFunction } from "@remix-run/node";
import { json, redirect } from "@remix-run/node";
import { Form, Link, useActionData, useLoaderData, useSearchParams } from "@remix-run/react";
import { endAllSessionsOf } from "../auth/session.server";
import { now } from "../clock.server";
import { PersonFields } from "../components/admin/PersonFields";
import { FormError } from "../components/FormError";
import { SavedNotice } from "../components/SavedNotice";
import { formatDate } from "../format/dates";
import { roleLabel } from "../format/labels";
import { pageTitle } from "../format/title";
import { formatInstant } from "../format/walk";
import { parseId, readFormValues, refused, validateForm } from "../http/forms";
import { meetingKindLabel } from "../models/meetings";
import { personFormSchema } from "../models/people-admin";
import { districtHasUnitHead, isContentRole } from "../models/access-approval.server";
import {
  unitChoices,
  changePerson,
  deactivatePerson,
  organisationChoices,
  personForAdmin,
  reactivatePerson,
  resendInvitation,
} from "../models/people-admin.server";
import { localDateOf } from "../time/stockholm";
import type { Failure } from "../models/failure";
import { requireActorWith, notFound } from "../auth/guard.server";

export const meta: MetaFunction<typeof loader> = ({ data }) => pageTitle(data ? data.person.name : "Person");

async function lookup(request: Request, personId: string | undefined) {
  const actor = await requireActorWith(request, "district:manage");
  const id = parseId(personId);
  const found = id === null ? null : personForAdmin(actor, id, now());
  if (!found || id === null) throw notFound();
  return { actor, id, found };
}

export async function loader({ request, params }: LoaderFunctionArgs) {
  const { actor, found } = await lookup(request, params.personId);
  const p = found.person;
  return {
    person: {
      id: p.id,
      name: p.name,
      email: p.email,
      title: p.title,
      role: p.role,
      organisationId: p.organisationId,
      unit: p.schoolPartId ? `part:${p.schoolPartId}` : p.staffTeamId ? `team:${p.staffTeamId}` : "",
      deactivatedAt: p.deactivatedAt,
      hasPassword: p.passwordHash !== null,
    },
    accessPending: isContentRole(p.role) && p.accessApprovedAt === null,
    hasUnitHead: districtHasUnitHead(actor),
    organisationName: found.organisationName,
    walks: found.walks,
    meetings: found.meetings,
    organisations: organisationChoices(actor),
    units: unitChoices(actor),
    isSelf: p.id === actor.personId,
    today: localDateOf(now()),
  };
}

export async function action({ request, params }: ActionFunctionArgs) {
  const { actor, id } = await lookup(request, params.personId);
  const values = await readFormValues(request);
  const at = now();
  const answer = async (outcome: { ok: true } | Failure, saved: string, endSessions = false) => {
    if (!outcome.ok) return json(refused({ [outcome.field]: outcome.message }, values), { status: 400 });
    if (endSessions) await endAllSessionsOf(id);
    return redirect(`/admin/personer/${id}?sparat=${saved}`);
  };
  switch (values.intent) {
    case "change": {
      const form = validateForm(values, personFormSchema);
      if (!form.ok) return json(refused(form.fieldErrors, values), { status: 400 });
      const outcome = changePerson(actor, id, form.data, at);
      // A new role or organisation applies at once: the person logs in again.
      return answer(outcome, outcome.ok && outcome.accessRequested ? "andrad-godkannande" : "andrad", outcome.ok && outcome.roleChanged);
    }
    case "deactivate":
      return answer(deactivatePerson(actor, id, at), "avstangd", true);
    case "reactivate":
      return answer(reactivatePerson(actor, id, at), "aktiverad");
    case "resend":
      return answer(resendInvitation(actor, id, at), "inbjuden");
    default:
      return answer({ ok: false, field: "form", message: "Formuläret kunde inte läsas. Ladda om sidan och försök igen." }, "");
  }
}

const SAVED: Record<string, string> = {
  inbjuden: "Inbjudan är skickad. Länken gäller i 7 dagar.",
  andrad: "Ändringen är sparad.",
  "andrad-godkannande": "Ändringen är sparad. Personen kan läsa frågor först när enhetschefen har godkänt den nya rollen.",
  avstangd: "Kontot är avstängt. Personen kan inte längre logga in; det hen har gjort finns kvar.",
  aktiverad: "Kontot är aktivt igen.",
};

export default function PersonAdmin() {
  const data = useLoaderData<typeof loader>();
  const actionData = useActionData<typeof action>();
  const [searchParams] = useSearchParams();
  const errors = actionData?.fieldErrors ?? {};
  const p = data.person;
  const values =
    actionData?.values.intent === "change"
      ? actionData.values
      : { name: p.name, title: p.title, role: p.role, organisationId: p.organisationId ? String(p.organisationId) : "", unit: p.unit };
  return (
    <>
      <h1>{p.name}</h1>
      <SavedNotice message={actionData ? undefined : SAVED[searchParams.get("sparat") ?? ""]} />
      <FormError message={errors.form} />
      <p>
        {p.email}. {roleLabel[p.role]}, {data.organisationName ?? "socialtjänsten"}.{" "}
        {p.deactivatedAt
          ? `Avstängt sedan ${formatDate(localDateOf(new Date(p.deactivatedAt)), data.today)}.`
          : p.hasPassword
            ? "Kontot är aktivt."
            : "Inbjuden, har inte valt lösenord än."}
      </p>
      {data.accessPending && !p.deactivatedAt ? (
        <p className="notice notice--warn">
          {data.hasUnitHead
            ? "Att läsa och svara på frågor väntar på godkännande av enhetschefen. Tills dess ser personen inga frågor."
            : "Att läsa och svara på frågor väntar på godkännande av enhetschefen, men stadsdelsområdet har ingen enhetschef i portalen än. Be stadens administratör att lägga till en."}
        </p>
      ) : null}
      <p>
        <Link to="/admin/personer">Till alla personer</Link>
      </p>
      {appointedByTheCity(p) ? (
        <p>Enhetschefen godkänner vem som får läsa frågor. Därför utses och ändras enhetschefen av stadens administratör, inte här.</p>
      ) : (
        <Form method="post" noValidate className="panel" aria-labelledby="change-heading">
          <h2 id="change-heading">Ändra</h2>
          <input type="hidden" name="intent" value="change" />
          <PersonFields values={values} errors={errors} organisations={data.organisations} units={data.units} />
          <button type="submit">Spara ändringen</button>
        </Form>
      )}
      {(data.walks.length > 0 || data.meetings.length > 0) && (
        <section className="panel" aria-labelledby="handover-heading">
          <h2 id="handover-heading">Att lämna över</h2>
          <p>{p.deactivatedAt ? "Någon behöver ta över de här, eller ställa in dem:" : "Om personen slutar behöver någon ta över de här:"}</p>
          <ul>
            {data.walks.map((w) => (
              <li key={`${w.seriesId}-${w.date}`}>
                Walk-and-talk {formatDate(w.date, data.today)}, {w.organisationName}
              </li>
            ))}
            {data.meetings.map((m) => (
              <li key={m.id}>
                <Link to={`/moten/${m.id}`}>{meetingKindLabel[m.kind]}</Link> {m.startsAt ? formatInstant(m.startsAt, data.today) : "(tid inte bestämd)"}
              </li>
            ))}
          </ul>
        </section>
      )}
      {!data.isSelf && !appointedByTheCity(p) ? (
        // The head of unit's account is the city's: no invitation, deactivation or reactivation here.
        <div className="actions">
          {p.deactivatedAt ? <IntentButton intent="reactivate">Aktivera kontot igen</IntentButton> : null}
          {!p.deactivatedAt && !p.hasPassword ? <IntentButton intent="resend">Skicka inbjudan igen</IntentButton> : null}
          {!p.deactivatedAt ? <IntentButton intent="deactivate">Stäng av kontot</IntentButton> : null}
        </div>
      ) : null}
    </>
  );
}
