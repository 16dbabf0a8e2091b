import fs from "node:fs";
import path from "node:path";
import { and, asc, desc, eq, lte } from "drizzle-orm";
import nodemailer from "nodemailer";
import { outbox } from "../../db/schema";
import { now as clockNow } from "../clock.server";
import { getDb, type TxOrDb } from "../db.server";
import { env, portalUrl } from "../env.server";
import { errorForLog, log } from "../http/log.js";
import { mailAttemptsFailed, mailSent } from "../ops/metrics.server";
import { linkForDelivery, type LinkPurpose, type LinkRefusal } from "../auth/one-time-links.server";
import { can, type Actor } from "../auth/permissions";
import { accountHeldText } from "./account-mails";
import { MAIL_FROM, transportFor } from "./transport.server";

/**
 * Where a mail's one-time link goes in its stored text. The link is made only when the mail is
 * sent, so the outbox (and every page, log and backup) holds this placeholder, never a token.
 */
export const LINK_PLACEHOLDER = "[[engångslänk]]";
/** What the coordinator's outbox shows in place of the link. */
export const LINK_NOTE = "(Här står en personlig engångslänk. Den visas bara för mottagaren.)";

export type MailMessage = {
  districtId?: number | null;
  to: string;
  subject: string;
  text: string;
  ics?: { method: "REQUEST" | "CANCEL"; content: string };
  /** The text holds LINK_PLACEHOLDER: a one-time link for this person, made when the mail is sent. */
  link?: { purpose: LinkPurpose; personId: number };
};

export type DeliveryResult = { sent: number; failed: number; kept: number; retried: number };

/**
 * One mail as the district's outbox shows it. No row number: the outbox is shared by every
 * district, so the gaps between a district's numbers would count the others' mail, and with
 * it whether a reset request for an address reached an account elsewhere.
 */
export type OutboxEntry = {
  to: string;
  subject: string;
  text: string;
  status: "pending" | "sent" | "failed" | "kept";
  attempts: number;
  lastError: string | null;
  icsMethod: "REQUEST" | "CANCEL" | null;
  createdAt: Date;
  sentAt: Date | null;
};

const MINUTE = 60_000;
/** Wait after the 1st, 2nd, … 5th failed attempt; the 6th failure gives up. */
export const MAIL_RETRY_DELAYS_MS = [1 * MINUTE, 5 * MINUTE, 30 * MINUTE, 120 * MINUTE, 360 * MINUTE] as const;
export const MAX_MAIL_ATTEMPTS = MAIL_RETRY_DELAYS_MS.length + 1;
/**
 * A claimed row is pushed this far ahead while it is being sent. If the process dies
 * mid-send, the row becomes due again after the lease (the message may then go twice,
 * which beats never).
 */
const CLAIM_LEASE_MS = 10 * MINUTE;

/**
 * Queues a message. Pass the booking's transaction as `db` so that the mail exists if and
 * only if the booking does; delivery happens later, outside any request.
 */
export function enqueueMail(message: MailMessage, db: TxOrDb = getDb()): number {
  const row = db
    .insert(outbox)
    .values({
      districtId: message.districtId ?? null,
      toAddress: message.to,
      subject: message.subject,
      textBody: message.text,
      linkPurpose: message.link?.purpose ?? null,
      linkPersonId: message.link?.personId ?? null,
      ics: message.ics?.content ?? null,
      icsMethod: message.ics?.method ?? null,
      // Due by the portal's clock, the same clock deliverDueMail is called with (and counted by it).
      nextAttemptAt: clockNow(),
      createdAt: clockNow(),
    })
    .returning({ id: outbox.id })
    .get();
  return row.id;
}

/** Why a mail with a link went unsent, in the coordinator's words. */
const REFUSED_LINK: Record<Exclude<LinkRefusal, "has-account">, string> = {
  "has-password": "Skickades inte: kontot har redan ett lösenord. Personen kan be om ett nytt lösenord på inloggningssidan.",
  deactivated: "Skickades inte: kontot är avstängt.",
  unknown: "Skickades inte: personen finns inte längre.",
};

/**
 * Without an SMTP server (the demo), where each mail is written in full as an .eml file for the
 * person running the server: `data/mail/` beside the database. None for an in-memory database.
 */
export function defaultMailDir(): string | null {
  return env.DATABASE_PATH === ":memory:" ? null : path.join(path.dirname(env.DATABASE_PATH), "mail");
}

type Row = typeof outbox.$inferSelect;
type Outgoing = { from: string; to: string; subject: string; text: string; icalEvent?: { method: string; content: string } };

/**
 * The mail as it leaves: for a mail with a one-time link, the link is made now (its hash
 * stored, the token only in the mail) — or the reason there is none.
 */
function compose(row: Row, now: Date): { ok: true; mail: Outgoing } | { ok: false; reason: string } {
  let text = row.textBody;
  if (row.linkPurpose && row.linkPersonId !== null) {
    const purpose = row.linkPurpose;
    const personId = row.linkPersonId;
    const link = getDb().transaction((tx) => linkForDelivery(tx, purpose, personId, now));
    if (link.ok) text = text.split(LINK_PLACEHOLDER).join(link.url);
    // The address logs in with another account: its owner is told so, and the mail counts as sent like any other.
    else if (link.reason === "has-account") text = accountHeldText(portalUrl("/logga-in"));
    else return { ok: false, reason: REFUSED_LINK[link.reason] };
  }
  return {
    ok: true,
    mail: {
      from: MAIL_FROM,
      to: row.toAddress,
      subject: row.subject,
      text,
      ...(row.ics && row.icsMethod ? { icalEvent: { method: row.icsMethod, content: row.ics } } : {}),
    },
  };
}

