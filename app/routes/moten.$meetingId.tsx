import type { ActionFunctionArgs, LoaderFunctionArgs, MetaFunction } from "@remix-run/node";
import { json, redirect } from "@remix-run/node";
import { Form, Link, useActionData, useLoaderData, useSearchParams } from "@remix-run/react";
import { requireWriter, notFound } from "../auth/guard.server";
import { requireActor } from "../auth/session.server";
import { now } from "../clock.server";
import { Field } from "../components/Field";
import { FormError } from "../components/FormError";
import { formatDate } from "../format/dates";
import { formatInstant } from "../format/walk";
import { pageTitle } from "../format/title";
import { parseId, readForm, refused, validateForm } from "../http/forms";
import { meetingTextSchema, moveSchema, offDayWarning } from "../models/meeting-forms";
import { OffDayConfirmation } from "../components/ProposedTimes";
import { caseStartsAt, getBackBy, placeLabel } from "../models/meetings";
import {
  addAgendaPoint,
  cancelMeeting,
  confirmMeeting,
  counterPropose,
  moveMeeting,
  saveAttendance,
  saveMeetingNotes,
} from "../models/meeting-lifecycle.server";
import { meetingFor } from "../models/meeting-reading.server";
import { forumBookedCount, forumCasesOf, openForumMeeting } from "../models/consultations.server";
import { Attendance } from "../components/meetings/Attendance";
import { ForumCases } from "../components/meetings/ForumCases";
import { NameConfirmation } from "../components/NameConfirmation";
import { TextArea } from "../components/TextArea";
import { instantAt, isLocalDate, localDateOf, parseClock } from "../time/stockholm";
import { can } from "../auth/permissions";
import { SavedNotice } from "../components/SavedNotice";
import type { Failure } from "../models/failure";
import { countOf } from "../format/count";

export const meta: MetaFunction<typeof loader> = ({ data }) => pageTitle(data ? data.title : "Möte");

export async function loader({ request, params }: LoaderFunctionArgs) {
  const actor = await requireActor(request);
  const id = parseId(params.meetingId);
  const found = id === null ? null : meetingFor(actor, id);
  if (!found) throw notFound();
  const at = now();
  const m = found.meeting;
  const forumCases =
    m.kind === "forum" && m.startsAt && found.caseMinutes
      ? forumCasesOf(actor, m.id, at).map((c) => ({ ...c, startsAt: caseStartsAt(m.startsAt!, c.place, found.caseMinutes!) }))
      : [];
  const forum = m.kind === "forum" ? openForumMeeting(actor, m.id, at) : null;
  return {
    ...found,
    forumCases,
    forumBooked: m.kind === "forum" ? forumBookedCount(actor, m.id) : 0,
    partner: can(actor, "partner:work"),
    canBook: forum !== null && forum.free > 0 && can(actor, "partner:work"),
    mayChange: found.isHost || (m.groupId === null && found.isProposer),
    // Worked out here, not in the page: the holiday tables stay on the server.
    backBy: m.kind === "report" && m.startsAt ? getBackBy(m.startsAt) : null,
    today: localDateOf(at),
    now: at.toISOString(),
  };
}

