import type { AppLoadContext, EntryContext, HandleErrorFunction } from "@remix-run/node";
import { isRouteErrorResponse, RemixServer } from "@remix-run/react";
import { renderToString } from "react-dom/server";
import { startBackgroundWork } from "./jobs/all-jobs.server";
import { NonceContext } from "./nonce";
import { serverSettings as listenSettings } from "./env.server";
import { ssoProviders } from "./auth/sso-config.server";
import { errorForLog, log } from "./http/log.js";

/**
 * What app/server.js listens with, checked by the env schema, and the identity providers'
 * origins that its Content-Security-Policy lets forms go on to (single sign-on).
 */
export function serverSettings() {
  return { ...listenSettings(), formActionOrigins: ssoProviders().map((p) => new URL(p.issuer).origin) };
}

/**
 * What Remix itself catches (a page that fails while rendering): logged with the request's id.
 * Loaders and actions log their own failures (app/http/route-failures.js). A request the
 * client gave up on is no error, and neither is one Remix refuses itself (405 for a POST to a
 * page without a form, 403 for a data request naming no route): anyone can send those.
 */
export const handleError: HandleErrorFunction = (error, { request, context }) => {
  if (request.signal.aborted || (isRouteErrorResponse(error) && error.status < 500)) return;
  (context.log ?? log).error({ err: errorForLog(error) }, "error while answering");
};

// Reminders and mail delivery run in the server process (SCHEDULER=off leaves them to cron).
startBackgroundWork();

/**
 * The whole document at once. Every loader has finished before rendering starts and no page
 * defers data (no `defer`, `<Await>` or Suspense), so streaming would send the same bytes in many
 * small chunks, each through the web-stream adapter and gzip, for nothing: rendering to one string
 * costs the server about a fifth less per page (docs/benchmarks.md). A page that starts deferring
 * data needs renderToPipeableStream back.
 */
export default function handleRequest(
  request: Request,
  responseStatusCode: number,
  responseHeaders: Headers,
  remixContext: EntryContext,
  loadContext: AppLoadContext,
) {
  const nonce = typeof loadContext.cspNonce === "string" ? loadContext.cspNonce : "";
  const html = renderToString(
    <NonceContext.Provider value={nonce}>
      <RemixServer context={remixContext} url={request.url} nonce={nonce} />
    </NonceContext.Provider>,
  );
  responseHeaders.set("Content-Type", "text/html; charset=utf-8");
  return new Response(`<!DOCTYPE html>${html}`, { headers: responseHeaders, status: responseStatusCode });
}
