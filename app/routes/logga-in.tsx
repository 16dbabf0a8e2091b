import type { ActionFunctionArgs, LoaderFunctionArgs, MetaFunction } from "@remix-run/node";
import { json, redirect } from "@remix-run/node";
import { Form, Link, useActionData, useLoaderData, useNavigation, useSearchParams } from "@remix-run/react";
import { useEffect, useRef } from "react";
import { safeRedirect } from "../auth/redirect";
import { authenticate, getActor, startSession } from "../auth/session.server";
import { providerForAddress, ssoProviders } from "../auth/sso-config.server";
import { beginSso, ssoStartWait } from "../auth/sso.server";
import { beginLoginAttempt, loginSucceeded, throttleKeys } from "../auth/throttle.server";
import { waitMessage } from "../auth/throttle";
import { now } from "../clock.server";
import { Field } from "../components/Field";
import { pageTitle } from "../format/title";
import { parseForm } from "../http/forms";
import { loginSchema } from "../models/accounts";

export const meta: MetaFunction = () => pageTitle("Logga in");

const SSO_DOWN = "Stadens inloggning svarar inte just nu. Försök igen om en stund.";

const WRONG_CREDENTIALS =
  "Fel e-postadress eller lösenord, eller så är kontot avstängt. Kontrollera och försök igen, eller fråga samordnaren i teamet på socialtjänsten.";

export async function loader({ request }: LoaderFunctionArgs) {
  if (await getActor(request)) {
    throw redirect(safeRedirect(new URL(request.url).searchParams.get("redirectTo")));
  }
  return { providers: ssoProviders().map((p) => ({ id: p.id, label: p.label })) };
}

export async function action({ request, context }: ActionFunctionArgs) {
  // An address the city's provider serves logs in there, not with a password.
  const typed = await request
    .clone()
    .formData()
    .catch(() => null);
  const email = typeof typed?.get("email") === "string" ? String(typed.get("email")).trim() : "";
  const provider = providerForAddress(email);
  if (provider) {
    const wait = ssoStartWait(context.clientAddress, now());
    if (wait > 0)
      return json(
        { fieldErrors: { form: waitMessage(wait) }, values: { email, redirectTo: String(typed?.get("redirectTo") ?? "") } },
        { status: 429, headers: { "Retry-After": String(Math.ceil(wait / 1000)) } },
      );
    try {
      return await beginSso(provider, typed?.get("redirectTo"), email, now());
    } catch {
      // The provider does not answer: the person is told below, with the address kept.
      return json({ fieldErrors: { form: SSO_DOWN }, values: { email, redirectTo: String(typed?.get("redirectTo") ?? "") } }, { status: 503 });
    }
  }
  const form = await parseForm(request, loginSchema());
  // The password is never sent back to the browser.
  const values = { email: form.values.email ?? "", redirectTo: form.values.redirectTo ?? "" };
  if (!form.ok) return json({ fieldErrors: form.fieldErrors, values }, { status: 400 });
  const at = now();
  // The client's address is Express's req.ip (app/server.js), the real client's behind a proxy only with TRUST_PROXY.
  const keys = throttleKeys(form.data.email, context.clientAddress);
  // Failures are counted per account and client together, and per client: a guesser waits
  // (whatever the password), the owner at another address does not (app/auth/throttle.ts).
  const attempt = beginLoginAttempt(keys, at);
  if (!("attemptIds" in attempt))
    return json(
      { fieldErrors: { form: waitMessage(attempt.wait) }, values },
      { status: 429, headers: { "Retry-After": String(Math.ceil(attempt.wait / 1000)) } },
    );
  const personId = await authenticate(form.data.email, form.data.password);
  if (personId === null) return json({ fieldErrors: { form: WRONG_CREDENTIALS }, values }, { status: 400 });
  loginSucceeded(keys, attempt.attemptIds);
  return startSession(request, personId, form.data.redirectTo);
}

export default function Login() {
  const actionData = useActionData<typeof action>();
  const { providers } = useLoaderData<typeof loader>();
  const [searchParams] = useSearchParams();
  const navigation = useNavigation();
  const errors: Record<string, string | undefined> = actionData?.fieldErrors ?? {};
  const errorRef = useRef<HTMLParagraphElement>(null);
  const formRef = useRef<HTMLFormElement>(null);

  useEffect(() => {
    // A refused password is never left in the field (without JavaScript the page is new anyway).
    const password = formRef.current?.elements.namedItem("password");
    if (actionData && password instanceof HTMLInputElement) password.value = "";
    if (errors.form) errorRef.current?.focus();
  }, [actionData, errors.form]);

  return (
    <div className="panel panel--narrow">
      <h1>Logga in</h1>
      <p>Samverkansportalen är till för dig som arbetar i skola, förskola eller polis och samarbetar med socialtjänsten för barn och unga.</p>
      {searchParams.get("sso") === "vanta" ? (
        <p className="notice notice--warn" role="status">
          Du har försökt logga in många gånger. Vänta en stund och försök igen.
        </p>
      ) : null}
      {searchParams.get("sso") === "nere" ? (
        <p className="notice notice--warn" role="status">
          {SSO_DOWN} Du kan också logga in med lösenord.
        </p>
      ) : null}
      {providers.map((p) => (
        <Form key={p.id} method="post" action={`/logga-in/sso/${p.id}`} className="sso-login">
          <input type="hidden" name="redirectTo" value={searchParams.get("redirectTo") ?? ""} />
          <button type="submit">Logga in med {p.label}</button>
        </Form>
      ))}
      {providers.length > 0 ? <h2 className="login-or">Eller med e-post och lösenord</h2> : null}
      <Form method="post" noValidate ref={formRef}>
        {errors.form ? (
          <p className="form-error" role="alert" tabIndex={-1} ref={errorRef}>
            {errors.form}
          </p>
        ) : null}
        <input type="hidden" name="redirectTo" value={actionData?.values.redirectTo ?? searchParams.get("redirectTo") ?? ""} />
        <Field
          label="E-postadress"
          name="email"
          type="email"
          autoComplete="username"
          defaultValue={actionData?.values.email ?? ""}
          error={errors.email}
          hint="Din e-postadress i jobbet."
        />
        <Field label="Lösenord" name="password" type="password" autoComplete="current-password" error={errors.password} />
        <button type="submit" disabled={navigation.state === "submitting"}>
          Logga in
        </button>
      </Form>
      <p>
        <Link to="/glomt-losenord">Glömt lösenordet?</Link>
      </p>
      <p className="field__hint">Saknar du konto? Kontakta samordnaren i teamet på socialtjänsten, som bjuder in dig.</p>
    </div>
  );
}
