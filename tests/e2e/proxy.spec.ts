/**
 * The portal as docs/deploy.md runs it (the "api" project, no browser): the built server with
 * NODE_ENV=production and TRUST_PROXY=1 behind Debian's nginx, configured by the repository's
 * own docs/deploy/nginx.conf with a self-signed certificate. Only what a test machine cannot
 * have is changed in the file: the ports, the certificate and log paths, IPv6, and where a
 * client's address comes from. A test machine has one address, so the clients here say theirs
 * with the PROXY protocol, as a city's load balancer in front of nginx would: nginx takes it as
 * $remote_addr (its realip module) and from there on the repository's file decides what the
 * portal sees. People at two schools are two addresses (203.0.113.10 and 203.0.113.20).
 */
import { execFileSync, spawn, type ChildProcess } from "node:child_process";
import fs from "node:fs";
import https from "node:https";
import http from "node:http";
import net from "node:net";
import path from "node:path";
import tls from "node:tls";
import { fileURLToPath } from "node:url";
import { expect, request as playwrightRequest, test, type APIRequestContext } from "@playwright/test";
import { ownServer } from "./own-server";

const root = path.resolve(path.dirname(fileURLToPath(import.meta.url)), "../..");
const NGINX = process.env.NGINX_PATH ?? "/usr/sbin/nginx";
const HTTPS_PORT = 3443;
const HTTP_PORT = 3480;
const APP_PORT = 3106;
const PORTAL = `https://127.0.0.1:${HTTPS_PORT}`;
const METRICS_TOKEN = "e2e-proxy-metrics-token-0123456789abcdef";

const own = ownServer("proxy", APP_PORT, {
  NODE_ENV: "production",
  PORTAL_FIXED_NOW: undefined,
  WEB_CONCURRENCY: "1",
  SESSION_COOKIE_SECURE: undefined,
  TRUST_PROXY: "1",
  APP_URL: PORTAL,
  METRICS_TOKEN,
  LOG_LEVEL: "info",
});
const dir = path.join(root, "data", "proxy-nginx");
const APP_LOG = path.join(root, "data", "proxy.log");

test.describe.configure({ mode: "default" });

let server: ChildProcess;
let nginx: ChildProcess;
let api: APIRequestContext;

/** docs/deploy/nginx.conf with this machine's ports and paths, inside a minimal nginx.conf of its own. */
function writeNginxConfig() {
  fs.rmSync(dir, { recursive: true, force: true });
  fs.mkdirSync(dir, { recursive: true, mode: 0o777 });
  fs.chmodSync(dir, 0o777);
  execFileSync(
    "openssl",
    ["req", "-x509", "-newkey", "rsa:2048", "-nodes", "-subj", "/CN=127.0.0.1", "-days", "2", "-keyout", `${dir}/key.pem`, "-out", `${dir}/cert.pem`],
    {
      stdio: "ignore",
    },
  );
  const site = fs
    .readFileSync(path.join(root, "docs/deploy/nginx.conf"), "utf8")
    .split("\n")
    .filter((line) => !line.includes("[::]"))
    .join("\n")
    .replace(
      "listen 443 ssl http2;",
      `listen 127.0.0.1:${HTTPS_PORT} ssl http2 proxy_protocol;\n    set_real_ip_from 127.0.0.1;\n    real_ip_header proxy_protocol;`,
    )
    .replace("listen 80;", `listen 127.0.0.1:${HTTP_PORT};`)
    .replace("server 127.0.0.1:3000;", `server 127.0.0.1:${APP_PORT};`)
    .replace("/etc/ssl/samverkansportalen/fullchain.pem", `${dir}/cert.pem`)
    .replace("/etc/ssl/samverkansportalen/privkey.pem", `${dir}/key.pem`)
    .replaceAll("/var/log/nginx/", `${dir}/`);
  const settings = site
    .split("\n")
    .filter((line) => !line.trim().startsWith("#"))
    .join("\n");
  for (const left of ["listen 443", "listen 80;", "127.0.0.1:3000", "/etc/ssl/", "/var/log/"])
    expect(settings, `the test must replace "${left}"`).not.toContain(left);
  fs.writeFileSync(path.join(dir, "site.conf"), site);
  const temp = ["body", "proxy", "fastcgi", "uwsgi", "scgi"].map((name) => `${name === "body" ? "client_body" : name}_temp_path ${dir}/${name}-temp;`);
  fs.writeFileSync(
    path.join(dir, "nginx.conf"),
    [
      "worker_processes 1;",
      `pid ${dir}/nginx.pid;`,
      `error_log ${dir}/error.log warn;`,
      "events { worker_connections 256; }",
      `http { ${temp.join(" ")} include ${dir}/site.conf; }`,
    ].join("\n"),
  );
}

