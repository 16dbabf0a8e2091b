import type { ActionFunctionArgs, LoaderFunctionArgs, MetaFunction } from "@remix-run/node";
import { json, redirect } from "@remix-run/node";
import { Form, Link, useActionData, useLoaderData } from "@remix-run/react";
import { requireActor } from "../auth/session.server";
import { now } from "../clock.server";
import { Field } from "../components/Field";
import { FormError } from "../components/FormError";
import { ProposedTimes } from "../components/ProposedTimes";
import { RadioGroup } from "../components/RadioGroup";
import { SelectField } from "../components/SelectField";
import { pageTitle } from "../format/title";
import { readFormValues, refused, validateForm } from "../http/forms";
import { staffTeamMeetingSchema } from "../models/meeting-forms";
import { STAFF_TEAM_THEMES } from "../models/meetings";
import { createStaffTeamMeeting, meetingHostsFor, visitTargetsFor } from "../models/meeting-creation.server";
import { forbidden } from "../auth/guard.server";

export const meta: MetaFunction = () => pageTitle("Be om besök på ett arbetslagsmöte");

async function leadership(request: Request) {
  const actor = await requireActor(request);
  const targets = visitTargetsFor(actor);
  if (targets.length === 0) throw forbidden();
  return { actor, targets };
}

export async function loader({ request }: LoaderFunctionArgs) {
  const { actor, targets } = await leadership(request);
  return { targets: targets.map((t) => ({ value: t.value, label: t.label })), hosts: meetingHostsFor(actor) };
}

export async function action({ request }: ActionFunctionArgs) {
  const { actor } = await leadership(request);
  const values = await readFormValues(request);
  const form = validateForm(values, staffTeamMeetingSchema(now()));
  if (!form.ok) return json(refused(form.fieldErrors, values), { status: 400 });
  const outcome = createStaffTeamMeeting(actor, form.data, now());
  if (!outcome.ok) return json(refused({ [outcome.field]: outcome.message }, values), { status: 400 });
  return redirect(`/moten/${outcome.id}?sparat=foreslaget`);
}

export default function StaffTeamMeeting() {
  const { targets, hosts } = useLoaderData<typeof loader>();
  const actionData = useActionData<typeof action>();
  const errors = actionData?.fieldErrors ?? {};
  const values = actionData?.values ?? {};
  return (
    <>
      <h1>Be om besök på ett arbetslagsmöte</h1>
      <p className="lead">Kontaktpersonerna kommer gärna till ert personalmöte, för hela förskolan eller ett arbetslag, och pratar om ett tema ni väljer.</p>
      <FormError message={errors.form} />
      <Form method="post" noValidate className="panel">
        <SelectField label="Vilka ska de träffa?" name="target" defaultValue={values.target} error={errors.target} options={targets} />
        <SelectField
          label="Vem vill ni ska komma?"
          name="hostPersonId"
          defaultValue={values.hostPersonId}
          error={errors.hostPersonId}
          options={hosts.map((h) => ({ value: String(h.personId), label: h.name }))}
        />
        <RadioGroup
          legend="Tema"
          name="theme"
          value={values.theme}
          error={errors.theme}
          options={[
            ...STAFF_TEAM_THEMES.map((t) => ({ value: t, label: t })),
            {
              value: "own",
              label: "Eget tema",
              extra: <Field label="Ert tema" name="ownTheme" defaultValue={values.ownTheme ?? ""} error={errors.ownTheme} />,
            },
          ]}
        />
        <ProposedTimes values={values} errors={errors} />
        <button type="submit">Skicka förfrågan</button> <Link to="/moten">Avbryt</Link>
      </Form>
    </>
  );
}
