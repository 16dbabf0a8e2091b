// @ts-check
/**
 * The route id a request goes to ("routes/moten.$meetingId", "routes/kalender.jour.$token"),
 * found from the server build's routes as Remix itself matches them. Logs and metrics name a
 * request by it, never by its URL: a calendar address or a reset link carries a secret, and a
 * query string can carry what a person typed. Plain JavaScript because app/server.js runs it
 * without a build step.
 */
import { matchRoutes } from "@remix-run/router";

/**
 * @typedef {{ id: string, parentId?: string, path?: string, index?: boolean, caseSensitive?: boolean }} BuildRoute
 * @typedef {{ id: string, path?: string, index?: boolean, caseSensitive?: boolean, children?: RouteNode[] }} RouteNode
 */

/**
 * @param {Record<string, BuildRoute>} routes the server build's `routes`
 * @returns {(pathname: string) => string} the deepest matching route's id, or "unmatched"
 */
export function routeIdFinder(routes) {
  /** @type {Map<string, BuildRoute[]>} */
  const byParent = new Map();
  for (const route of Object.values(routes)) {
    const parent = route.parentId ?? "";
    byParent.set(parent, [...(byParent.get(parent) ?? []), route]);
  }
  /** @param {string} parent @returns {RouteNode[]} */
  const tree = (parent) =>
    (byParent.get(parent) ?? []).map((route) => {
      const children = tree(route.id);
      /** @type {RouteNode} */
      const node = { id: route.id, path: route.path, caseSensitive: route.caseSensitive };
      if (route.index) node.index = true;
      else if (children.length > 0) node.children = children;
      return node;
    });
  const nodes = tree("");
  // A path that does not decode names no route; matchRoutes would print it whole (a calendar
  // token with it) to the console, outside the JSON log.
  return (pathname) => (decodablePath(pathname) ? (matchRoutes(/** @type {any} */ (nodes), pathname)?.at(-1)?.route.id ?? "unmatched") : "unmatched");
}

/**
 * Whether every segment of a URL path is valid percent-encoding. One that is not (`%ZZ`, a
 * cut-off `%E0%A4%A`) is a bad request: Express would fail on it with a 500, and Remix's
 * router would print the raw path to the console.
 * @param {string} pathname
 */
export function decodablePath(pathname) {
  try {
    for (const segment of pathname.split("/")) decodeURIComponent(segment);
    return true;
  } catch {
    return false;
  }
}
