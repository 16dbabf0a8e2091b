// @ts-check
/**
 * One scope per HTTP request, so that what several loaders of the same page need (who the
 * person is, whom to call) is worked out once. Remix hands each loader its own copy of the
 * Request, so the copy cannot be the key; the Express server (app/server.js) runs every
 * request inside `requestScope.run(new Map(), …)` instead. Plain JavaScript because the
 * server imports it without a build step; the scope lives on globalThis because the server
 * and the Remix build each get their own copy of this module.
 */
import { AsyncLocalStorage } from "node:async_hooks";

/** @type {AsyncLocalStorage<Map<string, unknown>>} */
export const requestScope = /** @type {any} */ (globalThis).__portalRequestScope ?? new AsyncLocalStorage();
/** @type {any} */ (globalThis).__portalRequestScope = requestScope;

/**
 * The value computed once for this request under `key`. Only reads (GET and HEAD) share
 * values: an action may change what the loaders after it must see. Outside a request scope
 * (tests, scripts) it simply computes.
 * @template T
 * @param {Request} request
 * @param {string} key
 * @param {() => T} compute
 * @returns {T}
 */
export function oncePerRequest(request, key, compute) {
  const scope = requestScope.getStore();
  if (!scope || (request.method !== "GET" && request.method !== "HEAD")) return compute();
  if (!scope.has(key)) scope.set(key, compute());
  return /** @type {T} */ (scope.get(key));
}