export async function action({ request, params }: ActionFunctionArgs) {
  const actor = await requireWriter(request);
  const id = parseId(params.meetingId);
  const found = id === null ? null : meetingFor(actor, id);
  if (!found || id === null) throw notFound();
  const { values, lists } = await readForm(request);
  const at = now();
  const answer = (outcome: { ok: true } | Failure, saved: string) =>
    outcome.ok ? redirect(`/moten/${id}?sparat=${saved}`) : json(refused({ [outcome.field]: outcome.message }, values), { status: 400 });
  // A holiday or weekend is warned about first; the box on the form keeps the day.
  const offDay = (date: string): Failure | null => {
    const warning = values.confirmOffDay === "yes" ? null : offDayWarning([date], localDateOf(at));
    return warning ? { ok: false, field: "confirmOffDay", message: warning } : null;
  };
  switch (values.intent) {
    case "confirm": {
      const proposalId = parseId(values.proposalId);
      return answer(
        proposalId === null ? { ok: false, field: "proposalId", message: "Välj en av de föreslagna tiderna." } : confirmMeeting(actor, id, proposalId, at),
        "bekraftat",
      );
    }
    case "propose": {
      const date = (values.date ?? "").trim();
      const clock = parseClock(values.time ?? "");
      if (!isLocalDate(date)) return answer({ ok: false, field: "date", message: "Skriv ett datum, till exempel 2026-12-10." }, "");
      if (!clock) return answer({ ok: false, field: "time", message: "Skriv en tid, till exempel 13.30." }, "");
      const warned = offDay(date);
      if (warned) return answer(warned, "");
      const startsAt = instantAt(date, clock);
      const length = found.proposals[0] ? found.proposals[0].endsAt.getTime() - found.proposals[0].startsAt.getTime() : 3_600_000;
      return answer(counterPropose(actor, id, { startsAt, endsAt: new Date(startsAt.getTime() + length) }, at), "foreslaget");
    }
    case "cancel":
      return answer(cancelMeeting(actor, id, at), "installt");
    case "move": {
      const form = validateForm(values, moveSchema);
      if (!form.ok) return json(refused(form.fieldErrors, values), { status: 400 });
      const warned = offDay(form.data.date);
      if (warned) return answer(warned, "");
      return answer(moveMeeting(actor, id, instantAt(form.data.date, form.data.time), at), "flyttat");
    }
    case "attendance": {
      const ids = (lists.present ?? []).map(parseId);
      if (ids.some((x) => x === null)) return answer({ ok: false, field: "present", message: "Välj bland gruppens deltagare." }, "");
      return answer(saveAttendance(actor, id, ids as number[], at), "narvaro");
    }
    case "agenda":
    case "notes": {
      const field = values.intent === "agenda" ? "text" : "notes";
      const form = validateForm(values, meetingTextSchema(field, field === "text" ? 300 : 1000));
      if (!form.ok)
        return json(
          { ...refused(form.fieldErrors, values), needsNameConfirmation: Boolean(form.fieldErrors.confirmNoName), form: values.intent },
          { status: 400 },
        );
      return answer(
        values.intent === "agenda" ? addAgendaPoint(actor, id, form.data, at) : saveMeetingNotes(actor, id, form.data, at),
        values.intent === "agenda" ? "punkt" : "anteckningar",
      );
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
  installt: "Mötet är inställt. Alla som skulle vara med får veta det med e-post.",
  flyttat: "Mötet är flyttat. Alla som ska vara med får den nya tiden med e-post.",
  narvaro: "Närvaron är sparad.",
};
const ACTION_TEXT = {
  proposed: "föreslog mötet",
  counter_proposed: "föreslog en annan tid",
  confirmed: "bekräftade",
  moved: "flyttade mötet",
  cancelled: "ställde in",
} as const;

export default function MeetingPage() {
  const data = useLoaderData<typeof loader>();
  const actionData = useActionData<typeof action>();
  const [searchParams] = useSearchParams();
  const m = data.meeting;
  const errors = actionData?.fieldErrors ?? {};
  const sparat = searchParams.get("sparat") ?? "";
  const series = /^serie-(\d{1,2})$/.exec(sparat)?.[1];
  const saved = actionData
    ? undefined
    : series
      ? `${countOf(series, "möte är inlagt", "möten är inlagda")} och deltagarna har fått inbjudningar.`
      : SAVED[sparat];
  const open = m.state === "proposed";
  // Which text form (agenda or notes) the last refusal belongs to, and whether it asks about a name.
  const textForm = actionData && "form" in actionData ? String((actionData as { form?: string }).form) : null;
  const askName = Boolean(actionData && "needsNameConfirmation" in actionData && (actionData as { needsNameConfirmation?: boolean }).needsNameConfirmation);
  const past = m.startsAt !== null && new Date(m.startsAt) < new Date(data.now);
  const hasAgenda = m.kind === "planning" || m.kind === "collaboration";
  return (
    <>
      <h1>{data.title}</h1>
      <SavedNotice message={saved} />
      <FormError message={errors.form} />
      <section className="panel" aria-labelledby="meeting-facts">
        <h2 id="meeting-facts">
          {m.state === "confirmed" && m.startsAt ? formatInstant(m.startsAt, data.today) : m.state === "cancelled" ? "Inställt" : "Tid inte bestämd än"}
        </h2>
        <ul>
          {m.groupId === null ? (
            <>
              <li>Kontaktperson: {data.hostName}</li>
              <li>
                Planerat av: {data.proposer.name}, {data.proposer.title}
              </li>
            </>
          ) : (
            <li>Håller i mötet: {data.hostName}</li>
          )}
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
        {m.kind === "report" && m.state === "confirmed" && data.backBy && past ? (
          <p>
            <strong>
              {data.hostName} hör av sig senast {formatDate(data.backBy, data.today)}.
            </strong>
          </p>
        ) : null}
      </section>
      {m.kind === "forum" && m.state === "confirmed" ? (
        <section className="panel" aria-labelledby="forum-heading">
          <h2 id="forum-heading">{data.partner ? "Dina ärenden på forumet" : "Ärenden på forumet"}</h2>
          <p>
            {data.forumBooked} av {countOf(m.places ?? 0, "plats bokad", "platser bokade")}, {data.caseMinutes} minuter per ärende.
          </p>
          {data.forumCases.length > 0 ? (
            <ForumCases cases={data.forumCases} caption={data.isMember ? "Bokade ärenden, utan uppgifter om vem barnet är" : "Ärenden du har bokat"} />
          ) : data.partner ? (
            <p>Du har inga ärenden på det här forumet.</p>
          ) : null}
          {data.canBook ? (
            <p>
              <Link className="button" to={`/moten/${m.id}/arende`}>
                Ta upp ett ärende på forumet
              </Link>
            </p>
          ) : null}
        </section>
      ) : null}
      {m.groupId !== null && m.kind === "collaboration" && data.isParticipant ? (
        <section className="panel" aria-labelledby="members-heading">
          <h2 id="members-heading">Deltagare</h2>
          <Attendance members={data.members} canMark={data.isHost && past && m.state === "confirmed"} error={errors.present} />
        </section>
      ) : null}
      {hasAgenda && m.state === "confirmed" && data.isParticipant ? (
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
              <TextArea
                label="Lägg till en punkt"
                name="text"
                rows={2}
                hint="Inga namn eller andra uppgifter om barn och familjer."
                defaultValue={textForm === "agenda" ? (actionData?.values.text ?? "") : ""}
                error={errors.text}
              />
              {askName && textForm === "agenda" ? <NameConfirmation message={errors.confirmNoName} /> : null}
              <button type="submit">Lägg till</button>
            </Form>
          ) : null}
          {past && data.isHost ? (
            <Form method="post" noValidate>
              <input type="hidden" name="intent" value="notes" />
              <TextArea
                label="Anteckningar efter mötet"
                name="notes"
                rows={4}
                hint="Kort och utan personuppgifter."
                defaultValue={textForm === "notes" ? (actionData?.values.notes ?? "") : (m.notes ?? "")}
                error={errors.notes}
              />
              {askName && textForm === "notes" ? <NameConfirmation message={errors.confirmNoName} /> : null}
              <button type="submit">Spara anteckningarna</button>
            </Form>
          ) : null}
        </section>
      ) : null}
      {open ? (
        <section className="panel" aria-labelledby="times-heading">
          <h2 id="times-heading">Föreslagna tider</h2>
          {errors.proposalId ? (
            <p className="field__error" role="alert">
              {errors.proposalId}
            </p>
          ) : null}
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
              {actionData?.values.intent === "propose" ? (
                <OffDayConfirmation warning={errors.confirmOffDay} confirmed={actionData.values.confirmOffDay === "yes"} />
              ) : null}
              <div className="field">
                <button type="submit" className="button--quiet">
                  Föreslå tiden
                </button>
              </div>
            </Form>
          ) : null}
        </section>
      ) : null}
      {m.state === "confirmed" && !past && data.mayChange ? (
        <Form method="post" noValidate className="form-row" aria-label="Flytta mötet">
          <input type="hidden" name="intent" value="move" />
          <Field
            label="Flytta till dag"
            name="date"
            type="date"
            defaultValue={actionData?.values.intent === "move" ? (actionData.values.date ?? "") : ""}
            error={actionData?.values.intent === "move" ? errors.date : undefined}
          />
          <Field
            label="Ny tid"
            name="time"
            hint="Till exempel 13.30"
            defaultValue={actionData?.values.intent === "move" ? (actionData.values.time ?? "") : ""}
            error={actionData?.values.intent === "move" ? errors.time : undefined}
          />
          {actionData?.values.intent === "move" ? (
            <OffDayConfirmation warning={errors.confirmOffDay} confirmed={actionData.values.confirmOffDay === "yes"} />
          ) : null}
          <div className="field">
            <button type="submit" className="button--quiet">
              Flytta mötet
            </button>
          </div>
        </Form>
      ) : null}
      {m.state !== "cancelled" && !past && data.mayChange ? (
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
