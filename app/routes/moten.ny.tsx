import type { ActionFunctionArgs, LoaderFunctionArgs, MetaFunction } from "@remix-run/node";
import { json, redirect } from "@remix-run/node";
import { Form, Link, useActionData, useLoaderData } from "@remix-run/react";
import { now } from "../clock.server";
import { WhoToCall } from "../components/CallOptions";
import { Field } from "../components/Field";
import { FormError } from "../components/FormError";
import { NameConfirmation } from "../components/NameConfirmation";
import { ProposedTimes } from "../components/ProposedTimes";
import { RadioGroup } from "../components/RadioGroup";
import { SelectField } from "../components/SelectField";
import { TextArea } from "../components/TextArea";
import { pageTitle } from "../format/title";
import { readFormValues, refused, validateForm } from "../http/forms";
import { reportMeetingSchema } from "../models/meeting-forms";
import { placeLabel } from "../models/meetings";
import { createReportMeeting, meetingHostsFor } from "../models/meeting-creation.server";
import { callAdviceForRequest } from "../models/who-to-call.server";
import { requireActorWith } from "../auth/guard.server";

export const meta: MetaFunction = () => pageTitle("Planera ett anmälningsmöte");

export async function loader({ request }: LoaderFunctionArgs) {
  const actor = await requireActorWith(request, "partner:work");
  const advice = callAdviceForRequest(request, actor, now());
  return { hosts: meetingHostsFor(actor), callOptions: advice.options, today: advice.today };
}

export async function action({ request }: ActionFunctionArgs) {
  const actor = await requireActorWith(request, "partner:work");
  const values = await readFormValues(request);
  // Violence or abuse in the family: the guardians must not be told first. Call, don't plan.
  if (values.violence === "yes") return json({ ...refused({}, values), phoneFirst: true, needsNameConfirmation: false });
  const form = validateForm(values, reportMeetingSchema(now()));
  if (!form.ok)
    return json({ ...refused(form.fieldErrors, values), phoneFirst: false, needsNameConfirmation: Boolean(form.fieldErrors.confirmNoName) }, { status: 400 });
  const outcome = createReportMeeting(actor, form.data.meeting, now());
  if (!outcome.ok) return json({ ...refused({ [outcome.field]: outcome.message }, values), phoneFirst: false, needsNameConfirmation: false }, { status: 400 });
  return redirect(`/moten/${outcome.id}?sparat=foreslaget`);
}

const YES = { value: "yes", label: "Ja" };
const YES_NO = [YES, { value: "no", label: "Nej" }];

export default function NewReportMeeting() {
  const { hosts, callOptions, today } = useLoaderData<typeof loader>();
  const actionData = useActionData<typeof action>();
  const errors = actionData?.fieldErrors ?? {};
  const values = actionData?.values ?? {};
  if (actionData?.phoneFirst) {
    return (
      <>
        <h1>Ring socialtjänsten nu</h1>
        <div className="notice notice--danger">
          <p>
            När det gäller misstänkt våld eller sexuella övergrepp av någon i familjen ska vårdnadshavarna inte få veta det först. Planera inget möte här: ring
            och prata med socialtjänsten i dag.
          </p>
        </div>
        <WhoToCall options={callOptions} today={today} heading="Vem ringer jag just nu?" />
        <p>
          <Link to="/moten">Tillbaka till möten</Link>
        </p>
      </>
    );
  }
  return (
    <>
      <h1>Planera ett anmälningsmöte</h1>
      <div className="notice notice--danger">
        <p>
          <strong>Gäller oron misstänkt våld eller sexuella övergrepp av någon i familjen?</strong> Berätta inte för vårdnadshavarna först. Ring socialtjänsten
          nu i stället.
        </p>
      </div>
      <p>På mötet får familjen höra om anmälan tillsammans med personer de känner. Skriv inte barnets namn: mötet får bara verksamhetens namn.</p>
      <FormError message={errors.form} />
      <Form method="post" noValidate className="panel">
        <RadioGroup
          legend="Gäller oron misstänkt våld eller sexuella övergrepp av någon i familjen?"
          name="violence"
          value={values.violence}
          error={errors.violence}
          options={YES_NO}
        />
        <SelectField
          label="Kontaktperson på socialtjänsten"
          name="hostPersonId"
          defaultValue={values.hostPersonId}
          error={errors.hostPersonId}
          options={hosts.map((h) => ({ value: String(h.personId), label: h.name }))}
        />
        <ProposedTimes values={values} errors={errors} />
        <RadioGroup
          legend="Var ses ni?"
          name="place"
          value={values.place}
          error={errors.place}
          options={(Object.keys(placeLabel) as (keyof typeof placeLabel)[]).map((p) => ({ value: p, label: placeLabel[p] }))}
        />
        <Field
          label="Vem från skolan eller förskolan kommer?"
          name="participants"
          hint="Roller, till exempel mentor och kurator"
          defaultValue={values.participants ?? ""}
          error={errors.participants}
        />
        <RadioGroup
          legend="Behöver familjen tolk?"
          name="interpreter"
          value={values.interpreter}
          error={errors.interpreter}
          options={[
            { value: "no", label: "Nej" },
            {
              value: "yes",
              label: "Ja",
              extra: <Field label="Språk" name="interpreterLanguage" defaultValue={values.interpreterLanguage ?? ""} error={errors.interpreterLanguage} />,
            },
          ]}
        />
        <RadioGroup
          legend="Vet vårdnadshavarna om mötet?"
          name="guardiansTold"
          value={values.guardiansTold}
          error={errors.guardiansTold}
          options={[YES, { value: "no", label: "Inte än" }]}
        />
        <TextArea
          label="Anteckning till kontaktpersonen (frivilligt)"
          name="notes"
          rows={3}
          hint="Skriv inte barnets eller familjens namn, personnummer eller adress."
          defaultValue={values.notes ?? ""}
          error={errors.notes}
        />
        {actionData?.needsNameConfirmation ? <NameConfirmation message={errors.confirmNoName} /> : null}
        <button type="submit">Skicka förslaget</button> <Link to="/moten">Avbryt</Link>
      </Form>
    </>
  );
}