test.beforeAll(async () => {
  test.setTimeout(60_000);
  if (!fs.existsSync(NGINX)) throw new Error(`nginx is missing at ${NGINX}: install it with "apt-get install -y nginx" (.ci/run does), or set NGINX_PATH.`);
  own.seed();
  api = await playwrightRequest.newContext({ baseURL: own.origin });
  server = await own.start(api);
  writeNginxConfig();
  nginx = spawn(NGINX, ["-p", dir, "-e", `${dir}/error.log`, "-c", `${dir}/nginx.conf`, "-g", "daemon off;"], { stdio: "ignore" });
  await expect.poll(async () => (await send(SCHOOL, "GET", "/healthz").catch(() => null))?.status ?? 0, { timeout: 15_000, intervals: [100] }).toBe(200);
});
test.afterAll(async () => {
  nginx?.kill("SIGTERM");
  await own.kill(server);
  await api?.dispose();
});

type Answer = { status: number; headers: http.IncomingHttpHeaders; body: string };

/** Clients at three schools. */
const SCHOOL = "198.51.100.1";
const GUESSER = "203.0.113.10";
const OWNER = "203.0.113.20";

/** One HTTPS request through nginx from a client at address `from`, on a connection of its own. */
function send(
  from: string,
  method: string,
  pathname: string,
  { form, headers = {} }: { form?: Record<string, string>; headers?: Record<string, string> } = {},
) {
  const body = form ? new URLSearchParams(form).toString() : undefined;
  return new Promise<Answer>((resolve, reject) => {
    const req = https.request(
      {
        host: "127.0.0.1",
        port: HTTPS_PORT,
        path: pathname,
        method,
        // The PROXY protocol line first, then TLS on the same connection (once the line is out:
        // TLS writes to the connection directly, past anything still queued on it).
        createConnection: ((_options: unknown, done: (error: Error | null, socket?: net.Socket) => void) => {
          const socket = net.connect({ host: "127.0.0.1", port: HTTPS_PORT }, () =>
            socket.write(`PROXY TCP4 ${from} 127.0.0.1 40000 ${HTTPS_PORT}\r\n`, () =>
              done(null, tls.connect({ socket, rejectUnauthorized: false, ALPNProtocols: ["http/1.1"] })),
            ),
          );
          socket.once("error", (error) => done(error));
          return undefined;
        }) as unknown as https.RequestOptions["createConnection"],
        headers: {
          Origin: PORTAL,
          ...(body ? { "Content-Type": "application/x-www-form-urlencoded", "Content-Length": String(Buffer.byteLength(body)) } : {}),
          ...headers,
        },
      },
      (res) => {
        let text = "";
        res.setEncoding("utf8");
        res.on("data", (chunk: string) => (text += chunk));
        res.on("end", () => resolve({ status: res.statusCode ?? 0, headers: res.headers, body: text }));
      },
    );
    req.on("error", reject);
    req.end(body);
  });
}

const appLog = () =>
  fs
    .readFileSync(APP_LOG, "utf8")
    .split("\n")
    .filter((line) => line.startsWith("{"))
    .map((line) => JSON.parse(line) as { requestId?: string; route?: string; status?: number; method?: string });

