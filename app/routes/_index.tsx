import type { ActionFunctionArgs, LoaderFunctionArgs, MetaFunction } from "@remix-run/node";
import { json, redirect } from "@remix-run/node";
import { Link, useActionData, useLoaderData, useSearchParams } from "@remix-run/react";
import { hasFeed, renewFeedToken } from "../calendar/duty-feed.server";
import { can, type Actor } from "../auth/permissions";
import { endAllSessionsOf, requireActor } from "../auth/session.server";
import { PendingApprovals } from "../components/admin/PendingApprovals";
import { AssignedOrganisations } from "../components/AssignedOrganisations";
import { CalendarFeedBox } from "../components/CalendarFeedBox";
import { WhoToCall } from "../components/CallOptions";
import { ContactList } from "../components/ContactList";
import { DistrictOverview } from "../components/DistrictOverview";
import { DutyDaysList } from "../components/DutyDaysList";
import { FormError } from "../components/FormError";
import { StatusForm } from "../components/StatusForm";
import { now } from "../clock.server";
import { pageTitle } from "../format/title";
import { readFormValues, refused, validateForm } from "../http/forms";
import { approveAccess, districtHasUnitHead, hasApprovedAccess, pendingApprovals, pendingCount, refuseAccess } from "../models/access-approval.server";
import { approvalSchema } from "../models/access-approval";
import { availabilityAt, availabilityView, statusChangeSchema } from "../models/availability";
import { setOwnStatus, statusesOf } from "../models/availability.server";
import { dutyDays } from "../models/duty.server";
import { assignedOrganisations, districtOrganisations } from "../models/organisations.server";
import { termOf } from "../models/walk-and-talk";
import { openSlotsFor } from "../models/walk-booking.server";
import { hasBookedThisTerm, walkExpected } from "../models/walk-leadership.server";
import { callAdviceForRequest } from "../models/who-to-call.server";
import { SlotList } from "../components/walk/SlotList";
import { addDays } from "../time/stockholm";
import { forbidden } from "../auth/guard.server";

export const meta: MetaFunction = () => pageTitle("Start");

function contactPersonData(actor: Actor, at: Date, today: string) {
  const ownDays = dutyDays(actor, today, addDays(today, 8 * 7 - 1)).filter((d) => d.personId === actor.personId);
  const status = statusesOf(actor, [actor.personId]).get(actor.personId) ?? null;
  return {
    status: availabilityView(availabilityAt(status, at, ownDays[0]?.date === today)),
    dutyDates: ownDays.map((d) => d.date),
    hasFeed: hasFeed(actor),
    organisations: assignedOrganisations(actor),
    // Four eyes: logged in, but no question until the head of unit approves.
    accessPending: !hasApprovedAccess(actor),
  };
}

export async function loader({ request }: LoaderFunctionArgs) {
  const actor = await requireActor(request);
  const at = now();
  const advice = callAdviceForRequest(request, actor, at);
  const greeting = { name: actor.name, districtName: actor.districtName };
  if (can(actor, "contacts:see-own")) {
    const viewer = { organisationId: actor.organisationId, schoolPartId: actor.schoolPartId };
    const term = termOf(advice.today);
    const walkReminder = walkExpected(actor, term) && !hasBookedThisTerm(actor, term) ? openSlotsFor(actor, at, 3) : null;
    return { view: "partner" as const, greeting, advice, viewer, walkReminder };
  }
  if (can(actor, "district:overview")) {
    return {
      view: "coordinator" as const,
      greeting,
      advice,
      organisations: districtOrganisations(actor),
      approvals: pendingApprovals(actor),
      // The head of unit sees the overview but runs neither the rota nor the assignments: no link to pages she cannot open.
      manages: can(actor, "district:manage"),
      waiting: can(actor, "district:manage") ? { count: pendingCount(actor), hasUnitHead: districtHasUnitHead(actor) } : null,
    };
  }
  return { view: "contact-person" as const, greeting, advice, ...contactPersonData(actor, at, advice.today) };
}

export async function action({ request }: ActionFunctionArgs) {
  const actor = await requireActor(request);
  const values = await readFormValues(request);
  if (values.intent === "approve" || values.intent === "refuse") return approval(actor, values);
  if (!can(actor, "availability:set-own")) throw forbidden();
  if (values.intent === "renew-feed") {
    // Shown this once, in the answer to the POST: only its hash is kept, and it never stands in a URL.
    const token = renewFeedToken(actor);
    if (!token) throw forbidden();
    return json({ newFeedUrl: `${new URL(request.url).origin}/kalender/jour/${token}.ics` });
  }
  if (values.intent !== "set-status") {
    return json(refused({ form: "Formuläret kunde inte läsas. Ladda om sidan och försök igen." }, values), { status: 400 });
  }
  const at = now();
  const form = validateForm(values, statusChangeSchema(at));
  if (!form.ok) return json(refused(form.fieldErrors, form.values), { status: 400 });
  setOwnStatus(actor, form.data, at);
  return redirect("/?sparat=status");
}

