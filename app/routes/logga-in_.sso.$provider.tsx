import type { ActionFunctionArgs } from "@remix-run/node";
import { redirect } from "@remix-run/node";
import { notFound } from "../auth/guard.server";
import { ssoProvider } from "../auth/sso-config.server";
import { beginSso, ssoStartWait } from "../auth/sso.server";
import { now } from "../clock.server";
import { readFormValues } from "../http/forms";
import { errorForLog, log } from "../http/log.js";

/** The "Logga in med …" button posts here; the browser goes on to the provider. A plain visit goes to the login page. */
export const loader = () => redirect("/logga-in");

export async function action({ request, params, context }: ActionFunctionArgs) {
  const provider = ssoProvider(params.provider ?? "");
  if (!provider) throw notFound();
  const values = await readFormValues(request);
  const wait = ssoStartWait(context.clientAddress, now());
  if (wait > 0) return redirect("/logga-in?sso=vanta", { headers: { "Retry-After": String(Math.ceil(wait / 1000)) } });
  try {
    return await beginSso(provider, values.redirectTo, null, now());
  } catch (error) {
    // The provider does not answer: say so on the login page, where the password still works.
    log.warn({ provider: provider.id, err: errorForLog(error) }, "single sign-on: discovery failed");
    return redirect(`/logga-in?sso=${encodeURIComponent("nere")}`);
  }
}
