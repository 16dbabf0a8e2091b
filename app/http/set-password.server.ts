import type { ActionFunctionArgs, LoaderFunctionArgs } from "@remix-run/node";
import { json } from "@remix-run/node";
import { endAllSessionsOf, startSession } from "../auth/session.server";
import { now } from "../clock.server";
import { setPasswordSchema } from "../models/accounts";
import { setPasswordWithToken, tokenState } from "../models/accounts.server";
import { readFormValues, validateForm } from "./forms";

/** Loader and action of a one-time password link (/inbjudan/:token, /aterstall/:token). */
export function setPasswordRoute(purpose: "invite" | "reset") {
  return {
    loader({ params }: LoaderFunctionArgs) {
      const state = tokenState(params.token ?? "", purpose, now());
      return { state: state.ok ? { ok: true as const, name: state.name, email: state.email } : state };
    },
    async action({ request, params }: ActionFunctionArgs) {
      const values = await readFormValues(request);
      const form = validateForm(values, setPasswordSchema);
      if (!form.ok) return json({ fieldErrors: form.fieldErrors as Record<string, string | undefined> }, { status: 400 });
      const state = await setPasswordWithToken(params.token ?? "", purpose, form.data.password, now());
      if (!state.ok) return json({ fieldErrors: { form: "Länken fungerar inte längre. Be om en ny." } as Record<string, string | undefined> }, { status: 400 });
      // Any other session ends (a reset may follow a stolen password); this one starts fresh.
      await endAllSessionsOf(state.personId);
      return startSession(request, state.personId, "/");
    },
  };
}
