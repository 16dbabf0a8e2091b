import { can, type Actor } from "./permissions";
import { requireActor } from "./session.server";

/**
 * The first line of every action that changes something: the acting person, or 403 for
 * the head of unit, who reads the figures and writes nothing. The model functions check
 * the same capability themselves, so a route that forgets this still writes nothing.
 */
export async function requireWriter(request: Request): Promise<Actor> {
  const actor = await requireActor(request);
  if (!can(actor, "portal:write")) throw new Response("Forbidden", { status: 403 });
  return actor;
}
