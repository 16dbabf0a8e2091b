import type { ActionFunctionArgs, LoaderFunctionArgs, MetaFunction } from "@remix-run/node";
import { useActionData, useLoaderData } from "@remix-run/react";
import { SetPasswordForm } from "../components/SetPasswordForm";
import { pageTitle } from "../format/title";
import { setPasswordRoute } from "../http/set-password.server";

export const meta: MetaFunction = () => pageTitle("Välkommen till Samverkansportalen");

// Called inside the exports (never at module level), so the browser bundle leaves the server code out.
export const loader = (args: LoaderFunctionArgs) => setPasswordRoute("invite").loader(args);
export const action = (args: ActionFunctionArgs) => setPasswordRoute("invite").action(args);

export default function Invitation() {
  const { state } = useLoaderData<typeof loader>();
  const actionData = useActionData<typeof action>();
  return (
    <SetPasswordForm
      heading="Välkommen till Samverkansportalen"
      state={state}
      errors={actionData?.fieldErrors ?? {}}
      instead="Be samordnaren i teamet på socialtjänsten om en ny inbjudan."
    />
  );
}
