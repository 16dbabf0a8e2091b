import type { ActionFunctionArgs, LoaderFunctionArgs, MetaFunction } from "@remix-run/node";
import { json, redirect } from "@remix-run/node";
import { Form, Link, useActionData, useLoaderData } from "@remix-run/react";
import { can } from "../auth/permissions";
import { requireActor } from "../auth/session.server";
import { now } from "../clock.server";
import { WhoToCall } from "../components/CallOptions";
import { CheckboxGroup } from "../components/CheckboxGroup";
import { Field } from "../components/Field";
import { RadioGroup } from "../components/RadioGroup";
import { TextArea } from "../components/TextArea";
import { ageBandLabel, answerByLabel, concernLabel, modeLabel, options, purposeLabel, urgencyLabel } from "../format/consultation";
import { pageTitle } from "../format/title";
import { readForm, refused, validateForm } from "../http/forms";
import { consultationFormSchema } from "../models/consultations";
import { createConsultation } from "../models/consultations.server";
import { callAdviceFor } from "../models/who-to-call.server";
import { FormError } from "../components/FormError";
import { NameConfirmation } from "../components/NameConfirmation";

export const meta: MetaFunction = () => pageTitle("Ställ en fråga till socialtjänsten");

export async function loader({ request }: LoaderFunctionArgs) {
  const actor = await requireActor(request);
  if (!can(actor, "contacts:see-own")) throw new Response("Forbidden", { status: 403 });
  const advice = callAdviceFor(actor, now());
  return { options: advice.options, today: advice.today };
}

export async function action({ request }: ActionFunctionArgs) {
  const actor = await requireActor(request);
  if (!can(actor, "contacts:see-own")) throw new Response("Forbidden", { status: 403 });
  const { values, lists } = await readForm(request);
  const at = now();
  // "concerns" is a list of checkboxes; everything else has one value.
  const form = validateForm({ ...values, concerns: lists.concerns ?? [] } as unknown as typeof values, consultationFormSchema(at));
  const keep = { ...values, concerns: (lists.concerns ?? []).join(",") };
  if (!form.ok) return json({ ...refused(form.fieldErrors, keep), needsNameConfirmation: Boolean(form.fieldErrors.confirmNoName) }, { status: 400 });
  const outcome = createConsultation(actor, form.data, at);
  if (!outcome.ok) return json({ ...refused({ [outcome.field]: outcome.message }, keep), needsNameConfirmation: false }, { status: 400 });
  return redirect(`/konsultation/${outcome.id}?skickad=1`);
}

export default function NewConsultation() {
  const { options: callOptions, today } = useLoaderData<typeof loader>();
  const actionData = useActionData<typeof action>();
  const errors = actionData?.fieldErrors ?? {};
  const values = actionData?.values ?? {};
  return (
    <>
      <h1>Ställ en fråga till socialtjänsten</h1>
      <div className="notice notice--danger">
        <p>
          <strong>Är ett barn i akut fara? Ring 112.</strong>
        </p>
        <p>Behöver ni planera för ett barns säkerhet i dag? Ring, skriv inte här.</p>
      </div>
      <WhoToCall options={callOptions} today={today} heading="Ring i stället om det är bråttom" />
      <p>
        En fråga här är ett sätt att rådgöra. Det är inte en orosanmälan: behöver du anmäla, gör du det som vanligt.
        Frågan går till era kontaktpersoner på socialtjänsten. Ingen annan på din arbetsplats ser den.
      </p>
      <FormError message={errors.form} />
      <Form method="post" noValidate className="panel">
        <RadioGroup legend="Vad vill du ha hjälp med?" name="purpose" value={values.purpose} error={errors.purpose} options={options(purposeLabel)} />
        <RadioGroup legend="Vill du berätta vem barnet är?" name="mode" value={values.mode ?? "anonymous"} error={errors.mode} options={options(modeLabel)} />
        <fieldset className="radio-group">
          <legend>Bara med samtycke</legend>
          <p className="field__hint">Fyll bara i det här om vårdnadshavarna har sagt ja. Barnets uppgifter skriver du här, inte i frågan.</p>
          <Field label="Vem gav samtycke?" name="consentGivenBy" hint="Till exempel mamma, pappa eller båda" defaultValue={values.consentGivenBy ?? ""} error={errors.consentGivenBy} />
          <Field label="När gavs samtycket?" name="consentGivenOn" type="date" defaultValue={values.consentGivenOn ?? ""} error={errors.consentGivenOn} />
          <Field label="Barnets namn och andra uppgifter" name="childDetails" maxLength={500} defaultValue={values.childDetails ?? ""} error={errors.childDetails} />
        </fieldset>
        <RadioGroup legend="Hur gammalt är barnet?" name="ageBand" value={values.ageBand} error={errors.ageBand} options={options(ageBandLabel)} />
        <CheckboxGroup legend="Vad gäller oron? Välj allt som passar." name="concerns" values={(values.concerns ?? "").split(",")} error={errors.concerns} options={options(concernLabel)} />
        <TextArea
          label="Din fråga"
          name="question"
          hint="Skriv inte barnets eller familjens namn, personnummer, adress eller telefonnummer."
          maxLength={4000}
          defaultValue={values.question ?? ""}
          error={errors.question}
        />
        {actionData?.needsNameConfirmation ? (
          <NameConfirmation message={errors.confirmNoName} />
        ) : null}
        <RadioGroup legend="Hur snart behöver du svar?" name="urgency" value={values.urgency} error={errors.urgency} options={options(urgencyLabel)} />
        <RadioGroup legend="Hur vill du få svar?" name="answerBy" value={values.answerBy} error={errors.answerBy} options={options(answerByLabel)} />
        <Field
          label="Ditt telefonnummer"
          name="callbackPhone"
          type="tel"
          autoComplete="tel"
          hint="Ditt eget nummer i jobbet, om vi ska ringa dig"
          defaultValue={values.callbackPhone ?? ""}
          error={errors.callbackPhone}
        />
        <button type="submit">Skicka frågan</button> <Link to="/konsultation">Avbryt</Link>
      </Form>
    </>
  );
}
