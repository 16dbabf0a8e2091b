/** A real SMTP server on a free local port for tests, closed after each test. */
import { type AddressInfo } from "node:net";
import { SMTPServer } from "smtp-server";
import { afterEach } from "vitest";
import { closeTransports } from "../../app/mail/transport.server";
import { now } from "../../app/clock.server";
import { deliverDueMail } from "../../app/mail/outbox.server";
import { decodeWords, header, mimePart } from "../mime";

export type Received = { from: string; to: string[]; raw: string };

let servers: SMTPServer[] = [];

/** A real SMTP server on a free local port that keeps every message it receives. */
export async function startSmtpServer(): Promise<{ url: string; received: Received[] }> {
  const received: Received[] = [];
  const server = new SMTPServer({
    authOptional: true,
    disabledCommands: ["STARTTLS"],
    logger: false,
    onData(stream, session, callback) {
      const chunks: Buffer[] = [];
      stream.on("data", (chunk: Buffer) => chunks.push(chunk));
      stream.on("end", () => {
        received.push({
          from: session.envelope.mailFrom ? session.envelope.mailFrom.address : "",
          to: session.envelope.rcptTo.map((r) => r.address),
          raw: Buffer.concat(chunks).toString("latin1"),
        });
        callback();
      });
    },
  });
  servers.push(server);
  await new Promise<void>((resolve) => server.listen(0, "127.0.0.1", resolve));
  const { port } = server.server.address() as AddressInfo;
  return { url: `smtp://127.0.0.1:${port}`, received };
}

afterEach(async () => {
  closeTransports();
  await Promise.all(servers.map((server) => new Promise<void>((resolve) => server.close(() => resolve()))));
  servers = [];
});

/** The decoded plain text of a received mail. */
export function plainText(raw: string): string {
  return mimePart(raw, "text/plain")?.body ?? "";
}

/** Delivers every due mail to a fresh test SMTP server, as the scheduler would, and gives back what arrived. */
export async function deliverToTestServer(): Promise<{ to: string; subject: string; text: string }[]> {
  const smtp = await startSmtpServer();
  await deliverDueMail(now(), { smtpUrl: smtp.url });
  return smtp.received.map((m) => ({ to: m.to.join(","), subject: decodeWords(header(m.raw, "Subject") ?? ""), text: plainText(m.raw) }));
}

/** The token of the one-time link (/inbjudan/… or /aterstall/…) in the last mail that reached `to`. */
export async function linkTokenSentTo(to: string, path: "inbjudan" | "aterstall"): Promise<string> {
  const mail = (await deliverToTestServer()).filter((m) => m.to === to).at(-1);
  const token = mail && new RegExp(`/${path}/([A-Za-z0-9_-]+)`).exec(mail.text)?.[1];
  if (!token) throw new Error(`No /${path}/ link reached ${to}`);
  return token;
}

/** Lets work queued to run after the response (app/http/after-response.ts) finish. */
export const afterResponses = () => new Promise<void>((resolve) => setImmediate(resolve));
