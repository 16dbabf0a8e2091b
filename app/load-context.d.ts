import "@remix-run/node";
import type { Logger } from "pino";

declare module "@remix-run/node" {
  interface AppLoadContext {
    /** Set per request by app/server.js. */
    cspNonce?: string;
    /** The client's address (req.ip: behind a reverse proxy, from X-Forwarded-For when TRUST_PROXY is set). */
    clientAddress?: string;
    /** Runs a task once the response has been sent (app/http/after-response.ts). */
    afterResponse?: (task: () => void) => void;
    /** The request's id (X-Request-Id), in its log lines and on the error page. */
    requestId?: string;
    /** The logger of this request: every line it writes carries the request id. */
    log?: Logger;
  }
}
