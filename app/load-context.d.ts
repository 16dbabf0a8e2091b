import "@remix-run/node";

declare module "@remix-run/node" {
  interface AppLoadContext {
    /** Set per request by app/server.js. */
    cspNonce?: string;
  }
}
