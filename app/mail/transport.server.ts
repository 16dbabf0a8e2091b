import nodemailer, { type Transporter } from "nodemailer";
import { env } from "../env.server";

/** The sender of every mail, from `MAIL_FROM`. */
export const MAIL_FROM = env.MAIL_FROM;

const LOOPBACK_HOSTS = new Set(["localhost", "127.0.0.1", "[::1]", "::1"]);

// One transport per URL and process, kept on globalThis however often this module is evaluated.
const globalForMail = globalThis as unknown as { __portalMailTransports?: Map<string, Transporter> };

function transports(): Map<string, Transporter> {
  globalForMail.__portalMailTransports ??= new Map();
  return globalForMail.__portalMailTransports;
}

/**
 * The nodemailer transport for an SMTP URL (smtp://host:port, smtps://user:password@host:465).
 * Query parameters of the URL are nodemailer options and win over the defaults here, for
 * example `?requireTLS=true` or `?tls.rejectUnauthorized=false`.
 */
export function transportFor(smtpUrl: string): Transporter {
  const cached = transports().get(smtpUrl);
  if (cached) return cached;
  const url = new URL(smtpUrl);
  // A plain smtp: server on this machine is a test or relay server without a certificate;
  // everywhere else nodemailer upgrades with STARTTLS when the server offers it.
  const plainLocal = url.protocol === "smtp:" && LOOPBACK_HOSTS.has(url.hostname);
  const transport = nodemailer.createTransport({
    url: smtpUrl,
    ...(plainLocal ? { secure: false, ignoreTLS: true } : {}),
    // Sending runs in the scheduler tick: a silent server must not hold it for minutes.
    connectionTimeout: 10_000,
    greetingTimeout: 10_000,
    socketTimeout: 30_000,
  });
  transports().set(smtpUrl, transport);
  return transport;
}

/** Closes every cached transport, so that scripts and tests can exit cleanly. */
export function closeTransports(): void {
  for (const transport of transports().values()) transport.close();
  transports().clear();
}
