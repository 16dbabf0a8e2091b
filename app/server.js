// @ts-check
/**
 * The production HTTP server: Express in front of the Remix build, so that security
 * headers, the CSP nonce and the cross-site POST check apply to every response,
 * static files included. `npm start` runs it after `npm run build`.
 */
import crypto from "node:crypto";
import path from "node:path";
import { fileURLToPath } from "node:url";
import { createRequestHandler } from "@remix-run/express";
import { installGlobals } from "@remix-run/node";
import compression from "compression";
import express from "express";
import { isCrossSiteWrite, securityHeaders } from "./http/security.js";

installGlobals({ nativeFetch: true });

const root = path.resolve(path.dirname(fileURLToPath(import.meta.url)), "..");
const port = Number(process.env.PORT ?? 3000);
const host = process.env.HOST ?? "127.0.0.1";
const secure = ["true", "1"].includes(process.env.SESSION_COOKIE_SECURE ?? "");
const development = process.env.NODE_ENV === "development";

const build = await import(path.join(root, "build/server/index.js"));

const app = express();
app.disable("x-powered-by");
// Behind a reverse proxy (TRUST_PROXY=1, or its address), req.ip is the client's, from X-Forwarded-For.
if (process.env.TRUST_PROXY) app.set("trust proxy", /^\d+$/.test(process.env.TRUST_PROXY) ? Number(process.env.TRUST_PROXY) : process.env.TRUST_PROXY);
app.use(compression());

app.use((req, res, next) => {
  const nonce = crypto.randomBytes(16).toString("base64");
  res.locals.cspNonce = nonce;
  res.set(securityHeaders({ nonce, secure, development }));
  next();
});

// Forms here are small; refuse huge bodies before anything reads them.
const MAX_BODY_BYTES = 1024 * 1024;
app.use((req, res, next) => {
  if (Number(req.get("content-length") ?? 0) <= MAX_BODY_BYTES) return next();
  res.status(413).type("text/plain; charset=utf-8").send("Det du skickade var för stort. Korta texten och försök igen.");
});

app.use((req, res, next) => {
  const crossSite = isCrossSiteWrite(req.method, {
    origin: req.get("origin"),
    host: req.get("host"),
    secFetchSite: req.get("sec-fetch-site"),
  });
  if (!crossSite) return next();
  res
    .status(403)
    .type("text/plain; charset=utf-8")
    .send("Formuläret kom från en annan webbplats och togs inte emot. Gå till portalen och försök igen.");
});

// `npm run bench` only (BENCH=1): a bare route for the ceiling, the process's memory, and the SQL timings.
if (process.env.BENCH === "1") {
  app.get("/__bench/ceiling", (_req, res) => res.type("text/plain").send("ok\n"));
  app.get("/__bench/memory", (_req, res) => res.json(process.memoryUsage()));
  app.get("/__bench/sql", (_req, res) => {
    const stats = globalThis.__portalSqlStats ?? new Map();
    const db = globalThis.__portalDb?.$client;
    const slowest = [...stats.entries()]
      .map(([sql, s]) => ({ sql, calls: s.calls, totalMs: s.ms, meanMs: s.ms / s.calls }))
      .sort((a, b) => b.meanMs - a.meanMs)
      .slice(0, 12)
      .map((row) => {
        let plan = [];
        try {
          plan = db.prepare(`EXPLAIN QUERY PLAN ${row.sql}`).all(...Array.from({ length: (row.sql.match(/\?/g) ?? []).length }, () => null)).map((p) => p.detail);
        } catch {
          plan = ["(no plan)"];
        }
        return { ...row, plan };
      });
    res.json(slowest);
  });
}

app.use("/build", express.static(path.join(root, "public/build"), { immutable: true, maxAge: "1y" }));
app.use(express.static(path.join(root, "public"), { maxAge: "1h" }));

app.all(
  "*",
  createRequestHandler({
    build,
    mode: build.mode,
    // The client's address, for login throttling; behind a reverse proxy set TRUST_PROXY so it is the real one.
    getLoadContext: (req, res) => ({ cspNonce: res.locals.cspNonce, clientAddress: req.ip ?? "" }),
  }),
);

app.listen(port, host, () => {
  console.log(`Samverkansportalen is listening on http://${host === "127.0.0.1" ? "localhost" : host}:${port}`);
});
