import type { ActionFunctionArgs, LoaderFunctionArgs, MetaFunction } from "@remix-run/node";
import { json, redirect } from "@remix-run/node";
import { Form, Link, useActionData, useLoaderData, useSearchParams } from "@remix-run/react";
import { requireActor } from "../auth/session.server";
import { now } from "../clock.server";
import { Field } from "../components/Field";
import { FormError } from "../components/FormError";
import { formatDate } from "../format/dates";
import { formatInstant } from "../format/walk";
import { pageTitle } from "../format/title";
import { parseId, readFormValues, refused, validateForm } from "../http/forms";
import { getBackBy, meetingTitle, placeLabel } from "../models/meetings";
import { addAgendaPoint, agendaOf, cancelMeeting, confirmMeeting, counterPropose, meetingFor, saveMeetingNotes } from "../models/meetings.server";
import { meetingTextSchema } from "../models/meetings";
import { NameConfirmation } from "../components/NameConfirmation";
import { TextArea } from "../components/TextArea";
import { instantAt, isLocalDate, localDateOf, parseClock } from "../time/stockholm";
import { SavedNotice } from "../components/SavedNotice";

export const meta: MetaFunction<typeof loader> = ({ data }) => pageTitle(data ? meetingTitle(data.meeting.kind, data.organisationName) : "Möte");

export async function loader({ request, params }: LoaderFunctionArgs) {
  const actor = await requireActor(request);
  const id = parseId(params.meetingId);
  const found = id === null ? null : meetingFor(actor, id);
  if (!found) throw new Response("Not found", { status: 404 });
  const at = now();
  return { ...found, agenda: found.meeting.kind === "planning" ? agendaOf(found.meeting.id) : [], today: localDateOf(at), now: at.toISOString() };
}


export async function action({ request, params }: ActionFunctionArgs) {
  const actor = await requireActor(request);
  const id = parseId(params.meetingId);
  const found = id === null ? null : meetingFor(actor, id);
  if (!found || id === null) throw new Response("Not found", { status: 404 });
  const values = await readFormValues(request);
  const at = now();
  const answer = (outcome: { ok: true } | { ok: false; field: string; message: string }, saved: string) =>
    outcome.ok ? redirect(`/moten/${id}?sparat=${saved}`) : json(refused({ [outcome.field]: outcome.message }, values), { status: 400 });
  switch (values.intent) {
    case "confirm": {
      const proposalId = parseId(values.proposalId);
      return answer(proposalId === null ? { ok: false, field: "proposalId", message: "Välj en av de föreslagna tiderna." } : confirmMeeting(actor, id, proposalId, at), "bekraftat");
    }
    case "propose": {
      const date = (values.date ?? "").trim();
      const clock = parseClock(values.time ?? "");
      if (!isLocalDate(date)) return answer({ ok: false, field: "date", message: "Skriv ett datum, till exempel 2026-12-10." }, "");
      if (!clock) return answer({ ok: false, field: "time", message: "Skriv en tid, till exempel 13.30." }, "");
      const startsAt = instantAt(date, clock);
      const length = found.proposals[0] ? found.proposals[0].endsAt.getTime() - found.proposals[0].startsAt.getTime() : 3_600_000;
      return answer(counterPropose(actor, id, { startsAt, endsAt: new Date(startsAt.getTime() + length) }, at), "foreslaget");
    }
    case "cancel":
      return answer(cancelMeeting(actor, id, at), "installt");
    case "agenda":
    case "notes": {
      const field = values.intent === "agenda" ? "text" : "notes";
      const form = validateForm(values, meetingTextSchema(field, field === "text" ? 300 : 1000));
      if (!form.ok) return json({ ...refused(form.fieldErrors, values), needsNameConfirmation: Boolean(form.fieldErrors.confirmNoName), form: values.intent }, { status: 400 });
      return answer(values.intent === "agenda" ? addAgendaPoint(actor, id, form.data, at) : saveMeetingNotes(actor, id, form.data, at), values.intent === "agenda" ? "punkt" : "anteckningar");
    }
    default:
      return answer({ ok: false, field: "form", message: "Formuläret kunde inte läsas. Ladda om sidan och försök igen." }, "");
  }
}

const SAVED: Record<string, string> = {
  punkt: "Punkten står på dagordningen.",
  anteckningar: "Anteckningarna är sparade.",
  foreslaget: "Förslaget är skickat.",
  bekraftat: "Mötet är bekräftat. Ni får en kalenderinbjudan med e-post.",
  installt: "Mötet är inställt. Båda får veta det med e-post.",
};
const ACTION_TEXT = { proposed: "föreslog mötet", counter_proposed: "föreslog en annan tid", confirmed: "bekräftade", cancelled: "ställde in" } as const;

