import type { ActionFunctionArgs, LoaderFunctionArgs, MetaFunction } from "@remix-run/node";
import { json, redirect } from "@remix-run/node";
import { Form, useActionData, useLoaderData, useSearchParams } from "@remix-run/react";
import { endAllSessionsOf, requireActor, startSession } from "../auth/session.server";
import { Field } from "../components/Field";
import { FormError } from "../components/FormError";
import { SavedNotice } from "../components/SavedNotice";
import { formatPhone } from "../format/phone";
import { pageTitle } from "../format/title";
import { readFormValues, refused, validateForm } from "../http/forms";
import { changePasswordSchema, phoneSchema } from "../models/accounts";
import { changeOwnPassword, changeOwnPhone, ownPhone } from "../models/people.server";

export const meta: MetaFunction = () => pageTitle("Mitt konto");

export async function loader({ request }: LoaderFunctionArgs) {
  const actor = await requireActor(request);
  const phone = ownPhone(actor);
  return { name: actor.name, email: actor.email, phone: phone ? formatPhone(phone) : "" };
}

export async function action({ request }: ActionFunctionArgs) {
  const actor = await requireActor(request);
  const values = await readFormValues(request);
  if (values.intent === "phone") {
    const form = validateForm(values, phoneSchema);
    if (!form.ok) return json({ ...refused(form.fieldErrors, values), intent: "phone" }, { status: 400 });
    changeOwnPhone(actor, form.data.phone);
    return redirect("/konto?sparat=telefon");
  }
  if (values.intent === "password") {
    // Passwords are never sent back to the browser.
    const form = validateForm(values, changePasswordSchema);
    if (!form.ok) return json({ ...refused(form.fieldErrors, {}), intent: "password" }, { status: 400 });
    if (!(await changeOwnPassword(actor, form.data.current, form.data.password))) {
      return json({ ...refused({ current: "Det nuvarande lösenordet stämmer inte." }, {}), intent: "password" }, { status: 400 });
    }
    // Every other session ends; this browser continues in a new one.
    await endAllSessionsOf(actor.personId);
    return startSession(request, actor.personId, "/konto?sparat=losenord");
  }
  return json({ ...refused({ form: "Formuläret kunde inte läsas. Ladda om sidan och försök igen." }, values), intent: "" }, { status: 400 });
}

const SAVED: Record<string, string> = { telefon: "Ditt telefonnummer är sparat.", losenord: "Ditt nya lösenord är sparat. Du är utloggad på andra datorer." };

export default function Account() {
  const data = useLoaderData<typeof loader>();
  const actionData = useActionData<typeof action>();
  const [searchParams] = useSearchParams();
  const errorsFor = (intent: string) => (actionData?.intent === intent ? actionData.fieldErrors : {});
  return (
    <>
      <h1>Mitt konto</h1>
      <SavedNotice message={actionData ? undefined : SAVED[searchParams.get("sparat") ?? ""]} />
      <FormError message={actionData?.fieldErrors.form} />
      <p>
        {data.name}, {data.email}. Vill du byta e-postadress, roll eller verksamhet? Fråga samordnaren i teamet på socialtjänsten.
      </p>
      <Form method="post" noValidate className="panel" aria-labelledby="phone-heading">
        <h2 id="phone-heading">Telefonnummer i jobbet</h2>
        <input type="hidden" name="intent" value="phone" />
        <Field
          label="Telefonnummer"
          name="phone"
          type="tel"
          autoComplete="tel"
          hint="Visas för dem du samarbetar med. Lämna tomt om du inte vill visa något nummer."
          defaultValue={actionData?.intent === "phone" ? (actionData.values.phone ?? "") : data.phone}
          error={errorsFor("phone").phone}
        />
        <button type="submit">Spara numret</button>
      </Form>
      <Form method="post" noValidate className="panel" aria-labelledby="password-heading">
        <h2 id="password-heading">Byt lösenord</h2>
        <input type="hidden" name="intent" value="password" />
        <input type="text" name="username" autoComplete="username" value={data.email} readOnly hidden />
        <Field label="Nuvarande lösenord" name="current" type="password" autoComplete="current-password" error={errorsFor("password").current} />
        <Field
          label="Nytt lösenord"
          name="password"
          type="password"
          autoComplete="new-password"
          hint="Minst 10 tecken."
          error={errorsFor("password").password}
        />
        <Field label="Samma lösenord igen" name="confirm" type="password" autoComplete="new-password" error={errorsFor("password").confirm} />
        <button type="submit">Byt lösenord</button>
      </Form>
    </>
  );
}
