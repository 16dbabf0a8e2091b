import type { ActionFunctionArgs } from "@remix-run/node";
import { redirect } from "@remix-run/node";
import { endSession } from "../auth/session.server";

/** Logging out is a POST (the "Logga ut" button); a plain visit just goes to the start page. */
export const loader = () => redirect("/");

export async function action({ request }: ActionFunctionArgs) {
  return endSession(request);
}
