import { env } from "./env.server";

/**
 * The current instant. `PORTAL_FIXED_NOW` pins it, for end-to-end tests and demos that
 * need "a Tuesday at 10.00"; it is refused in production (see env.server.ts).
 */
export function now(): Date {
  return env.PORTAL_FIXED_NOW ? new Date(env.PORTAL_FIXED_NOW) : new Date();
}
