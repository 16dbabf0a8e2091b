import { DrizzleSQLiteAdapter } from "@lucia-auth/adapter-drizzle";
import { redirect } from "@remix-run/node";
import { Lucia, TimeSpan, type Adapter, type DatabaseSession } from "lucia";
import { people, sessions } from "../../db/schema";
import { getDb, type DB } from "../db.server";
import { env } from "../env.server";
import { findActivePersonByEmail, loadActor } from "../models/people.server";
import { recordAudit } from "../models/audit.server";
import { spendTimeLikeAVerify, verifyPassword } from "./password.server";
import { hashSecret } from "./secrets.server";
import { can, type Actor } from "./permissions";
import { safeRedirect } from "./redirect";
import { oncePerRequest } from "../http/request-scope.js";
import { providerLogoutUrl } from "./sso-provider.server";
import { failedLogins } from "../ops/metrics.server";

/** A session ends after this long without use… */
export const SESSION_IDLE_HOURS = 2;
/** …and after this long in any case, however active (a working day). */
export const SESSION_ABSOLUTE_HOURS = 10;

/**
 * lucia's adapter with the session id hashed on the way in: the cookie carries the secret,
 * the table only its SHA-256 hash, so a copy of the database cannot be used to log in. The
 * session lucia hands back keeps the id the browser sent.
 */
export class HashedSessionAdapter implements Adapter {
  constructor(private readonly inner: Adapter) {}
  async getSessionAndUser(sessionId: string) {
    const [session, user] = await this.inner.getSessionAndUser(hashSecret(sessionId));
    return [session ? { ...session, id: sessionId } : null, user] as [DatabaseSession | null, typeof user];
  }
  getUserSessions(userId: number) {
    // Only the hashes are known here; lucia uses this list for nothing but counting and deleting.
    return this.inner.getUserSessions(userId);
  }
  setSession(session: DatabaseSession) {
    return this.inner.setSession({ ...session, id: hashSecret(session.id) });
  }
  updateSessionExpiration(sessionId: string, expiresAt: Date) {
    return this.inner.updateSessionExpiration(hashSecret(sessionId), expiresAt);
  }
  deleteSession(sessionId: string) {
    return this.inner.deleteSession(hashSecret(sessionId));
  }
  deleteUserSessions(userId: number) {
    return this.inner.deleteUserSessions(userId);
  }
  deleteExpiredSessions() {
    return this.inner.deleteExpiredSessions();
  }
}

function createLucia(db: DB) {
  return new Lucia(new HashedSessionAdapter(new DrizzleSQLiteAdapter(db, sessions, people)), {
    // Idle limit: a session unused for SESSION_IDLE_HOURS ends. lucia slides the expiry forward
    // when a session is used in its second half, so an active person stays signed in…
    sessionExpiresIn: new TimeSpan(SESSION_IDLE_HOURS, "h"),
    sessionCookie: {
      name: "portal_session",
      // lucia would otherwise refresh a dated cookie; ours carries no date at all (see sessionCookie).
      expires: false,
      attributes: { secure: env.SESSION_COOKIE_SECURE, sameSite: "lax" },
    },
    // The actor is loaded by `loadActor`; lucia needs nothing of the person.
    getUserAttributes: () => ({}),
    // When the session began, for the absolute limit (read with the session, no second query).
    getSessionAttributes: (attributes) => ({ createdAt: attributes.createdAt, ssoProvider: attributes.ssoProvider }),
  });
}

declare module "lucia" {
  interface Register {
    Lucia: ReturnType<typeof createLucia>;
    UserId: number;
    DatabaseSessionAttributes: { createdAt: Date; ssoProvider: string | null };
  }
}

const cache = new WeakMap<DB, ReturnType<typeof createLucia>>();
function lucia() {
  const db = getDb();
  let instance = cache.get(db);
  if (!instance) {
    instance = createLucia(db);
    cache.set(db, instance);
  }
  return instance;
}

/**
 * A browser-session cookie (no Max-Age, no Expires): closing the browser on a shared
 * staff-room PC forgets it. The session itself expires in the database.
 */
