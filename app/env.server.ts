import { z } from "zod";
import { servedOverHttps } from "./http/security.js";

/**
 * Configuration, parsed once at startup so that a bad value fails loudly at boot.
 * Every variable has a working default for a developer's machine.
 */
const envSchema = z.object({
  NODE_ENV: z.enum(["development", "production", "test"]).default("development"),
  DATABASE_PATH: z.string().min(1).default("./data/portal.db"),
  /**
   * Whether the portal is served over HTTPS: session cookies get `Secure`, responses HSTS.
   * Unset: yes with NODE_ENV=production, no otherwise (see servedOverHttps).
   */
  SESSION_COOKIE_SECURE: z.enum(["true", "false", "1", "0", ""]).optional(),
  /** Days after closing that a consultation's free text and thread are kept. */
  CONSULTATION_RETENTION_DAYS: z.coerce.number().int().min(1).max(3650).default(90),
  /** Tests only: pins the portal's clock to an ISO instant, for example 2026-12-01T10:00:00+01:00. */
  PORTAL_FIXED_NOW: z.iso.datetime({ offset: true }).optional(),
  /**
   * Where mail goes, for example smtp://127.0.0.1:2525 or smtps://user:password@mail.example:465.
   * Unset (or empty): mail is kept in the outbox table, which is what the demo wants.
   */
  SMTP_URL: z.preprocess((v) => (v === "" ? undefined : v), z.url({ protocol: /^smtps?$/ }).optional()),
  /** The sender of every mail the portal sends. */
  MAIL_FROM: z.string().min(1).default("Samverkansportalen <noreply@samverkansportalen.example>"),
  /**
   * The portal's public address, used for links in mails (no trailing slash needed). Unset:
   * http://localhost with the port the server listens on (PORT), so that the demo's mail links
   * work on whatever port it serves.
   */
  APP_URL: z.preprocess((v) => (v === "" ? undefined : v), z.url({ protocol: /^https?$/ }).optional()),
  /**
   * Single sign-on: a JSON file listing the identity providers (app/auth/sso-config.server.ts
   * says what each entry holds). Unset: the login page has passwords only.
   */
  SSO_PROVIDERS_FILE: z.preprocess((v) => (v === "" ? undefined : v), z.string().min(1).optional()),
  /** "off" stops the in-process scheduler, for example when cron runs `npm run jobs:run-once` instead. */
  SCHEDULER: z.enum(["on", "off"]).default("on"),
  /** How often the in-process scheduler runs due jobs and delivers mail, in milliseconds. */
  SCHEDULER_INTERVAL_MS: z.coerce.number().int().min(1000).max(3_600_000).default(60_000),
  /** The port `npm start` listens on (app/server.js). */
  PORT: z.coerce.number().int().min(1).max(65_535).default(3000),
  /** The address it listens on: loopback unless a reverse proxy on another machine needs more. */
  HOST: z.string().min(1).default("127.0.0.1"),
  /**
   * Behind a reverse proxy: the number of proxies in front (usually 1) or their addresses, so
   * that each client's own address counts for login throttling. Never `true`, which would
   * trust an X-Forwarded-For header the client wrote itself.
   */
  TRUST_PROXY: z.preprocess(
    (v) => (v === "" ? undefined : v),
    z
      .string()
      .refine((v) => v !== "true", "must be the number of proxies (usually 1) or their addresses, never true: that would trust X-Forwarded-For from anyone")
      .transform((v) => (/^\d+$/.test(v) ? Number(v) : v))
      .optional(),
  ),
  /** How much the server logs (JSON lines on stdout, app/http/log.js): info by default. */
  LOG_LEVEL: z.enum(["fatal", "error", "warn", "info", "debug", "trace", "silent"]).optional(),
  /**
   * A bearer token that lets a monitor on another machine read /metrics
   * (`Authorization: Bearer <token>`). Unset: /metrics answers only on loopback, never through a proxy.
   */
  METRICS_TOKEN: z.preprocess((v) => (v === "" ? undefined : v), z.string().min(32, "must be at least 32 characters (openssl rand -hex 32)").optional()),
});

const refinedSchema = envSchema
  .refine((e) => !(e.NODE_ENV === "production" && e.PORTAL_FIXED_NOW), {
    message: "PORTAL_FIXED_NOW is for tests and cannot be used with NODE_ENV=production",
    path: ["PORTAL_FIXED_NOW"],
  })
  .transform((e) => ({
    ...e,
    SESSION_COOKIE_SECURE: servedOverHttps(e),
    APP_URL: (e.APP_URL ?? `http://localhost:${e.PORT}`).replace(/\/+$/, ""),
  }));

export type Env = z.output<typeof refinedSchema>;

/** The configuration in `source` (the process's environment unless a test passes its own). */
export function parseEnv(source: Record<string, string | undefined> = process.env): Env {
  const result = refinedSchema.safeParse(source);
  if (!result.success) {
    const problems = result.error.issues.map((i) => `${i.path.join(".")}: ${i.message}`).join("; ");
    throw new Error(`Invalid environment configuration: ${problems}`);
  }
  return result.data;
}

export const env = parseEnv();

/** The portal's public address with `path` (which starts with "/"), for links in mails and calendars. */
export function portalUrl(path = ""): string {
  return `${env.APP_URL.replace(/\/$/, "")}${path}`;
}

/** What app/server.js needs to listen, from the same checked configuration (it reads them from the build's entry module). */
export function serverSettings() {
  return { port: env.PORT, host: env.HOST, trustProxy: env.TRUST_PROXY, secure: env.SESSION_COOKIE_SECURE, metricsToken: env.METRICS_TOKEN };
}
