import type { RunResult } from "better-sqlite3";
import { and, asc, desc, eq, lte } from "drizzle-orm";
import type { BaseSQLiteDatabase } from "drizzle-orm/sqlite-core";
import type * as schema from "../../db/schema";
import { outbox } from "../../db/schema";
import { now as clockNow } from "../clock.server";
import { getDb } from "../db.server";
import { env } from "../env.server";
import { MAIL_FROM, transportFor } from "./transport.server";

/** `getDb()` or the `tx` of `getDb().transaction((tx) => …)`: both are accepted. */
export type TxOrDb = BaseSQLiteDatabase<"sync", RunResult, typeof schema>;

export type MailMessage = {
  districtId?: number | null;
  to: string;
  subject: string;
  text: string;
  ics?: { method: "REQUEST" | "CANCEL"; content: string };
};

export type DeliveryResult = { sent: number; failed: number; kept: number; retried: number };

export type OutboxEntry = {
  id: number;
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
      ics: message.ics?.content ?? null,
      icsMethod: message.ics?.method ?? null,
      // Due by the portal's clock, the same clock deliverDueMail is called with.
      nextAttemptAt: clockNow(),
    })
    .returning({ id: outbox.id })
    .get();
  return row.id;
}

/**
 * Sends the pending messages that are due at `now`. Without an SMTP URL they are marked
 * 'kept' instead. A failed delivery is recorded on the row and retried later; it never
 * throws (only a broken database does).
 */
export async function deliverDueMail(
  now: Date,
  options: { smtpUrl?: string | undefined; limit?: number } = {},
): Promise<DeliveryResult> {
  const db = getDb();
  const smtpUrl = options.smtpUrl ?? env.SMTP_URL;
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
    const unchanged = and(
      eq(outbox.id, row.id),
      eq(outbox.status, "pending"),
      eq(outbox.attempts, row.attempts),
      eq(outbox.nextAttemptAt, row.nextAttemptAt),
    );

    if (!smtpUrl) {
      if (db.update(outbox).set({ status: "kept" }).where(unchanged).run().changes === 1) result.kept++;
      continue;
    }

    const claimed = db
      .update(outbox)
      .set({ nextAttemptAt: new Date(now.getTime() + CLAIM_LEASE_MS) })
      .where(unchanged)
      .run();
    if (claimed.changes !== 1) continue;

    const stillOurs = and(eq(outbox.id, row.id), eq(outbox.status, "pending"));
    try {
      await transportFor(smtpUrl).sendMail({
        from: MAIL_FROM,
        to: row.toAddress,
        subject: row.subject,
        text: row.textBody,
        ...(row.ics && row.icsMethod ? { icalEvent: { method: row.icsMethod, content: row.ics } } : {}),
      });
      db.update(outbox).set({ status: "sent", sentAt: now, lastError: null }).where(stillOurs).run();
      result.sent++;
    } catch (error) {
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

/** The district's latest messages, newest first: the coordinator's view of the demo outbox. */
export function outboxOfDistrict(districtId: number, limit = 50): OutboxEntry[] {
  return getDb()
    .select({
      id: outbox.id,
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
    .where(eq(outbox.districtId, districtId))
    .orderBy(desc(outbox.id))
    .limit(limit)
    .all();
}

/** One line for the row and the coordinator's view: SMTP code and message, no stack trace. */
function shortError(error: unknown): string {
  const message = error instanceof Error ? error.message : String(error);
  const code = (error as { code?: unknown } | null)?.code;
  const firstLine = message.split("\n", 1)[0] ?? "";
  const text = typeof code === "string" && !firstLine.includes(code) ? `${code}: ${firstLine}` : firstLine;
  return text.slice(0, 300);
}
