import type { MetaFunction } from "@remix-run/node";
import { useActionData, useLoaderData } from "@remix-run/react";
import { SetPasswordForm } from "../components/SetPasswordForm";
import { pageTitle } from "../format/title";
import { setPasswordRoute } from "../http/set-password.server";

export const meta: MetaFunction = () => pageTitle("Välkommen till Samverkansportalen");

const route = setPasswordRoute("invite");
export const loader = route.loader;
export const action = route.action;

export default function Invitation() {
  const { state } = useLoaderData<typeof loader>();
  const actionData = useActionData<typeof action>();
  return <SetPasswordForm heading="Välkommen till Samverkansportalen" state={state} errors={actionData?.fieldErrors ?? {}} instead="Be samordnaren i teamet på socialtjänsten om en ny inbjudan." />;
}
