import type { ActionFunctionArgs, LoaderFunctionArgs, MetaFunction } from "@remix-run/node";
import { json, redirect } from "@remix-run/node";
import { Form, Link, useActionData, useLoaderData, useSearchParams } from "@remix-run/react";
import { requireWriter, notFound } from "../auth/guard.server";
import { requireActor } from "../auth/session.server";
import { now } from "../clock.server";
import { PhoneLink } from "../components/CallOptions";
import { RadioGroup } from "../components/RadioGroup";
import { TextArea } from "../components/TextArea";
import { ageBandLabel, answerByLabel, concernLabel, options, outcomeLabel, purposeLabel, stateLabel, urgencyLabel } from "../format/consultation";
import { formatDate } from "../format/dates";
import { formatInstant } from "../format/walk";
import { pageTitle } from "../format/title";
import { parseId, readFormValues, refused, validateForm } from "../http/forms";
import { closeSchema, messageSchema } from "../models/consultations";
import { addMessage, closeConsultation, lookupConsultation, readConsultation, takeConsultation } from "../models/consultations.server";
import { localDateOf } from "../time/stockholm";
import { FormError } from "../components/FormError";
import { NameConfirmation } from "../components/NameConfirmation";
import { SavedNotice } from "../components/SavedNotice";
import type { Failure } from "../models/failure";

export const meta: MetaFunction = () => pageTitle("Konsultation");

export async function loader({ request, params }: LoaderFunctionArgs) {
  const actor = await requireActor(request);
  const id = parseId(params.consultationId);
  const at = now();
  const found = id === null ? null : readConsultation(actor, id, at);
  if (!found) throw notFound();
  return { ...found, today: localDateOf(at) };
}

export async function action({ request, params }: ActionFunctionArgs) {
  const actor = await requireWriter(request);
  const id = parseId(params.consultationId);
  const at = now();
  const found = id === null ? null : lookupConsultation(actor, id, at);
  if (!found || id === null) throw notFound();
  const values = await readFormValues(request);
  const answer = (outcome: { ok: true } | Failure, saved: string) =>
    outcome.ok
      ? redirect(`/konsultation/${id}?sparat=${saved}`)
      : json({ ...refused({ [outcome.field]: outcome.message }, values), needsNameConfirmation: false }, { status: 400 });
  switch (values.intent) {
    case "take":
      return answer(takeConsultation(actor, id, at), "tagen");
    case "message": {
      const form = validateForm(values, messageSchema(found.consultation.mode === "anonymous"));
      if (!form.ok) return json({ ...refused(form.fieldErrors, values), needsNameConfirmation: Boolean(form.fieldErrors.confirmNoName) }, { status: 400 });
      return answer(addMessage(actor, id, form.data.body, at), "skickat");
    }
    case "close": {
      const form = validateForm(values, closeSchema);
      if (!form.ok) return json({ ...refused(form.fieldErrors, values), needsNameConfirmation: false }, { status: 400 });
      return answer(closeConsultation(actor, id, form.data.outcome, at), "avslutad");
    }
    default:
      return json(
        { ...refused({ form: "Formuläret kunde inte läsas. Ladda om sidan och försök igen." }, values), needsNameConfirmation: false },
        { status: 400 },
      );
  }
}

const SAVED: Record<string, string> = {
  skickad: "Din fråga är skickad. Du får ett mejl när någon har svarat.",
  forum: "Platsen på forumet är bokad. Efter forumet står rådet här.",
  tagen: "Du har tagit frågan. Den som frågade ser att du svarar.",
  skickat: "Meddelandet är skickat.",
  avslutad: "Frågan är avslutad.",
};

