// @ts-check
/**
 * One server process per core. Node runs JavaScript on one core, and a page is mostly
 * JavaScript (rendering, building queries), so `npm start` runs WEB_CONCURRENCY workers that
 * share the port (node:cluster). They share nothing else but the SQLite file, which WAL mode
 * lets several processes read and write safely. Plain JavaScript: app/server.js runs it
 * without a build step.
 */
import cluster from "node:cluster";
import os from "node:os";
import { log } from "./log.js";
import { answerWorkersAskingForMetrics } from "./metrics.js";

/**
 * A whole number of at least 1 from the environment, or the default when unset. Anything
 * else stops the server with a message, as app/env.server.ts does for the other settings.
 * @param {string} name
 * @param {number} fallback
 */
export function countSetting(name, fallback) {
  const raw = process.env[name];
  if (raw === undefined || raw === "") return fallback;
  const value = Number(raw);
  if (!Number.isInteger(value) || value < 1 || value > 1000) throw new Error(`${name} must be a whole number from 1 to 1000, not "${raw}".`);
  return value;
}

/** WEB_CONCURRENCY, or one per core in production and one otherwise. */
export function workerCount() {
  return countSetting("WEB_CONCURRENCY", process.env.NODE_ENV === "production" ? os.availableParallelism() : 1);
}

/**
 * The primary process: starts the first worker alone (it applies any new migrations), the
 * others once it listens; only the first runs the scheduler (reminders, mail), so nothing is
 * sent twice. A worker that dies is replaced. SIGTERM/SIGINT stop the workers gracefully.
 * If the primary itself is killed, the workers notice the lost channel and exit.
 * @param {number} count
 */
export function runWorkers(count) {
  let stopping = false;
  /** @param {number} index */
  const fork = (index) => {
    const worker = cluster.fork({ PORTAL_WORKER: String(index), ...(index > 0 ? { SCHEDULER: "off" } : {}) });
    worker.on("exit", (code, signal) => {
      if (stopping) return;
      log.error({ worker: index, exit: signal ?? code }, "a server process stopped; starting a new one");
      setTimeout(() => fork(index), 1000).unref();
    });
    return worker;
  };
  // /metrics in any worker adds up every worker's metrics, collected here (app/http/metrics.js).
  answerWorkersAskingForMetrics();
  fork(0).once("listening", () => {
    for (let i = 1; i < count; i++) fork(i);
  });
  for (const signal of /** @type {const} */ (["SIGTERM", "SIGINT"])) {
    process.once(signal, () => {
      stopping = true;
      for (const worker of Object.values(cluster.workers ?? {})) worker?.process.kill(signal);
      cluster.on("exit", () => {
        if (Object.keys(cluster.workers ?? {}).length === 0) process.exit(0);
      });
      setTimeout(() => process.exit(0), 10_000).unref();
    });
  }
}
