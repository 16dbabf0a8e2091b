// @ts-check
/**
 * The portal's one logger: JSON lines on stdout (pino), one object per event, for the city's
 * log collector (journald, Loki, Elastic). With NODE_ENV=development the same lines are shown
 * readable (pino-pretty). LOG_LEVEL (checked by app/env.server.ts) sets how much: info by
 * default, silent in the unit tests.
 *
 * What goes in a log line is an id, a route id, a count, a status or an error's kind and
 * stack; never an address, a name, a phone number, a query string, a form's content, a
 * consultation's text or a token (tests/e2e/logs.spec.ts looks). A call site that has a person
 * at hand logs the person's id, nothing that says who she is.
 *
 * Shared on globalThis, so that app/server.js and the server build (which bundles its own copy
 * of this file) write through one logger. Plain JavaScript because app/server.js runs it
 * without a build step.
 */
import pino from "pino";
import pretty from "pino-pretty";

/** Fields that must never be written, whoever passes them by mistake. */
const NEVER_LOGGED = ["email", "name", "phone", "password", "token", "text", "question", "cookie", "authorization", "*.email", "*.name", "*.phone", "*.token"];

/** @param {NodeJS.ProcessEnv} env */
function createLogger(env) {
  /** @type {import("pino").LoggerOptions} */
  const options = {
    level: env.LOG_LEVEL || (env.VITEST ? "silent" : "info"),
    base: { process: Number(env.PORTAL_WORKER ?? 0), pid: process.pid },
    timestamp: pino.stdTimeFunctions.isoTime,
    formatters: { level: (label) => ({ level: label }) },
    redact: { paths: NEVER_LOGGED, censor: "[not logged]" },
  };
  if (env.NODE_ENV === "development") return pino(options, pretty({ translateTime: "SYS:HH:MM:ss", ignore: "pid,process", singleLine: true }));
  return pino(options);
}

const shared = /** @type {{ __portalLog?: import("pino").Logger }} */ (globalThis);

/** The logger, made on first use. */
export const log = (shared.__portalLog ??= createLogger(process.env));

/**
 * What a log line says about an error: its kind, its code and where it happened (the stack's
 * frames), with the cause's kind. Never the message: an SMTP error names the address, a failed
 * query quotes its parameters, and the stack's first line repeats the message.
 * @param {unknown} error
 * @returns {{ type: string, code?: string | number, stack?: string, cause?: object }}
 */
export function errorForLog(error, depth = 0) {
  if (!(error instanceof Error)) return { type: typeof error };
  const { code, cause } = /** @type {{ code?: unknown, cause?: unknown }} */ (error);
  // The stack starts with the name and the message, which may run over several lines.
  const header = `${error.name}: ${error.message}`;
  const stack = error.stack?.startsWith(header) ? error.stack.slice(header.length) : error.stack;
  const frames = stack
    ?.split("\n")
    .filter((line) => /^\s+at /.test(line))
    .join("\n");
  return {
    type: error.name,
    ...(typeof code === "string" || typeof code === "number" ? { code } : {}),
    ...(frames ? { stack: frames } : {}),
    ...(cause !== undefined && depth < 3 ? { cause: errorForLog(cause, depth + 1) } : {}),
  };
}