export default function ConsultationPage() {
  const data = useLoaderData<typeof loader>();
  const actionData = useActionData<typeof action>();
  const [searchParams] = useSearchParams();
  const c = data.consultation;
  const errors = actionData?.fieldErrors ?? {};
  const saved = actionData
    ? undefined
    : (SAVED[searchParams.get("sparat") ?? ""] ??
      (searchParams.get("skickad") === "forum" ? SAVED.forum : searchParams.get("skickad") ? SAVED.skickad : undefined));
  const canWrite = c.state !== "closed" && (data.isAsker || data.isTaker);
  return (
    <>
      <h1>{purposeLabel[c.purpose]}</h1>
      <SavedNotice message={saved} />
      <FormError message={errors.form} />
      <section className="panel" aria-labelledby="facts-heading">
        <h2 id="facts-heading">Om frågan</h2>
        <ul>
          <li>
            {c.mode === "anonymous"
              ? "Anonym fråga"
              : `Med samtycke från ${c.consentGivenBy ?? "vårdnadshavare"}${c.consentGivenOn ? `, ${formatDate(c.consentGivenOn, data.today)}` : ""}`}
          </li>
          {!data.isAsker ? (
            <li>
              Från: {data.askerRole}, {data.organisationName}
            </li>
          ) : null}
          <li>Barnets ålder: {ageBandLabel[c.ageBand]}</li>
          <li>Oron gäller: {data.concerns.map((x) => concernLabel[x].toLowerCase()).join(", ")}</li>
          {c.forumMeetingId !== null && data.forumTurnAt ? (
            <li>
              Tas upp på <Link to={`/moten/${c.forumMeetingId}`}>konsultationsforumet</Link> {formatInstant(data.forumTurnAt, data.today)}. Rådet skrivs här
              efter mötet.
            </li>
          ) : (
            <li>
              Svar önskas: {urgencyLabel[c.urgency].toLowerCase()}, {answerByLabel[c.answerBy].toLowerCase()}
            </li>
          )}
          {c.callbackPhone ? (
            <li>
              Telefon till den som frågar: <PhoneLink phone={c.callbackPhone} />
            </li>
          ) : null}
          <li>
            {stateLabel[c.state]}
            {data.takerName ? ` av ${data.isTaker ? "dig" : data.takerName}` : null}.{" "}
            {c.state === "closed" && c.outcome ? `Resultat: ${outcomeLabel[c.outcome].toLowerCase()}.` : null}
            {c.firstAnswerAt === null && c.state !== "closed" ? (
              data.overdue ? (
                <span className="overdue">Svaret är försenat (skulle ha kommit {formatInstant(c.dueAt, data.today)}).</span>
              ) : (
                ` Svar senast ${formatInstant(c.dueAt, data.today)}.`
              )
            ) : null}
          </li>
        </ul>
        {c.childDetails ? (
          <>
            <h3>Barnets uppgifter (med samtycke)</h3>
            <p>{c.childDetails}</p>
          </>
        ) : null}
        <h3>Frågan</h3>
        <p className="mail-text">{c.question ?? "Texten är borttagen eftersom frågan avslutades för länge sedan."}</p>
      </section>
      {c.state === "new" && !data.isAsker ? (
        <Form method="post">
          <input type="hidden" name="intent" value="take" />
          <button type="submit">Ta frågan</button>
        </Form>
      ) : null}
      <section aria-labelledby="thread-heading">
        <h2 id="thread-heading">Samtal</h2>
        {data.messages.length === 0 ? <p>Inga meddelanden ännu.</p> : null}
        <ol className="thread">
          {data.messages.map((m) => (
            <li key={m.id} className={m.mine ? "message message--mine" : "message"}>
              <span className="message__meta">
                {m.author}, {formatInstant(m.createdAt, data.today)}
              </span>
              <p>{m.body ?? "Texten är borttagen."}</p>
            </li>
          ))}
        </ol>
        {canWrite ? (
          // A new key after each sent message gives an empty field (Remix keeps uncontrolled inputs otherwise).
          <Form method="post" noValidate className="panel" key={data.messages.length}>
            <input type="hidden" name="intent" value="message" />
            <TextArea
              label={data.isAsker ? "Skriv till socialtjänsten" : "Skriv ditt svar"}
              name="body"
              hint={c.mode === "anonymous" ? "Skriv inte barnets eller familjens namn, personnummer, adress eller telefonnummer." : undefined}
              maxLength={4000}
              defaultValue={actionData?.values.body ?? ""}
              error={errors.body}
            />
            {actionData?.needsNameConfirmation ? <NameConfirmation message={errors.confirmNoName} /> : null}
            <button type="submit">Skicka</button>
          </Form>
        ) : null}
      </section>
      {data.isTaker && c.state !== "closed" ? (
        <Form method="post" noValidate className="panel">
          <input type="hidden" name="intent" value="close" />
          <RadioGroup
            legend="Avsluta frågan: vad ledde den till?"
            name="outcome"
            value={actionData?.values.outcome}
            error={errors.outcome}
            options={options(outcomeLabel)}
          />
          <button type="submit">Avsluta frågan</button>
        </Form>
      ) : null}
      {c.outcome === "report_meeting" && data.isAsker ? (
        <div className="notice">
          <p>
            Nästa steg är ett anmälningsmöte med familjen. <Link to="/moten/ny">Planera mötet</Link>
          </p>
        </div>
      ) : null}
      <p>
        <Link to="/konsultation">Till alla frågor</Link>
      </p>
    </>
  );
}
