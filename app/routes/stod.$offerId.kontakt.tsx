import type { ActionFunctionArgs, LoaderFunctionArgs, MetaFunction } from "@remix-run/node";
import { json, redirect } from "@remix-run/node";
import { Form, Link, useActionData, useLoaderData } from "@remix-run/react";
import { now } from "../clock.server";
import { Field } from "../components/Field";
import { pageTitle } from "../format/title";
import { parseId, readFormValues, refused, validateForm } from "../http/forms";
import { requestContact, supportOffer } from "../models/support.server";
import { requestSchema } from "../models/support";
import { FormError } from "../components/FormError";
import { requireActorWith, notFound } from "../auth/guard.server";

export const meta: MetaFunction = () => pageTitle("Be teamet kontakta familjen");

async function offerFor(request: Request, offerId: string | undefined) {
  const actor = await requireActorWith(request, "partner:work");
  const id = parseId(offerId);
  const offer = id === null ? null : supportOffer(actor, id);
  if (!offer) throw notFound();
  return { actor, offer };
}

export async function loader({ request, params }: LoaderFunctionArgs) {
  const { offer } = await offerFor(request, params.offerId);
  return { offer: { id: offer.id, name: offer.name, teamName: offer.teamName } };
}

export async function action({ request, params }: ActionFunctionArgs) {
  const { actor, offer } = await offerFor(request, params.offerId);
  const values = await readFormValues(request);
  const form = validateForm(values, requestSchema(now()));
  if (!form.ok) return json(refused(form.fieldErrors, values), { status: 400 });
  const outcome = requestContact(actor, offer.id, form.data);
  if (!outcome.ok) return json(refused({ [outcome.field]: outcome.message }, values), { status: 400 });
  return redirect("/stod?sparat=skickad");
}

export default function ContactRequest() {
  const { offer } = useLoaderData<typeof loader>();
  const actionData = useActionData<typeof action>();
  const errors = actionData?.fieldErrors ?? {};
  const values = actionData?.values ?? {};
  return (
    <>
      <h1>Be teamet kontakta familjen</h1>
      <p className="lead">
        {offer.name}. Förfrågan går till {offer.teamName}, och bara socialsekreterarna och föräldrarådgivarna där ser uppgifterna. Skicka den bara om
        vårdnadshavarna har sagt ja.
      </p>
      <FormError message={errors.form} />
      <Form method="post" noValidate className="panel">
        <Field label="Vårdnadshavarens namn" name="guardianName" autoComplete="off" defaultValue={values.guardianName ?? ""} error={errors.guardianName} />
        <Field
          label="Vårdnadshavarens telefonnummer"
          name="guardianPhone"
          type="tel"
          autoComplete="off"
          defaultValue={values.guardianPhone ?? ""}
          error={errors.guardianPhone}
        />
        <Field
          label="Språk (frivilligt)"
          name="language"
          hint="Till exempel somaliska eller arabiska"
          defaultValue={values.language ?? ""}
          error={errors.language}
        />
        <div className="radio-group__option">
          <input type="checkbox" id="field-interpreterNeeded" name="interpreterNeeded" value="yes" defaultChecked={values.interpreterNeeded === "yes"} />
          <label htmlFor="field-interpreterNeeded">Familjen behöver tolk</label>
        </div>
        <Field
          label="Vem sa ja?"
          name="consentGivenBy"
          hint="Till exempel mamma, pappa eller båda"
          defaultValue={values.consentGivenBy ?? ""}
          error={errors.consentGivenBy}
        />
        <Field label="När sa de ja?" name="consentGivenOn" type="date" defaultValue={values.consentGivenOn ?? ""} error={errors.consentGivenOn} />
        <button type="submit">Skicka</button> <Link to="/stod">Avbryt</Link>
      </Form>
    </>
  );
}
