// @ts-check
/**
 * The production HTTP server: Express in front of the Remix build, so that security
 * headers, the CSP nonce and the cross-site POST check apply to every response,
 * static files included. `npm start` runs it after `npm run build`.
 */
import cluster from "node:cluster";
import crypto from "node:crypto";
import fs from "node:fs";
import path from "node:path";
import { monitorEventLoopDelay } from "node:perf_hooks";
import { fileURLToPath } from "node:url";
import { installGlobals } from "@remix-run/node";
import compression from "compression";
import express from "express";
import { pinoHttp } from "pino-http";
import { readBodyWithin } from "./http/body-limit.js";
import { countSetting, runWorkers, workerCount } from "./http/cluster.js";
import { refuseTheDemoInProduction } from "./http/demo-accounts.js";
import { errorForLog, log } from "./http/log.js";
import { FORWARDING_HEADERS, collectProcessMetrics, mayReadMetrics, metricsText, pagesWaiting, pagesWorking, requestDuration } from "./http/metrics.js";
import { createRemixHandler } from "./http/remix-handler.js";
import { requestScope } from "./http/request-scope.js";
import { serveBuiltAssets } from "./http/built-assets.js";
import { decodablePath, routeIdFinder } from "./http/route-ids.js";
import { isCrossSiteWrite, securityHeaders } from "./http/security.js";
import { answerFailuresPlainly } from "./http/route-failures.js";

// Once, before any server process starts: never serve the demo's published password in production.
if (cluster.isPrimary) await refuseTheDemoInProduction(process.env);

const workers = workerCount();
if (cluster.isPrimary && workers > 1) runWorkers(workers);
else await serve();