export default function MeetingPage() {
  const data = useLoaderData<typeof loader>();
  const actionData = useActionData<typeof action>();
  const [searchParams] = useSearchParams();
  const m = data.meeting;
  const errors = actionData?.fieldErrors ?? {};
  const saved = actionData ? undefined : SAVED[searchParams.get("sparat") ?? ""];
  const open = m.state === "proposed";
  // Which text form (agenda or notes) the last refusal belongs to, and whether it asks about a name.
  const textForm = actionData && "form" in actionData ? String((actionData as { form?: string }).form) : null;
  const askName = Boolean(actionData && "needsNameConfirmation" in actionData && (actionData as { needsNameConfirmation?: boolean }).needsNameConfirmation);
  const past = m.startsAt !== null && new Date(m.startsAt) < new Date(data.now);
  return (
    <>
      <h1>{meetingTitle(m.kind, data.organisationName)}</h1>
      <SavedNotice message={saved} />
      <FormError message={errors.form} />
      <section className="panel" aria-labelledby="meeting-facts">
        <h2 id="meeting-facts">{m.state === "confirmed" && m.startsAt ? formatInstant(m.startsAt, data.today) : m.state === "cancelled" ? "Inställt" : "Tid inte bestämd än"}</h2>
        <ul>
          <li>Kontaktperson: {data.hostName}</li>
          <li>
            Planerat av: {data.proposer.name}, {data.proposer.title}
          </li>
          <li>Plats: {placeLabel[m.place]}</li>
          {m.theme ? <li>Tema: {m.theme}</li> : null}
          {m.participants ? <li>Från skolan eller förskolan: {m.participants}</li> : null}
          {m.kind === "report" ? (
            <>
              <li>Tolk: {m.interpreterLanguage ? `ja, ${m.interpreterLanguage}` : "nej"}</li>
              <li>Vårdnadshavarna vet om mötet: {m.guardiansTold ? "ja" : "inte än"}</li>
            </>
          ) : null}
        </ul>
        {m.notes ? <p className="mail-text">{m.notes}</p> : null}
        {m.kind === "report" && m.state === "confirmed" && m.startsAt && past ? (
          <p>
            <strong>{data.hostName} hör av sig senast {formatDate(getBackBy(new Date(m.startsAt)), data.today)}.</strong>
          </p>
        ) : null}
      </section>
      {m.kind === "planning" && m.state === "confirmed" ? (
        <section className="panel" aria-labelledby="agenda-heading">
          <h2 id="agenda-heading">Dagordning</h2>
          {data.agenda.length === 0 ? <p>Inga punkter än.</p> : null}
          <ol>
            {data.agenda.map((p) => (
              <li key={p.id}>
                {p.text} <span className="field__hint">({p.author})</span>
              </li>
            ))}
          </ol>
          {!past ? (
            <Form method="post" noValidate key={data.agenda.length}>
              <input type="hidden" name="intent" value="agenda" />
              <TextArea label="Lägg till en punkt" name="text" rows={2} hint="Inga namn eller andra uppgifter om barn och familjer." defaultValue={textForm === "agenda" ? (actionData?.values.text ?? "") : ""} error={errors.text} />
              {askName && textForm === "agenda" ? <NameConfirmation message={errors.confirmNoName} /> : null}
              <button type="submit">Lägg till</button>
            </Form>
          ) : null}
          {past && data.isHost ? (
            <Form method="post" noValidate>
              <input type="hidden" name="intent" value="notes" />
              <TextArea label="Anteckningar efter mötet" name="notes" rows={4} hint="Kort och utan personuppgifter." defaultValue={textForm === "notes" ? (actionData?.values.notes ?? "") : (m.notes ?? "")} error={errors.notes} />
              {askName && textForm === "notes" ? <NameConfirmation message={errors.confirmNoName} /> : null}
              <button type="submit">Spara anteckningarna</button>
            </Form>
          ) : null}
        </section>
      ) : null}
      {open ? (
        <section className="panel" aria-labelledby="times-heading">
          <h2 id="times-heading">Föreslagna tider</h2>
          {errors.proposalId ? <p className="field__error" role="alert">{errors.proposalId}</p> : null}
          <ul className="slot-list">
            {data.proposals.map((p) => (
              <li key={p.id} className="slot">
                <span>{formatInstant(p.startsAt, data.today)}</span>
                {(data.isHost || data.isProposer) && p.proposedBy !== (data.isHost ? m.hostPersonId : m.proposedBy) ? (
                  <Form method="post">
                    <input type="hidden" name="intent" value="confirm" />
                    <input type="hidden" name="proposalId" value={p.id} />
                    <button type="submit">
                      Bekräfta<span className="sr-only"> {formatInstant(p.startsAt, data.today)}</span>
                    </button>
                  </Form>
                ) : (
                  <span className="field__hint">Väntar på svar</span>
                )}
              </li>
            ))}
          </ul>
          {data.isHost || data.isProposer ? (
            <Form method="post" noValidate className="form-row">
              <input type="hidden" name="intent" value="propose" />
              <Field label="Föreslå en annan dag" name="date" type="date" defaultValue={actionData?.values.date ?? ""} error={errors.date} />
              <Field label="Tid" name="time" hint="Till exempel 13.30" defaultValue={actionData?.values.time ?? ""} error={errors.time} />
              <div className="field">
                <button type="submit" className="button--quiet">
                  Föreslå tiden
                </button>
              </div>
            </Form>
          ) : null}
        </section>
      ) : null}
      {m.state !== "cancelled" && !past && (data.isHost || data.isProposer) ? (
        <Form method="post">
          <input type="hidden" name="intent" value="cancel" />
          <button type="submit" className="button--quiet">
            Ställ in mötet
          </button>
        </Form>
      ) : null}
      <section aria-labelledby="history-heading">
        <h2 id="history-heading">Händelser</h2>
        <ul>
          {data.events.map((e, i) => (
            <li key={i}>
              {formatInstant(e.at, data.today)}: {e.name} {ACTION_TEXT[e.action]}
            </li>
          ))}
        </ul>
      </section>
      <p>
        <Link to="/moten">Till alla möten</Link>
      </p>
    </>
  );
}
