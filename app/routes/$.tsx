import type { LoaderFunctionArgs } from "@remix-run/node";
import { requireActor } from "../auth/session.server";

/** Unknown addresses: log in first (so nothing is revealed), then "Sidan finns inte". */
export async function loader({ request }: LoaderFunctionArgs) {
  await requireActor(request);
  throw new Response("Not found", { status: 404 });
}

export default function NotFound() {
  return null;
}