/** One server process: Express in front of the Remix build. */
async function serve() {
  installGlobals({ nativeFetch: true });

  const root = path.resolve(path.dirname(fileURLToPath(import.meta.url)), "..");
  const built = await import(path.join(root, "build/server/index.js"));
  // The settings come from the build's checked configuration (app/env.server.ts): a bad value stops the start.
  const { port, host, trustProxy, secure, formActionOrigins, metricsToken } = built.entry.module.serverSettings();
  const development = process.env.NODE_ENV === "development";
  const maxAtOnce = countSetting("MAX_PAGES_AT_ONCE", 4);

  // A failing loader or action answers with a plain page and the request id; a full disk with
  // 503 and Retry-After (app/http/route-failures.js).
  const build = answerFailuresPlainly(built);

  const app = express();
  app.disable("x-powered-by");
  // Behind a reverse proxy (TRUST_PROXY=1, or its address), req.ip is the client's, from X-Forwarded-For.
  if (trustProxy !== undefined) app.set("trust proxy", trustProxy);

  // Files in public/ are looked up only under names that exist there, so that a page does not
  // cost a file-system lookup (served further down).
  const publicNames = new Set(fs.readdirSync(path.join(root, "public")).filter((name) => name !== "build"));
  const routeIdOf = routeIdFinder(built.routes);
  /** What logs and metrics call a request: its route id, never its URL (app/http/route-ids.js). */
  const routeOf = (/** @type {express.Request} */ req, /** @type {express.Response} */ res) =>
    (res.locals.routeId ??=
      req.path === "/metrics" ? "metrics" : req.path.startsWith("/build/") || publicNames.has(req.path.split("/")[1] ?? "") ? "static" : routeIdOf(req.path));

  // One JSON line per request (app/http/log.js): its id, method, route id, status and time. The id
  // goes back as X-Request-Id and on the error page, so that a person can quote it. Behind the
  // proxy (TRUST_PROXY) the proxy's id is kept, so that its log and ours name the same request.
  app.use(
    pinoHttp({
      logger: log,
      genReqId: (req, res) => {
        const given = req.headers["x-request-id"];
        const id = trustProxy !== undefined && typeof given === "string" && /^[A-Za-z0-9._-]{8,64}$/.test(given) ? given : crypto.randomUUID();
        // Not on the build's scripts: a page loads twenty of them, and nobody quotes a script's id.
        if (!req.url.startsWith("/build/")) res.setHeader("X-Request-Id", id);
        return id;
      },
      quietReqLogger: true,
      quietResLogger: true,
      customAttributeKeys: { reqId: "requestId", responseTime: "ms" },
      customLogLevel: (_req, res, error) => (error || res.statusCode >= 500 ? "error" : "info"),
      customSuccessObject: (req, res, val) => ({ ...requestLine(req, res), ms: val.ms }),
      customErrorObject: (req, res, _error, val) => ({ ...requestLine(req, res), ms: val.ms }),
      customSuccessMessage: () => "request",
      customErrorMessage: () => "request failed",
    }),
  );
  const requestLine = (/** @type {any} */ req, /** @type {any} */ res) => ({
    method: req.method,
    route: routeOf(req, res),
    status: res.statusCode,
    ...(res.writableFinished ? {} : { aborted: true }),
  });

  collectProcessMetrics();
  app.use((req, res, next) => {
    const end = requestDuration.startTimer();
    res.once("close", () =>
      end({ route: routeOf(req, res), method: ["GET", "HEAD", "POST"].includes(req.method) ? req.method : "other", status: String(res.statusCode) }),
    );
    next();
  });

  // The browser's scripts and style sheets, compressed at build time, with the few headers they need (app/http/built-assets.js).
  app.use("/build", serveBuiltAssets(path.join(root, "public/build")));

  app.use(compression());

  app.use((req, res, next) => {
    const nonce = crypto.randomBytes(16).toString("base64");
    res.locals.cspNonce = nonce;
    res.set(securityHeaders({ nonce, secure, development, formActionOrigins }));
    next();
  });

  // A path that is not valid percent-encoding names no page: 400, before Express (which would
  // answer 500 and count towards the 5xx alert) or Remix (which would print the raw path) see it.
  app.use((req, res, next) => {
    if (decodablePath(req.path)) return next();
    res.status(400).type("text/plain; charset=utf-8").send("Adressen går inte att läsa. Kontrollera länken och försök igen.\n");
  });

  // Prometheus metrics of every server process (app/http/metrics.js): from this machine
  // directly, or with METRICS_TOKEN; never through the proxy without it.
  app.get("/metrics", async (req, res, next) => {
    // Only this very path: Express would also match /METRICS and /metrics/, which nginx's
    // `location = /metrics` does not block.
    if (req.path !== "/metrics") return next();
    const allowed = mayReadMetrics({
      remoteAddress: req.socket.remoteAddress,
      forwarded: FORWARDING_HEADERS.some((name) => req.headers[name] !== undefined),
      authorization: req.get("authorization"),
      token: metricsToken,
    });
    if (!allowed) return void res.status(403).type("text/plain; charset=utf-8").send("Mätvärdena kan bara läsas från servern själv eller med rätt token.\n");
    try {
      const { text, contentType } = await metricsText();
      res.set("Cache-Control", "no-store").type(contentType).send(text);
    } catch (error) {
      next(error);
    }
  });

  // Every body is counted as it arrives and refused past 1 MiB, before anything parses it.
  app.use(readBodyWithin());

  app.use((req, res, next) => {
    const crossSite = isCrossSiteWrite(req.method, {
      origin: req.get("origin"),
      host: req.get("host"),
      secFetchSite: req.get("sec-fetch-site"),
    });
    if (!crossSite) return next();
    res.status(403).type("text/plain; charset=utf-8").send("Formuläret kom från en annan webbplats och togs inte emot. Gå till portalen och försök igen.");
  });

  // `npm run bench` only (BENCH=1): a bare route for the ceiling, the process's memory, and the SQL timings.
  if (process.env.BENCH === "1") {
    app.get("/__bench/ceiling", (_req, res) => res.type("text/plain").send("ok\n"));
    const served = [];
    app.use((req, res, next) => {
      const started = performance.now();
      res.on("finish", () => served.push(performance.now() - started));
      next();
    });
    let cpuAtReset = process.cpuUsage();
    app.get("/__bench/served", (_req, res) => {
      const cpu = process.cpuUsage(cpuAtReset);
      cpuAtReset = process.cpuUsage();
      const sorted = served.splice(0).sort((a, b) => a - b);
      const at = (q) => sorted[Math.min(sorted.length - 1, Math.floor(q * sorted.length))] ?? 0;
      res.json({
        count: sorted.length,
        cpuMsPerRequest: (cpu.user + cpu.system) / 1000 / Math.max(1, sorted.length),
        p50: at(0.5),
        p97_5: at(0.975),
        p99: at(0.99),
        max: sorted.at(-1) ?? 0,
      });
    });
    const loopDelay = monitorEventLoopDelay({ resolution: 10 });
    loopDelay.enable();
    app.get("/__bench/memory", (_req, res) =>
      res.json({ ...process.memoryUsage(), loopDelayMaxMs: loopDelay.max / 1e6, loopDelayP99Ms: loopDelay.percentile(99) / 1e6 }),
    );
    app.get("/__bench/sql", (_req, res) => {
      const stats = globalThis.__portalSqlStats ?? new Map();
      const db = globalThis.__portalDb?.$client;
      const slowest = [...stats.entries()]
        .map(([sql, s]) => ({ sql, calls: s.calls, totalMs: s.ms, meanMs: s.ms / s.calls }))
        .sort((a, b) => b.meanMs - a.meanMs)
        .slice(0, Number(_req.query.limit ?? 12))
        .map((row) => {
          let plan = [];
          try {
            plan = db
              .prepare(`EXPLAIN QUERY PLAN ${row.sql}`)
              .all(...Array.from({ length: (row.sql.match(/\?/g) ?? []).length }, () => null))
              .map((p) => p.detail);
          } catch {
            plan = ["(no plan)"];
          }
          return { ...row, plan };
        });
      res.json(slowest);
    });
  }

  app.use("/build", express.static(path.join(root, "public/build"), { immutable: true, maxAge: "1y" }));
  // Other files and folders in public/, under the names found above.
  const servePublic = express.static(path.join(root, "public"), { maxAge: "1h" });
  app.use((req, res, next) => (publicNames.has(req.path.split("/")[1] ?? "") ? servePublic(req, res, next) : next()));

  // Pages are worked on a few at a time, the rest wait their turn in arrival order. The work is
  // CPU-bound, so taking on more at once only interleaves them: every page would finish late,
  // and some very late. A request whose client gives up while waiting is dropped unworked.
  // MAX_PAGES_AT_ONCE (default 4) per server process.
  let working = 0;
  /** @type {(() => void)[]} */
  const waiting = [];
  const startWaiting = () => {
    while (working < maxAtOnce && waiting.length > 0) waiting.shift()?.();
    pagesWaiting.set(waiting.length);
    pagesWorking.set(working);
  };
  app.use((req, res, next) => {
    /** @type {"waiting" | "working" | "done"} */
    let state = "waiting";
    const end = () => {
      if (state === "working") {
        working--;
        state = "done";
        startWaiting();
      }
      state = "done";
    };
    res.once("finish", end);
    res.once("close", end);
    const begin = () => {
      if (state !== "waiting") return;
      state = "working";
      working++;
      next();
    };
    waiting.push(begin);
    startWaiting();
  });

  // Remix gets the body read above, and none of its responses is stored (app/http/remix-handler.js).
  const remix = createRemixHandler({
    build,
    // The client's address, for login throttling; behind a reverse proxy set TRUST_PROXY so it is the real one.
    getLoadContext: (req, res) => ({
      cspNonce: res.locals.cspNonce,
      clientAddress: req.ip ?? "",
      afterResponse: (task) => res.once("finish", task),
      requestId: String(req.id),
      log: req.log,
    }),
  });
  // Each request in its own scope (see app/http/request-scope.js).
  app.all("*", (req, res, next) => requestScope.run(new Map(), () => remix(req, res, next)));

  // What Remix did not answer itself: logged with its request id, and the person gets the id to quote.
  app.use(
    (/** @type {unknown} */ error, /** @type {express.Request} */ req, /** @type {express.Response} */ res, /** @type {express.NextFunction} */ _next) => {
      req.log.error({ err: errorForLog(error) }, "request failed before an answer");
      if (res.headersSent) return void res.destroy();
      res.status(500).type("text/plain; charset=utf-8").send(`Något gick fel. Försök igen om en stund. Felkod: ${req.id}\n`);
    },
  );

  const server = app.listen(port, host, () => {
    const processes = workers > 1 ? ` (${workers} server processes)` : "";
    if ((process.env.PORTAL_WORKER ?? "0") !== "0") return;
    log.info(`Samverkansportalen is listening on http://${host === "127.0.0.1" ? "localhost" : host}:${port}${processes}`);
    // Behind a proxy without TRUST_PROXY every login seems to come from the proxy: one guesser could then slow everyone's logins.
    if (process.env.NODE_ENV === "production" && trustProxy === undefined && process.env.PORTAL_DEMO !== "1") {
      log.warn(
        "TRUST_PROXY is not set. Behind a reverse proxy, set it (usually TRUST_PROXY=1), or login throttling cannot tell clients apart (README, Configuration).",
      );
    }
  });

  // Stop taking requests, let the ones under way finish, then exit (SQLite's WAL is safe either way).
  for (const signal of ["SIGTERM", "SIGINT"]) {
    process.once(signal, () => {
      server.close(() => process.exit(0));
      server.closeIdleConnections?.();
      setTimeout(() => process.exit(0), 5000).unref();
    });
  }
}
