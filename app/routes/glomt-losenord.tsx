import type { ActionFunctionArgs, MetaFunction } from "@remix-run/node";
import { json, redirect } from "@remix-run/node";
import { Form, Link, useActionData, useSearchParams } from "@remix-run/react";
import { clientOf, countRequest } from "../auth/throttle.server";
import { now } from "../clock.server";
import { Field } from "../components/Field";
import { SavedNotice } from "../components/SavedNotice";
import { pageTitle } from "../format/title";
import { afterResponse } from "../http/after-response";
import { readFormValues, refused, validateForm } from "../http/forms";
import { emailSchema } from "../models/accounts";
import { requestPasswordReset } from "../models/accounts.server";

export const meta: MetaFunction = () => pageTitle("Glömt lösenordet");

/** Requests one client address may make in an hour, for any addresses (each address also gets at most 3 mails an hour). */
export const RESET_REQUESTS_PER_CLIENT_AND_HOUR = 10;

export async function action({ request, context }: ActionFunctionArgs) {
  const values = await readFormValues(request);
  const form = validateForm(values, emailSchema);
  if (!form.ok) return json(refused(form.fieldErrors, values), { status: 400 });
  const client = clientOf(context.clientAddress);
  const wait = client ? countRequest(`reset-client:${client}`, RESET_REQUESTS_PER_CLIENT_AND_HOUR, 3_600_000, now()) : 0;
  if (wait > 0) {
    return json(refused({ email: "Du har bett om många länkar på kort tid. Vänta en stund och försök igen, eller fråga samordnaren i teamet." }, values), {
      status: 429,
      headers: { "Retry-After": String(Math.ceil(wait / 1000)) },
    });
  }
  // Looked up only after answering, and the answer is the same whether or not the address has an account.
  const email = form.data.email;
  afterResponse(context, "password reset", () => requestPasswordReset(email, now()));
  return redirect("/glomt-losenord?skickat=1");
}

export default function ForgottenPassword() {
  const actionData = useActionData<typeof action>();
  const [searchParams] = useSearchParams();
  const sent = searchParams.get("skickat") === "1" && !actionData;
  return (
    <div className="panel panel--narrow">
      <h1>Glömt lösenordet</h1>
      <SavedNotice message={sent ? "Om adressen finns i portalen har vi skickat ett mejl med en länk. Den gäller i en timme." : undefined} />
      <p>Skriv din e-postadress i jobbet, så skickar vi en länk där du väljer ett nytt lösenord.</p>
      <Form method="post" noValidate>
        <Field
          label="E-postadress"
          name="email"
          type="email"
          autoComplete="username"
          defaultValue={actionData?.values.email ?? ""}
          error={actionData?.fieldErrors.email}
        />
        <button type="submit">Skicka länken</button> <Link to="/logga-in">Tillbaka till inloggningen</Link>
      </Form>
    </div>
  );
}
