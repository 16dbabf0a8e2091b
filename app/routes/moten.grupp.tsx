import type { ActionFunctionArgs, LoaderFunctionArgs, MetaFunction } from "@remix-run/node";
import { json, redirect } from "@remix-run/node";
import { Form, Link, useActionData } from "@remix-run/react";
import { now } from "../clock.server";
import { Field } from "../components/Field";
import { FormError } from "../components/FormError";
import { RadioGroup } from "../components/RadioGroup";
import { TextArea } from "../components/TextArea";
import { pageTitle } from "../format/title";
import { readFormValues, refused, validateForm } from "../http/forms";
import { groupSeriesSchema } from "../models/meeting-forms";
import { groupKindLabel } from "../models/meetings";
import { SeriesFields } from "../components/meetings/SeriesFields";
import { createGroupSeries } from "../models/meeting-groups.server";
import { options } from "../format/consultation";
import { requireActorWith } from "../auth/guard.server";

export const meta: MetaFunction = () => pageTitle("Starta ett forum eller en samverkansgrupp");

export async function loader({ request }: LoaderFunctionArgs) {
  await requireActorWith(request, "groups:start");
  return null;
}

export async function action({ request }: ActionFunctionArgs) {
  const actor = await requireActorWith(request, "groups:start");
  const values = await readFormValues(request);
  const form = validateForm(values, groupSeriesSchema(now()));
  if (!form.ok) return json(refused(form.fieldErrors, values), { status: 400 });
  const outcome = createGroupSeries(actor, form.data, now());
  if (!outcome.ok) return json(refused({ [outcome.field]: outcome.message }, values), { status: 400 });
  return redirect(`/moten/${outcome.ids[0]}?sparat=serie-${outcome.ids.length}`);
}

export default function StartGroup() {
  const actionData = useActionData<typeof action>();
  const errors = actionData?.fieldErrors ?? {};
  const values = actionData?.values ?? {};
  return (
    <>
      <h1>Starta ett forum eller en samverkansgrupp</h1>
      <p className="lead">
        Du håller i mötena. Alla deltagare får en kalenderinbjudan till varje möte och kan lägga till punkter på dagordningen. Helgdagar och dina jourdagar
        flyttas till närmaste lediga dag.
      </p>
      <FormError message={errors.form} />
      <Form method="post" noValidate className="panel">
        <RadioGroup legend="Vad ska ni ha?" name="kind" value={values.kind ?? "collaboration"} error={errors.kind} options={options(groupKindLabel)} />
        <Field label="Gruppens namn" name="name" hint="Till exempel Samverkan polis och socialtjänst" defaultValue={values.name ?? ""} error={errors.name} />
        <TextArea
          label="Deltagare"
          name="members"
          rows={4}
          hint="Deras e-postadresser i jobbet, en per rad. Du är med själv. I ett konsultationsforum är det socialtjänstens utsedda personal; skolor och förskolor bokar platser för ärenden."
          defaultValue={values.members ?? ""}
          error={errors.members}
        />
        <SeriesFields
          values={values}
          errors={errors}
          defaults={{ minutes: "120", everyWeeks: "2", count: "6", place: "office" }}
          extra={
            <Field
              label="Minuter per ärende"
              name="caseMinutes"
              inputMode="numeric"
              hint="Bara för konsultationsforum"
              defaultValue={values.caseMinutes ?? "20"}
              error={errors.caseMinutes}
            />
          }
        />
        <button type="submit">Lägg in mötena</button> <Link to="/moten">Avbryt</Link>
      </Form>
    </>
  );
}
