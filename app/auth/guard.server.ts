import { can, type Actor, type Capability } from "./permissions";
import { requireActor } from "./session.server";

/**
 * The first line of every action that changes something: the acting person, or 403 for
 * the head of unit, who reads the figures and writes nothing. The model functions check
 * the same capability themselves, so a route that forgets this still writes nothing.
 */
export async function requireWriter(request: Request): Promise<Actor> {
  const actor = await requireActor(request);
  if (!can(actor, "portal:write")) throw forbidden();
  return actor;
}

/**
 * The first line of a loader or action for a page only some roles use: the acting person, or
 * 403 for anyone whose role lacks `capability` (a page your role never uses; another person's
 * object is the model's 404). Logged out: to the login page.
 */
export async function requireActorWith(request: Request, capability: Capability): Promise<Actor> {
  const actor = await requireActor(request);
  if (!can(actor, capability)) throw forbidden();
  return actor;
}

/**
 * The answer for a page or an action the person's role never uses (decision 023). A page shows
 * the error page's Swedish text; a file (a CSV) shows this plain text.
 */
export function forbidden(): Response {
  return new Response("Sidan är inte till för din roll i portalen.\n", { status: 403, headers: { "Content-Type": "text/plain; charset=utf-8" } });
}

/** The answer for an object that does not exist or is another's: the same, so that it gives nothing away. */
export function notFound(): Response {
  return new Response("Sidan finns inte.\n", { status: 404, headers: { "Content-Type": "text/plain; charset=utf-8" } });
}