test("pages over HTTPS with one HSTS header, a Secure session cookie, and one request id in both logs", async () => {
  const page = await send(SCHOOL, "GET", "/logga-in");
  expect(page.status).toBe(200);
  expect(page.headers["strict-transport-security"]).toBe("max-age=31536000; includeSubDomains");
  const id = String(page.headers["x-request-id"]);
  expect(id).toMatch(/^[0-9a-f]{32}$/);
  await expect.poll(() => appLog().find((line) => line.requestId === id)).toMatchObject({ route: "routes/logga-in", status: 200 });
  expect(fs.readFileSync(path.join(dir, "samverkansportalen.access.log"), "utf8")).toContain(`${id} "GET /logga-in" 200`);

  const login = await send(SCHOOL, "POST", "/logga-in", { form: { email: "rektor@vallingbyskolan.example", password: "samverkan-demo" } });
  expect(login.status).toBe(302);
  const cookie = [login.headers["set-cookie"] ?? []].flat().find((c) => c.startsWith("portal_session="));
  expect(cookie).toMatch(/; Secure/);
  expect(cookie).toMatch(/; HttpOnly/);

  const plain = await new Promise<http.IncomingMessage>((resolve) => http.get(`http://127.0.0.1:${HTTP_PORT}/logga-in`, resolve));
  expect(plain.statusCode).toBe(301);
  expect(plain.headers.location).toMatch(/^https:\/\//);
});

test("login throttling tells clients apart by the address nginx saw, and a forged X-Forwarded-For does not help", async () => {
  const account = "lars.ek@vallingbyskolan.example";
  const wrong = { email: account, password: "fel-losenord" };
  for (let i = 0; i < 5; i++) expect((await send(GUESSER, "POST", "/logga-in", { form: wrong })).status).toBe(400);
  expect((await send(GUESSER, "POST", "/logga-in", { form: wrong })).status, "the guesser waits").toBe(429);
  const forged = await send(GUESSER, "POST", "/logga-in", { form: wrong, headers: { "X-Forwarded-For": "198.51.100.7" } });
  expect(forged.status, "a made-up address is dropped by nginx").toBe(429);

  // The owner, at her own school's address, gets in with the right password.
  const owner = await send(OWNER, "POST", "/logga-in", { form: { email: account, password: "samverkan-demo" } });
  expect(owner.status).toBe(302);
});

test("a body past 1 MiB is refused by nginx in Swedish, before the portal sees it", async () => {
  const before = appLog().length;
  const big = await send(SCHOOL, "POST", "/logga-in", { form: { email: "a".repeat(2 * 1024 * 1024) } });
  expect(big.status).toBe(413);
  expect(big.body).toContain("Det du skickade var för stort");
  expect(big.headers["strict-transport-security"]).toBeDefined();
  // One more request after it, so that anything the portal logged for the big one is written.
  await send(SCHOOL, "GET", "/healthz");
  expect(
    appLog()
      .slice(before)
      .filter((line) => line.method === "POST"),
  ).toEqual([]);
});

test("/metrics is not reachable through nginx, not even with the token; the access log holds no token or query string", async () => {
  expect((await send(SCHOOL, "GET", "/metrics")).status).toBe(404);
  expect((await send(SCHOOL, "GET", "/metrics", { headers: { Authorization: `Bearer ${METRICS_TOKEN}` } })).status).toBe(404);
  // nor under another spelling of the path, which Express alone would have taken for /metrics
  // (an unknown page: the login page first)
  for (const other of ["/METRICS", "/metrics/", "/Metrics"]) {
    const answer = await send(SCHOOL, "GET", other, { headers: { Authorization: `Bearer ${METRICS_TOKEN}` } });
    expect(answer.status, other).toBe(302);
    expect(answer.body, other).not.toContain("portal_");
  }
  // On the machine itself it is there.
  expect((await api.get("/metrics")).status()).toBe(200);

  await send(SCHOOL, "GET", "/aterstall/hemligt-token-abcdefghijklmnop");
  await send(SCHOOL, "GET", "/kalender/jour/hemligt-token-qrstuvwxyz0123.ics");
  await send(SCHOOL, "GET", "/logga-in?email=larare%40vallingbyskolan.example");
  const access = fs.readFileSync(path.join(dir, "samverkansportalen.access.log"), "utf8");
  expect(access).toContain('"GET /aterstall/-"');
  expect(access).not.toContain("hemligt-token");
  expect(access).not.toContain("vallingbyskolan");
});

test("a token path in other letters, and a refused body's request line, stay out of every nginx log", async () => {
  // The portal matches its paths case-insensitively: these are a feed, a reset link and an invitation.
  await send(SCHOOL, "GET", "/Kalender/Jour/hemligt-token-kalender0123.ics");
  await send(SCHOOL, "GET", "/ATERSTALL/hemligt-token-aterstall0123");
  await send(SCHOOL, "GET", "/Inbjudan/hemligt-token-inbjudan0123");
  // nginx's error log would quote the whole request line of a body it refuses, query string included.
  const big = await send(SCHOOL, "POST", "/aterstall/hemligt-token-storkropp0123?email=larare%40vallingbyskolan.example", {
    form: { password: "a".repeat(2 * 1024 * 1024) },
  });
  expect(big.status).toBe(413);
  await send(SCHOOL, "GET", "/healthz");
  const logs = fs.readdirSync(dir).filter((name) => name.endsWith(".log"));
  expect(logs).toContain("samverkansportalen.access.log");
  for (const name of logs) {
    const text = fs.readFileSync(path.join(dir, name), "utf8");
    expect(text, name).not.toContain("hemligt-token");
    expect(text, name).not.toContain("vallingbyskolan");
  }
  expect(fs.readFileSync(path.join(dir, "samverkansportalen.access.log"), "utf8")).toContain('"GET /kalender/-"');
});

test("a made-up X-Forwarded-Host or a Host in capitals is answered as usual through nginx, never with a 500", async () => {
  for (const forwardedHost of ["portal.example.se:99999", "a b", "annan.example"]) {
    expect((await send(SCHOOL, "GET", "/logga-in", { headers: { "X-Forwarded-Host": forwardedHost } })).status, forwardedHost).toBe(200);
    const form = await send(SCHOOL, "POST", "/logga-in", {
      form: { email: "rektor@grimstaskolan.example", password: "fel-losenord" },
      headers: { "X-Forwarded-Host": forwardedHost },
    });
    expect(form.status, `a form with X-Forwarded-Host ${forwardedHost}`).toBe(400);
  }
  const capitals = await send(SCHOOL, "POST", "/logga-in", {
    form: { email: "rektor@grimstaskolan.example", password: "fel-losenord" },
    headers: { Host: `LOCALHOST:${HTTPS_PORT}`, Origin: `https://localhost:${HTTPS_PORT}` },
  });
  expect(capitals.status).toBe(400);
  expect(appLog().filter((line) => line.status !== undefined && line.status >= 500)).toEqual([]);
});