/** The head of unit approves or refuses a request for access to consultations (four eyes). */
async function approval(actor: Actor, values: Record<string, string>) {
  if (!can(actor, "access:approve")) throw forbidden();
  const form = validateForm(values, approvalSchema());
  if (!form.ok) return json(refused({ form: "Formuläret kunde inte läsas. Ladda om sidan och försök igen." }, values), { status: 400 });
  const { intent, ...item } = form.data;
  const at = now();
  if (intent === "approve") {
    const outcome = approveAccess(actor, item, at);
    if (!outcome.ok) return json(refused({ [outcome.field]: outcome.message }, values), { status: 400 });
    return redirect("/?sparat=godkant");
  }
  const outcome = refuseAccess(actor, item, at);
  if (!outcome.ok) return json(refused({ [outcome.field]: outcome.message }, values), { status: 400 });
  if (outcome.deactivated !== null) await endAllSessionsOf(outcome.deactivated);
  return redirect(`/?sparat=${item.kind === "person" ? "nekad-person" : "nekat-uppdrag"}`);
}

const SAVED_MESSAGES: Record<string, string> = {
  status: "Din status är sparad.",
  godkant: "Godkänt. Behörigheten gäller från nu.",
  "nekad-person": "Nekat. Kontot är avstängt. Samordnaren ser det och kan fråga dig igen.",
  "nekat-uppdrag": "Nekat. Uppdraget är borttaget.",
};

export default function Home() {
  const data = useLoaderData<typeof loader>();
  const actionData = useActionData<typeof action>();
  const [searchParams] = useSearchParams();
  const saved = SAVED_MESSAGES[searchParams.get("sparat") ?? ""];
  const firstName = data.greeting.name.split(" ")[0];
  return (
    <>
      <h1>Hej {firstName}!</h1>
      {saved && !actionData ? (
        <p className="notice" role="status">
          {saved}
        </p>
      ) : null}
      <WhoToCall options={data.advice.options} today={data.advice.today} heading={data.view === "partner" ? "Vem ringer jag just nu?" : "Jouren just nu"} />
      {data.view === "partner" && data.walkReminder ? (
        <div className="notice notice--warn">
          <p>
            <strong>Har du bokat din walk-and-talk?</strong> Alla i personalen går en walk-and-talk med socialtjänsten den här terminen.
          </p>
          <SlotList slots={data.walkReminder} today={data.advice.today} heading="Nästa lediga tider" headingLevel={3} />
          <p>
            <Link to="/walk-and-talk">Se alla tider</Link>
          </p>
        </div>
      ) : null}
      {data.view === "partner" ? (
        <ContactList contacts={data.advice.contacts} viewer={data.viewer} dutyPhone={data.advice.duty?.phone ?? null} today={data.advice.today} />
      ) : null}
      {data.view === "contact-person" ? (
        <>
          {data.accessPending ? (
            <p className="notice notice--warn">
              Du kan inte läsa eller svara på frågor än: din behörighet väntar på godkännande av enhetschefen. Du får inga frågor förrän den är godkänd.
            </p>
          ) : null}
          <StatusForm
            current={data.status}
            {...(actionData && "fieldErrors" in actionData ? { errors: actionData.fieldErrors, values: actionData.values } : {})}
          />
          <DutyDaysList dates={data.dutyDates} today={data.advice.today} />
          <CalendarFeedBox hasFeed={data.hasFeed} newFeedUrl={actionData && "newFeedUrl" in actionData ? actionData.newFeedUrl : null} />
          <AssignedOrganisations organisations={data.organisations} />
        </>
      ) : null}
      {data.view === "coordinator" ? (
        <>
          {actionData && "fieldErrors" in actionData && actionData.fieldErrors.form ? <FormError message={actionData.fieldErrors.form} /> : null}
          {data.approvals ? <PendingApprovals people={data.approvals.people} assignments={data.approvals.assignments} today={data.advice.today} /> : null}
          {data.waiting && data.waiting.count > 0 ? (
            <p className="notice notice--warn">
              {data.waiting.count === 1 ? "En behörighet" : `${data.waiting.count} behörigheter`} att läsa frågor väntar på godkännande av enhetschefen.{" "}
              {data.waiting.hasUnitHead ? null : "Stadsdelsområdet har ingen enhetschef i portalen än: be stadens administratör att utse en."}
            </p>
          ) : null}
          <p>
            <Link to="/jour">Jourschemat</Link>
            {data.manages ? (
              <>
                {" "}
                · <Link to="/kontaktpersoner">Kontaktpersoner</Link>
              </>
            ) : null}
          </p>
          <DistrictOverview districtName={data.greeting.districtName} organisations={data.organisations} />
        </>
      ) : null}
    </>
  );
}