function sessionCookie(sessionId: string): string {
  const cookie = lucia().createSessionCookie(sessionId);
  delete cookie.attributes.maxAge;
  delete cookie.attributes.expires;
  return cookie.serialize();
}

function sessionIdFrom(request: Request): string | null {
  return lucia().readSessionCookie(request.headers.get("Cookie") ?? "");
}

/**
 * The logged-in person, or null. The root's loader and the page's loader both ask; on a
 * page load they share one session lookup.
 */
export function getActor(request: Request): Promise<Actor | null> {
  return oncePerRequest(request, "actor", () => readActor(request));
}

async function readActor(request: Request): Promise<Actor | null> {
  const sessionId = sessionIdFrom(request);
  if (!sessionId) return null;
  const { session } = await lucia().validateSession(sessionId);
  if (!session) return null;
  // …until the absolute limit (lucia measures idle time by the real clock; so does this).
  if (Date.now() - session.createdAt.getTime() > SESSION_ABSOLUTE_HOURS * 3_600_000) {
    await lucia().invalidateSession(session.id);
    return null;
  }
  const actor = loadActor(session.userId);
  if (!actor) await lucia().invalidateSession(session.id);
  return actor;
}

/** The pages the city's administrator may open; every district page sends them to /stad. */
const CITY_ADMIN_PATHS = /^\/(stad(\.csv|\/.*)?|konto)$/;

/** The logged-in person; anyone else is sent to the login page and brought back afterwards. */
export async function requireActor(request: Request): Promise<Actor> {
  const actor = await getActor(request);
  if (actor && can(actor, "city:admin") && !CITY_ADMIN_PATHS.test(new URL(request.url).pathname)) throw redirect("/stad");
  if (actor) return actor;
  const url = new URL(request.url);
  const back = `${url.pathname}${url.search}`;
  const params = back === "/" ? "" : `?${new URLSearchParams({ redirectTo: back })}`;
  throw redirect(`/logga-in${params}`);
}

/**
 * Checks the email and password. Unknown email, deactivated person, missing password
 * and wrong password all answer null in about the same time, so the answer does not
 * tell which one was wrong.
 */
export async function authenticate(email: string, password: string): Promise<number | null> {
  const person = findActivePersonByEmail(email);
  if (!person?.passwordHash) {
    await spendTimeLikeAVerify(password);
    failedLogins.inc();
    return null;
  }
  if (await verifyPassword(person.passwordHash, password)) return person.id;
  failedLogins.inc();
  return null;
}

/**
 * Starts a new session (always a new id: an id planted before login is worthless) and
 * redirects to where the person was going. Any session the request already had ends.
 */
export async function startSession(
  request: Request,
  personId: number,
  redirectTo: unknown,
  { ssoProvider = null, headers = new Headers() }: { ssoProvider?: string | null; headers?: Headers } = {},
) {
  const previous = sessionIdFrom(request);
  if (previous) await lucia().invalidateSession(previous);
  const session = await lucia().createSession(personId, { createdAt: new Date(), ssoProvider });
  const actor = loadActor(personId);
  if (actor) recordAudit(actor, ssoProvider ? "session.login_sso" : "session.login", { type: "person", id: personId });
  headers.append("Set-Cookie", sessionCookie(session.id));
  return redirect(safeRedirect(redirectTo), { headers });
}

/** Ends every session of a person: after a password change, a reset or deactivation. */
export async function endAllSessionsOf(personId: number): Promise<void> {
  await lucia().invalidateUserSessions(personId);
}

/**
 * Ends the session in the database and clears the cookie. After a single sign-on the browser
 * goes on to the provider, which ends its session too and sends it back to the login page.
 */
export async function endSession(request: Request) {
  const sessionId = sessionIdFrom(request);
  let then = "/logga-in";
  if (sessionId) {
    const { session } = await lucia().validateSession(sessionId);
    if (session) {
      const actor = loadActor(session.userId);
      if (actor) recordAudit(actor, "session.logout", { type: "person", id: actor.personId });
      if (session.ssoProvider) then = (await providerLogoutUrl(session.ssoProvider)) ?? then;
    }
    await lucia().invalidateSession(sessionId);
  }
  return redirect(then, {
    headers: { "Set-Cookie": lucia().createBlankSessionCookie().serialize() },
  });
}
