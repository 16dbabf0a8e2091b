// @ts-check
/**
 * When the database cannot take a write (the disk is full, an I/O error, another process held
 * the lock past the busy timeout), the person gets 503 with Retry-After and a page that says
 * what happened and what to do, not a 500. Every write of a model function is one transaction,
 * so the write that failed was rolled back: nothing the person is told was saved is lost, and
 * what failed is not shown as saved. Plain JavaScript because app/server.js runs it without a
 * build step.
 */

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
 * The server build with every loader and action answering a storage failure with a thrown 503
 * (the root ErrorBoundary shows it, for pages and for data requests alike). `during` tells the
 * page whether something was being sent ("action") or only shown ("loader").
 * @template {{ routes: Record<string, { module: object }> }} Build
 * @param {Build} build
 * @returns {Build}
 */
export function answerStorageFailuresWith503(build) {
  /** @type {Record<string, { module: object }>} */
  const routes = {};
  for (const [id, route] of Object.entries(build.routes)) {
    /** @type {Record<string, unknown>} */
    const module = { ...route.module };
    for (const during of /** @type {const} */ (["loader", "action"])) {
      const run = module[during];
      if (typeof run === "function") module[during] = guarded(/** @type {(args: unknown) => unknown} */ (run), during, id);
    }
    routes[id] = { ...route, module };
  }
  return { ...build, routes };
}

/**
 * @param {(args: unknown) => unknown} run
 * @param {"loader" | "action"} during
 * @param {string} routeId
 */
function guarded(run, during, routeId) {
  return async (/** @type {unknown} */ args) => {
    try {
      return await run(args);
    } catch (error) {
      if (!isStorageFailure(error)) throw error;
      // Thrown Responses are not logged by Remix; whoever runs the server must hear of this.
      console.error(`[storage] ${during} of ${routeId} failed, answered 503:`, error);
      throw storageUnavailable(during);
    }
  };
}

/** @param {"loader" | "action"} during */
export function storageUnavailable(during) {
  return new Response(JSON.stringify({ storageUnavailable: true, during }), {
    status: 503,
    statusText: "Service Unavailable",
    headers: { "Content-Type": "application/json; charset=utf-8", "Retry-After": String(RETRY_AFTER_SECONDS) },
  });
}
