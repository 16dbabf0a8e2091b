// @ts-check
/**
 * HTTP hardening shared by the Express server (app/server.js) and its tests. Plain
 * JavaScript because the server runs it without a build step.
 */

/**
 * The security headers for every response. Scripts run only from this site or with
 * the per-request nonce that Remix's inline scripts carry; no inline styles at all. Forms post
 * to this site only, and on to the identity providers' origins (`formActionOrigins`): without
 * JavaScript the "Logga in med …" form's redirect to the provider counts as the form's target.
 * @param {{ nonce: string, secure: boolean, development: boolean, formActionOrigins?: string[] }} options
 * @returns {Record<string, string>}
 */
export function securityHeaders({ nonce, secure, development, formActionOrigins = [] }) {
  const csp = [
    "default-src 'self'",
    `script-src 'self' 'nonce-${nonce}'`,
    "style-src 'self'",
    "img-src 'self' data:",
    "font-src 'self'",
    development ? "connect-src 'self' ws://localhost:* ws://127.0.0.1:*" : "connect-src 'self'",
    "object-src 'none'",
    "base-uri 'self'",
    ["form-action 'self'", ...formActionOrigins].join(" "),
    "frame-ancestors 'none'",
  ];
  if (secure) csp.push("upgrade-insecure-requests");
  /** @type {Record<string, string>} */
  const headers = {
    "Content-Security-Policy": csp.join("; "),
    "X-Content-Type-Options": "nosniff",
    "Referrer-Policy": "same-origin",
    "X-Frame-Options": "DENY",
    "Cross-Origin-Opener-Policy": "same-origin",
    "Cross-Origin-Resource-Policy": "same-origin",
    "Permissions-Policy": "camera=(), microphone=(), geolocation=(), payment=()",
  };
  if (secure) headers["Strict-Transport-Security"] = "max-age=31536000; includeSubDomains";
  return headers;
}

/**
 * Whether the portal is served over HTTPS, which makes the session cookie `Secure` and adds
 * HSTS: what SESSION_COOKIE_SECURE says, and when it is unset or empty, yes in production.
 * Browsers keep a Secure cookie set over plain http from localhost and 127.0.0.1, so the demo
 * (production on http://localhost) still logs in. One rule for app/env.server.ts and the server.
 * @param {{ NODE_ENV?: string | undefined, SESSION_COOKIE_SECURE?: string | undefined }} env
 */
export function servedOverHttps({ NODE_ENV, SESSION_COOKIE_SECURE }) {
  if (SESSION_COOKIE_SECURE === undefined || SESSION_COOKIE_SECURE === "") return NODE_ENV === "production";
  return SESSION_COOKIE_SECURE === "true" || SESSION_COOKIE_SECURE === "1";
}

const SAFE_METHODS = new Set(["GET", "HEAD", "OPTIONS"]);

/**
 * True when a state-changing request comes from another site: its Origin (or, when a
 * browser sends none, its Sec-Fetch-Site) does not match the host it was sent to.
 * Requests without either header come from non-browser clients, which carry no
 * victim's cookies, and are let through.
 * @param {string} method
 * @param {{ origin?: string | undefined, host?: string | undefined, secFetchSite?: string | undefined }} headers
 */
export function isCrossSiteWrite(method, { origin, host, secFetchSite }) {
  if (SAFE_METHODS.has(method.toUpperCase())) return false;
  if (origin !== undefined) {
    if (origin === "null" || !host) return true;
    try {
      return new URL(origin).host.toLowerCase() !== host.toLowerCase();
    } catch {
      return true;
    }
  }
  if (secFetchSite !== undefined) return secFetchSite !== "same-origin" && secFetchSite !== "none";
  return false;
}
