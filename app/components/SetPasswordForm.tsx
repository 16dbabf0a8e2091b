import { Form, Link } from "@remix-run/react";
import { Field } from "./Field";
import { FormError } from "./FormError";

const REASON = {
  unknown: "Länken fungerar inte. Kontrollera att du har fått med hela adressen från mejlet.",
  used: "Länken är redan använd. Den fungerar bara en gång.",
  expired: "Länken har gått ut.",
  "has-account": "Du har redan ett konto i Samverkansportalen med den här adressen. Logga in med det.",
} as const;

type Props = {
  heading: string;
  state: { ok: true; name: string; email: string } | { ok: false; reason: keyof typeof REASON };
  errors: Record<string, string | undefined>;
  /** What to do when the link no longer works. */
  instead: string;
};

/** Choosing a password from a one-time link: an invitation or a reset. */
export function SetPasswordForm({ heading, state, errors, instead }: Props) {
  if (!state.ok) {
    return (
      <div className="panel panel--narrow">
        <h1>{heading}</h1>
        <p className="form-error">{REASON[state.reason]}</p>
        <p>{instead}</p>
        <p>
          <Link to="/glomt-losenord">Be om en ny länk</Link> · <Link to="/logga-in">Logga in</Link>
        </p>
      </div>
    );
  }
  return (
    <div className="panel panel--narrow">
      <h1>{heading}</h1>
      <p>
        Hej {state.name}! Du loggar in med {state.email}. Välj ett lösenord med minst 10 tecken, gärna några ord i rad som bara du kan.
      </p>
      <FormError message={errors.form} />
      <Form method="post" noValidate>
        <input type="text" name="username" autoComplete="username" value={state.email} readOnly hidden />
        <Field label="Nytt lösenord" name="password" type="password" autoComplete="new-password" error={errors.password} />
        <Field label="Samma lösenord igen" name="confirm" type="password" autoComplete="new-password" error={errors.confirm} />
        <button type="submit">Spara lösenordet och logga in</button>
      </Form>
    </div>
  );
}