const fileTransport = nodemailer.createTransport({ streamTransport: true, buffer: true, newline: "unix" });

/** Writes the mail in full as an .eml file that only the server's user can read. */
async function writeMailFile(dir: string, row: Row, mail: Outgoing): Promise<void> {
  const { message } = (await fileTransport.sendMail(mail)) as { message: Buffer };
  fs.mkdirSync(dir, { recursive: true, mode: 0o700 });
  const stamp = row.createdAt.toISOString().replace(/[:.]/g, "-");
  fs.writeFileSync(path.join(dir, `${stamp}-${row.id}.eml`), message, { mode: 0o600 });
}

/**
 * Sends the pending messages that are due at `now`. Without an SMTP URL each is written as a
 * file under `mailDir` instead and marked 'kept'. A failed delivery is recorded on the row and
 * retried later; it never throws (only a broken database does).
 */
export async function deliverDueMail(
  now: Date,
  options: { smtpUrl?: string | undefined; mailDir?: string | null; limit?: number } = {},
): Promise<DeliveryResult> {
  const db = getDb();
  const smtpUrl = options.smtpUrl ?? env.SMTP_URL;
  const mailDir = options.mailDir === undefined ? defaultMailDir() : options.mailDir;
  const result: DeliveryResult = { sent: 0, failed: 0, kept: 0, retried: 0 };

  const due = db
    .select()
    .from(outbox)
    .where(and(eq(outbox.status, "pending"), lte(outbox.nextAttemptAt, now)))
    .orderBy(asc(outbox.nextAttemptAt), asc(outbox.id))
    .limit(options.limit ?? 50)
    .all();

  for (const row of due) {
    // The guard repeats what we read: if another runner (or process) claimed or finished
    // the row since, nothing matches and we leave it alone.
    const unchanged = and(eq(outbox.id, row.id), eq(outbox.status, "pending"), eq(outbox.attempts, row.attempts), eq(outbox.nextAttemptAt, row.nextAttemptAt));

    const claimed = db
      .update(outbox)
      .set({ nextAttemptAt: new Date(now.getTime() + CLAIM_LEASE_MS) })
      .where(unchanged)
      .run();
    if (claimed.changes !== 1) continue;

    const stillOurs = and(eq(outbox.id, row.id), eq(outbox.status, "pending"));
    const composed = compose(row, now);
    if (!composed.ok) {
      db.update(outbox).set({ status: "failed", lastError: composed.reason }).where(stillOurs).run();
      result.failed++;
      continue;
    }

    if (!smtpUrl) {
      try {
        if (mailDir) await writeMailFile(mailDir, row, composed.mail);
        db.update(outbox).set({ status: "kept", lastError: null }).where(stillOurs).run();
        result.kept++;
      } catch (error) {
        db.update(outbox)
          .set({ status: "failed", lastError: shortError(error) })
          .where(stillOurs)
          .run();
        result.failed++;
      }
      continue;
    }

    try {
      await transportFor(smtpUrl).sendMail(composed.mail);
      db.update(outbox).set({ status: "sent", sentAt: now, lastError: null }).where(stillOurs).run();
      result.sent++;
      mailSent.inc();
    } catch (error) {
      mailAttemptsFailed.inc();
      log.warn({ mailId: row.id, attempt: row.attempts + 1, err: errorForLog(error) }, "the SMTP server did not take a mail");
      const attempts = row.attempts + 1;
      const lastError = shortError(error);
      const delay = MAIL_RETRY_DELAYS_MS[attempts - 1];
      if (attempts >= MAX_MAIL_ATTEMPTS || delay === undefined) {
        db.update(outbox).set({ status: "failed", attempts, lastError }).where(stillOurs).run();
        result.failed++;
      } else {
        db.update(outbox)
          .set({ attempts, lastError, nextAttemptAt: new Date(now.getTime() + delay) })
          .where(stillOurs)
          .run();
        result.retried++;
      }
    }
  }
  return result;
}

/**
 * The district's latest messages, newest first: the coordinator's view of what went to whom.
 * A one-time link shows as LINK_NOTE: nobody but its recipient ever reads it.
 */
export function outboxOfDistrict(actor: Actor, limit = 50): OutboxEntry[] {
  if (!can(actor, "district:manage")) return [];
  return getDb()
    .select({
      to: outbox.toAddress,
      subject: outbox.subject,
      text: outbox.textBody,
      status: outbox.status,
      attempts: outbox.attempts,
      lastError: outbox.lastError,
      icsMethod: outbox.icsMethod,
      createdAt: outbox.createdAt,
      sentAt: outbox.sentAt,
    })
    .from(outbox)
    .where(eq(outbox.districtId, actor.districtId))
    .orderBy(desc(outbox.id))
    .limit(limit)
    .all()
    .map((entry) => ({ ...entry, text: entry.text.split(LINK_PLACEHOLDER).join(LINK_NOTE) }));
}

/** One line for the row and the coordinator's view: SMTP code and message, no stack trace. */
function shortError(error: unknown): string {
  const message = error instanceof Error ? error.message : String(error);
  const code = (error as { code?: unknown } | null)?.code;
  const firstLine = message.split("\n", 1)[0] ?? "";
  const text = typeof code === "string" && !firstLine.includes(code) ? `${code}: ${firstLine}` : firstLine;
  return text.slice(0, 300);
}
