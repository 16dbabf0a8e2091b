import type { ActionFunctionArgs, LoaderFunctionArgs, MetaFunction } from "@remix-run/node";
import { json, redirect } from "@remix-run/node";
import { Form, Link, useActionData, useLoaderData } from "@remix-run/react";
import { type Actor } from "../auth/permissions";
import { Field } from "../components/Field";
import { SelectField } from "../components/SelectField";
import { TextArea } from "../components/TextArea";
import { formatPhone } from "../format/phone";
import { pageTitle } from "../format/title";
import { parseId, readFormValues, refused, validateForm } from "../http/forms";
import { saveOffer, supportOffer } from "../models/support.server";
import { offerSchema } from "../models/support";
import { districtTeams } from "../models/scope.server";
import { FormError } from "../components/FormError";
import { requireActorWith, notFound } from "../auth/guard.server";

export const meta: MetaFunction = () => pageTitle("Stödkatalogen");

/** "nytt" is a new offer; a number is an offer of the coordinator's district. */
async function editing(request: Request, offerId: string | undefined): Promise<{ actor: Actor; id: number | null }> {
  const actor = await requireActorWith(request, "district:manage");
  if (offerId === "nytt") return { actor, id: null };
  const id = parseId(offerId);
  if (id === null || !supportOffer(actor, id)) throw notFound();
  return { actor, id };
}

export async function loader({ request, params }: LoaderFunctionArgs) {
  const { actor, id } = await editing(request, params.offerId);
  const offer = id === null ? null : supportOffer(actor, id)!;
  return {
    isNew: id === null,
    teams: districtTeams(actor),
    current: offer
      ? {
          name: offer.name,
          forWhom: offer.forWhom,
          whatItGives: offer.whatItGives,
          howToContact: offer.howToContact,
          phone: offer.phone ? formatPhone(offer.phone) : "",
          email: offer.email ?? "",
          teamId: String(offer.teamId),
          sortOrder: String(offer.sortOrder),
        }
      : {},
  };
}

export async function action({ request, params }: ActionFunctionArgs) {
  const { actor, id } = await editing(request, params.offerId);
  const values = await readFormValues(request);
  const form = validateForm(values, offerSchema);
  if (!form.ok) return json(refused(form.fieldErrors, values), { status: 400 });
  const outcome = saveOffer(actor, id, form.data);
  if (!outcome.ok) return json(refused({ [outcome.field]: outcome.message }, values), { status: 400 });
  return redirect("/stod");
}

export default function EditOffer() {
  const { isNew, teams, current } = useLoaderData<typeof loader>();
  const actionData = useActionData<typeof action>();
  const errors = actionData?.fieldErrors ?? {};
  const values: Record<string, string | undefined> = actionData?.values ?? current;
  return (
    <>
      <h1>{isNew ? "Nytt erbjudande i stödkatalogen" : `Ändra ${values.name ?? "erbjudandet"}`}</h1>
      <FormError message={errors.form} />
      <Form method="post" noValidate className="panel">
        <Field label="Namn" name="name" defaultValue={values.name ?? ""} error={errors.name} />
        <Field label="För vem" name="forWhom" hint="Till exempel Unga 12–22 år" defaultValue={values.forWhom ?? ""} error={errors.forWhom} />
        <TextArea label="Vad familjen får" name="whatItGives" defaultValue={values.whatItGives ?? ""} error={errors.whatItGives} />
        <TextArea label="Så tar familjen kontakt" name="howToContact" rows={3} defaultValue={values.howToContact ?? ""} error={errors.howToContact} />
        <div className="form-row">
          <Field label="Telefon (frivilligt)" name="phone" type="tel" defaultValue={values.phone ?? ""} error={errors.phone} />
          <Field label="E-post (frivilligt)" name="email" type="email" defaultValue={values.email ?? ""} error={errors.email} />
          <Field label="Ordning i listan" name="sortOrder" inputMode="numeric" defaultValue={values.sortOrder ?? "0"} error={errors.sortOrder} />
        </div>
        <SelectField
          label="Team som tar emot förfrågningar"
          name="teamId"
          defaultValue={values.teamId}
          error={errors.teamId}
          options={teams.map((t) => ({ value: String(t.id), label: t.name }))}
        />
        <button type="submit">Spara</button> <Link to="/stod">Avbryt</Link>
      </Form>
    </>
  );
}
