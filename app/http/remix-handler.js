// @ts-check
/**
 * Express to Remix, as @remix-run/express 2.17's createRequestHandler does, with two
 * differences: the request body is the one app/http/body-limit.js read within the limit (the
 * adapter streams `req` itself, however large it is), and no response Remix makes is kept in
 * any cache (`Cache-Control: no-store`): pages, data requests (`?_data=`), CSV and iCal
 * downloads alike carry personal content, and a shared staff-room PC must not show the last
 * person's page from its cache. Static files never reach Remix and keep their own caching.
 * The adapter keeps its request and response helpers to itself, hence the few lines below.
 * Plain JavaScript because app/server.js runs it without a build step.
 */
import { createRequestHandler, writeReadableStreamToWritable } from "@remix-run/node";

/**
 * @param {{ build: import("@remix-run/node").ServerBuild, getLoadContext: (req: import("express").Request, res: import("express").Response) => import("@remix-run/node").AppLoadContext }} options
 * @returns {import("express").RequestHandler}
 */
export function createRemixHandler({ build, getLoadContext }) {
  const handle = createRequestHandler(build, build.mode);
  return async (req, res, next) => {
    /** @type {Request} */
    let request;
    try {
      request = remixRequest(req, res);
    } catch {
      // The client's Host or X-Forwarded-Host makes no address (a space, a port past 65535): its mistake, not a 500.
      return void res.status(400).type("text/plain; charset=utf-8").send("Adressen går inte att läsa. Kontrollera länken och försök igen.\n");
    }
    try {
      const response = await handle(request, getLoadContext(req, res));
      await send(res, response);
    } catch (error) {
      next(error);
    }
  };
}

/**
 * The Fetch Request for Remix: the adapter's URL (the host's port from X-Forwarded-Host or
 * Host, req.hostname and req.protocol so that TRUST_PROXY applies), headers and abort signal,
 * and the body already read.
 * @param {import("express").Request} req
 * @param {import("express").Response} res
 */
function remixRequest(req, res) {
  const portOf = (/** @type {string | undefined} */ host) => Number.parseInt(host?.split(":")[1] ?? "", 10);
  const port = [portOf(req.get("X-Forwarded-Host")), portOf(req.get("host"))].find((p) => Number.isSafeInteger(p));
  const url = new URL(`${req.protocol}://${req.hostname}${port ? `:${port}` : ""}${req.originalUrl}`);

  const headers = new Headers();
  for (const [name, values] of Object.entries(req.headers)) {
    if (values === undefined) continue;
    for (const value of [values].flat()) headers.append(name, value);
  }
  // Remix compares a form's Origin with X-Forwarded-Host (else Host), to the letter, and answers
  // 500 when they differ. app/server.js has already refused a cross-site form by Origin and Host
  // (app/http/security.js), so Remix gets the Host it compared, in small letters: a made-up
  // X-Forwarded-Host or a Host in capitals is then no 500 that anyone could send.
  headers.delete("x-forwarded-host");
  const host = req.get("host");
  if (host) headers.set("host", host.toLowerCase());

  // Loaders and actions stop when the client goes away before the answer is out.
  /** @type {AbortController | null} */
  let controller = new AbortController();
  res.on("finish", () => (controller = null));
  res.on("close", () => controller?.abort());

  /** @type {Buffer | undefined} */
  const body = res.locals.body;
  const hasBody = req.method !== "GET" && req.method !== "HEAD";
  return new Request(url.href, { method: req.method, headers, signal: controller.signal, ...(hasBody ? { body: body ?? Buffer.alloc(0) } : {}) });
}

/**
 * Remix's answer, written out with `Cache-Control: no-store` in place of whatever it said.
 * @param {import("express").Response} res
 * @param {Response} response
 */
async function send(res, response) {
  res.statusMessage = response.statusText;
  res.status(response.status);
  for (const [name, value] of response.headers.entries()) {
    if (name.toLowerCase() !== "cache-control") res.append(name, value);
  }
  res.set("Cache-Control", "no-store");
  if (/text\/event-stream/i.test(response.headers.get("Content-Type") ?? "")) res.flushHeaders();
  if (response.body) await writeReadableStreamToWritable(response.body, res);
  else res.end();
}
