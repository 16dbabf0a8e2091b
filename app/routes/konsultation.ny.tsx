import type { ActionFunctionArgs, LoaderFunctionArgs, MetaFunction } from "@remix-run/node";
import { json, redirect } from "@remix-run/node";
import { Form, Link, useActionData, useLoaderData } from "@remix-run/react";
import { now } from "../clock.server";
import { WhoToCall } from "../components/CallOptions";
import { ConsultationFields } from "../components/ConsultationFields";
import { Field } from "../components/Field";
import { RadioGroup } from "../components/RadioGroup";
import { answerByLabel, options, urgencyLabel } from "../format/consultation";
import { pageTitle } from "../format/title";
import { readConsultationForm } from "../http/consultation-form";
import { createConsultation } from "../models/consultations.server";
import { callAdviceForRequest } from "../models/who-to-call.server";
import { FormError } from "../components/FormError";
import { formatPhone } from "../format/phone";
import { ownPhone } from "../models/people.server";
import { requireActorWith } from "../auth/guard.server";

export const meta: MetaFunction = () => pageTitle("Ställ en fråga till socialtjänsten");

export async function loader({ request }: LoaderFunctionArgs) {
  const actor = await requireActorWith(request, "contacts:see-own");
  const advice = callAdviceForRequest(request, actor, now());
  // The number the person already gave under "Mitt konto", so that they need not type it again (WCAG 3.3.7).
  const phone = ownPhone(actor);
  return { options: advice.options, today: advice.today, ownPhone: phone ? formatPhone(phone) : "" };
}

export async function action({ request }: ActionFunctionArgs) {
  const actor = await requireActorWith(request, "contacts:see-own");
  const at = now();
  const { form, refuse } = await readConsultationForm(request, at);
  if (!form.ok) return json(refuse(form.fieldErrors), { status: 400 });
  const outcome = createConsultation(actor, form.data, at);
  if (!outcome.ok) return json(refuse({ [outcome.field]: outcome.message }), { status: 400 });
  return redirect(`/konsultation/${outcome.id}?skickad=1`);
}

export default function NewConsultation() {
  const { options: callOptions, today, ownPhone: knownPhone } = useLoaderData<typeof loader>();
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
        En fråga här är ett sätt att rådgöra. Det är inte en orosanmälan: behöver du anmäla, gör du det som vanligt. Frågan går till era kontaktpersoner på
        socialtjänsten. Ingen annan på din arbetsplats ser den.
      </p>
      <FormError message={errors.form} />
      <Form method="post" noValidate className="panel">
        <ConsultationFields values={values} errors={errors} needsNameConfirmation={Boolean(actionData?.needsNameConfirmation)} questionLabel="Din fråga" />
        <RadioGroup legend="Hur snart behöver du svar?" name="urgency" value={values.urgency} error={errors.urgency} options={options(urgencyLabel)} />
        <RadioGroup legend="Hur vill du få svar?" name="answerBy" value={values.answerBy} error={errors.answerBy} options={options(answerByLabel)} />
        <Field
          label="Ditt telefonnummer"
          name="callbackPhone"
          type="tel"
          autoComplete="tel"
          hint="Ditt eget nummer i jobbet, om vi ska ringa dig"
          defaultValue={values.callbackPhone ?? knownPhone}
          error={errors.callbackPhone}
        />
        <button type="submit">Skicka frågan</button> <Link to="/konsultation">Avbryt</Link>
      </Form>
    </>
  );
}
