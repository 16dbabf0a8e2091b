import type { LoaderFunctionArgs } from "@remix-run/node";
import { requireActor } from "../auth/session.server";
import { notFound } from "../auth/guard.server";

/** Unknown addresses: log in first (so nothing is revealed), then "Sidan finns inte". */
export async function loader({ request }: LoaderFunctionArgs) {
  await requireActor(request);
  throw notFound();
}

export default function NotFound() {
  return null;
}
