import { Form } from "@remix-run/react";
import type { ReactNode } from "react";

/** One button that posts its intent (and any hidden fields) to the page's action: works without JavaScript. */
export function IntentButton({
  intent,
  fields = {},
  quiet = true,
  children,
}: {
  intent: string;
  fields?: Record<string, string>;
  quiet?: boolean;
  children: ReactNode;
}) {
  return (
    <Form method="post">
      <input type="hidden" name="intent" value={intent} />
      {Object.entries(fields).map(([name, value]) => (
        <input key={name} type="hidden" name={name} value={value} />
      ))}
      <button type="submit" className={quiet ? "button--quiet" : undefined}>
        {children}
      </button>
    </Form>
  );
}
