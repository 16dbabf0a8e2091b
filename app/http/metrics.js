// @ts-check
/**
 * Metrics in the Prometheus text format (prom-client) at /metrics, added up over every server
 * process: with WEB_CONCURRENCY > 1 the process that gets the request asks the primary, which
 * collects every worker's metrics over node:cluster's channel (prom-client's
 * AggregatorRegistry). Counters and histograms are summed; a gauge read from the database
 * (outbox, file sizes) says `aggregator: "max"`, so that two processes reading the same table
 * do not count it twice. app/ops/metrics.server.ts defines the portal's own metrics; this
 * file the server's (requests, the page queue, the process). Plain JavaScript because
 * app/server.js runs it without a build step.
 */
import cluster from "node:cluster";
import crypto from "node:crypto";
import client from "prom-client";

/**
 * A metric by its name, made once per process: evaluating a module again (the server build
 * and this file, or vitest) must not register it twice.
 * @template {import("prom-client").Metric} M
 * @param {string} name
 * @param {() => M} make
 * @returns {M}
 */
export function metric(name, make) {
  return /** @type {M | undefined} */ (client.register.getSingleMetric(name)) ?? make();
}

export const requestDuration = metric(
  "portal_http_request_duration_seconds",
  () =>
    new client.Histogram({
      name: "portal_http_request_duration_seconds",
      help: "Time from a request's arrival to its answer's end, by route id (never the URL), method and status.",
      labelNames: ["route", "method", "status"],
      buckets: [0.01, 0.025, 0.05, 0.1, 0.25, 0.5, 1, 2.5, 5, 10],
    }),
);

export const pagesWaiting = metric(
  "portal_pages_waiting",
  () => new client.Gauge({ name: "portal_pages_waiting", help: "Requests waiting for their turn in the page queue (MAX_PAGES_AT_ONCE per process)." }),
);

export const pagesWorking = metric("portal_pages_working", () => new client.Gauge({ name: "portal_pages_working", help: "Requests being worked on now." }));

const shared = /** @type {{ __portalProcessMetrics?: boolean }} */ (globalThis);

/** The process's own metrics (memory, CPU, event-loop delay, open handles), once per process. */
export function collectProcessMetrics() {
  if (shared.__portalProcessMetrics) return;
  shared.__portalProcessMetrics = true;
  client.collectDefaultMetrics({ eventLoopMonitoringPrecision: 10 });
  // A worker answers the primary's requests for its metrics (prom-client listens once it is made).
  if (cluster.isWorker) new client.AggregatorRegistry();
}

/**
 * Whether a request may read /metrics: with the bearer token (METRICS_TOKEN), or from loopback
 * on this machine directly. A request that passed a proxy (it says whom it forwards) is not
 * the machine's own, even though the proxy connects from loopback.
 * @param {{ remoteAddress: string | undefined, forwarded: boolean, authorization: string | undefined, token: string | undefined }} request
 */
export function mayReadMetrics({ remoteAddress, forwarded, authorization, token }) {
  if (token && authorization !== undefined) {
    const given = crypto.createHash("sha256").update(authorization).digest();
    const expected = crypto.createHash("sha256").update(`Bearer ${token}`).digest();
    return crypto.timingSafeEqual(given, expected);
  }
  if (authorization !== undefined) return false;
  const address = remoteAddress?.replace(/^::ffff:/, "") ?? "";
  return !forwarded && (address === "::1" || /^127\./.test(address));
}

/** Headers by which a proxy says it forwards someone else's request. */
export const FORWARDING_HEADERS = ["x-forwarded-for", "forwarded", "x-real-ip"];

let asked = 0;
/** @type {Map<number, (reply: { text?: string, error?: string }) => void>} */
const replies = new Map();

/**
 * The metrics of every server process, as text. A worker asks the primary; a process of its
 * own answers from its registry.
 * @returns {Promise<{ text: string, contentType: string }>}
 */
export async function metricsText() {
  const contentType = client.register.contentType;
  if (!cluster.isWorker || !process.send) return { text: await client.register.metrics(), contentType };
  if (replies.size === 0) process.on("message", onReply);
  const id = ++asked;
  const text = await new Promise((resolve, reject) => {
    const timer = setTimeout(() => {
      replies.delete(id);
      reject(new Error("the primary process did not answer for the metrics"));
    }, 5000);
    replies.set(id, (reply) => {
      clearTimeout(timer);
      if (reply.text === undefined) reject(new Error(reply.error ?? "no metrics"));
      else resolve(reply.text);
    });
    process.send?.({ type: "portal:metrics", id });
  });
  return { text: /** @type {string} */ (text), contentType };
}

/** @param {unknown} message */
function onReply(message) {
  const reply = /** @type {{ type?: string, id?: number, text?: string, error?: string }} */ (message);
  if (reply?.type !== "portal:metrics-reply" || reply.id === undefined) return;
  replies.get(reply.id)?.(reply);
  replies.delete(reply.id);
  if (replies.size === 0) process.off("message", onReply);
}

/** The primary process: answers a worker's request with every worker's metrics added up. */
export function answerWorkersAskingForMetrics() {
  const aggregator = new client.AggregatorRegistry();
  cluster.on("message", (worker, message) => {
    if (message?.type !== "portal:metrics") return;
    aggregator.clusterMetrics().then(
      (text) => worker.send({ type: "portal:metrics-reply", id: message.id, text }),
      (error) => worker.send({ type: "portal:metrics-reply", id: message.id, error: String(error?.message ?? error) }),
    );
  });
}
