import type { ActionFunctionArgs, LoaderFunctionArgs, MetaFunction } from "@remix-run/node";
import { useActionData, useLoaderData } from "@remix-run/react";
import { SetPasswordForm } from "../components/SetPasswordForm";
import { pageTitle } from "../format/title";
import { setPasswordRoute } from "../http/set-password.server";

export const meta: MetaFunction = () => pageTitle("Välj ett nytt lösenord");

// Called inside the exports (never at module level), so the browser bundle leaves the server code out.
export const loader = (args: LoaderFunctionArgs) => setPasswordRoute("reset").loader(args);
export const action = (args: ActionFunctionArgs) => setPasswordRoute("reset").action(args);

export default function ResetPassword() {
  const { state } = useLoaderData<typeof loader>();
  const actionData = useActionData<typeof action>();
  return (
    <SetPasswordForm heading="Välj ett nytt lösenord" state={state} errors={actionData?.fieldErrors ?? {}} instead="Be om en ny länk; den gäller i en timme." />
  );
}
