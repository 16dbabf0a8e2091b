// @ts-check
/**
 * What a person gets when a loader or an action fails: a page that says what happened and
 * what to do, never a stack trace. When the database cannot take a write (the disk is full, an
 * I/O error, another process held the lock past the busy timeout): 503 with Retry-After, not
 * a 500. Every write of a model function is one transaction,
 * so the write that failed was rolled back: nothing the person is told was saved is lost, and
 * what failed is not shown as saved. Plain JavaScript because app/server.js runs it without a
 * build step.
 */
import { errorForLog, log } from "./log.js";

/** SQLite's result codes for "cannot write now" (extended codes such as SQLITE_IOERR_WRITE included). */
const STORAGE_FAILURE = /^SQLITE_(FULL|IOERR|BUSY|READONLY)/;

/** Seconds a client is asked to wait before it tries again. */
export const RETRY_AFTER_SECONDS = 60;

/**
 * True for an error from SQLite that says the storage cannot take a write right now, also
 * when drizzle has wrapped it (DrizzleQueryError keeps the driver's error as `cause`).
 * @param {unknown} error
 */
export function isStorageFailure(error) {
  for (let e = error, depth = 0; e && typeof e === "object" && depth < 5; e = /** @type {{ cause?: unknown }} */ (e).cause, depth++) {
    const code = /** @type {{ code?: unknown }} */ (e).code;
    if (typeof code === "string" && STORAGE_FAILURE.test(code)) return true;
  }
  return false;
}

/**
 * The server build with every loader and action answering a failure plainly, for pages and
 * data requests alike (the root ErrorBoundary shows it):
 * - a storage failure: a thrown 503 with Retry-After; `during` tells the page whether
 *   something was being sent ("action") or only shown ("loader");
 * - any other error: a thrown 500 whose data holds only the request id, which the page shows
 *   for the person to quote. The error itself goes to the log with its stack and the same id
 *   (app/http/log.js), never to the browser.
 * Thrown Responses (redirects, 403, 404) pass as they are, and so does a request the client
 * gave up on. Remix logs neither thrown Responses nor anything else here: this is the one place.
 * @template {{ routes: Record<string, { module: object }> }} Build
 * @param {Build} build
 * @returns {Build}
 */
export function answerFailuresPlainly(build) {
  /** @type {Record<string, { module: object }>} */
  const routes = {};
  for (const [id, route] of Object.entries(build.routes)) {
    /** @type {Record<string, unknown>} */
    const module = { ...route.module };
    for (const during of /** @type {const} */ (["loader", "action"])) {
      const run = module[during];
      if (typeof run === "function") module[during] = guarded(/** @type {(args: RouteArgs) => unknown} */ (run), during, id);
    }
    routes[id] = { ...route, module };
  }
  return { ...build, routes };
}

/** @typedef {{ request?: Request, context?: { requestId?: string, log?: import("pino").Logger } }} RouteArgs */

/**
 * @param {(args: RouteArgs) => unknown} run
 * @param {"loader" | "action"} during
 * @param {string} routeId
 */
function guarded(run, during, routeId) {
  return async (/** @type {RouteArgs} */ args) => {
    try {
      return await run(args);
    } catch (error) {
      if (error instanceof Response || args.request?.signal.aborted) throw error;
      const logger = args.context?.log ?? log;
      const requestId = args.context?.requestId;
      if (isStorageFailure(error)) {
        logger.error({ err: errorForLog(error), route: routeId, during }, "the database could not take the write; answered 503");
        throw storageUnavailable(during, requestId);
      }
      logger.error({ err: errorForLog(error), route: routeId, during }, "unexpected error; answered 500");
      throw unexpectedFailure(requestId);
    }
  };
}

/**
 * @param {"loader" | "action"} during
 * @param {string | undefined} requestId
 */
export function storageUnavailable(during, requestId) {
  return new Response(JSON.stringify({ storageUnavailable: true, during, requestId }), {
    status: 503,
    statusText: "Service Unavailable",
    headers: { "Content-Type": "application/json; charset=utf-8", "Retry-After": String(RETRY_AFTER_SECONDS) },
  });
}

/** @param {string | undefined} requestId */
function unexpectedFailure(requestId) {
  return new Response(JSON.stringify({ unexpected: true, requestId }), {
    status: 500,
    statusText: "Internal Server Error",
    headers: { "Content-Type": "application/json; charset=utf-8" },
  });
}
