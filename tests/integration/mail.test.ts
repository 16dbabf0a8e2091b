import net, { type AddressInfo } from "node:net";
import { eq } from "drizzle-orm";
import { createEvent } from "ics";
import ical from "node-ical";
import { describe, expect, it } from "vitest";
import { outbox } from "../../db/schema";
import { now } from "../../app/clock.server";
import { deliverDueMail, enqueueMail, MAIL_RETRY_DELAYS_MS, outboxOfDistrict, type MailMessage } from "../../app/mail/outbox.server";
import { MAIL_FROM } from "../../app/mail/transport.server";
import { bookSlot, cancelBooking, openSlotsFor } from "../../app/models/walk-booking.server";
import { actorFor, db, useFreshDatabase } from "./db";
import { decodeWords, header, mimePart } from "../mime";
import { startSmtpServer } from "./smtp";

/** A port nothing listens on: delivery to it is refused at once. */
async function closedSmtpUrl(): Promise<string> {
  const probe = net.createServer();
  await new Promise<void>((resolve) => probe.listen(0, "127.0.0.1", resolve));
  const { port } = probe.address() as AddressInfo;
  await new Promise<void>((resolve) => probe.close(() => resolve()));
  return `smtp://127.0.0.1:${port}`;
}

function invitation(method: "REQUEST" | "CANCEL", sequence: number): string {
  const { error, value } = createEvent({
    uid: "walk-42@samverkansportalen.example",
    method,
    sequence,
    ...(method === "CANCEL" ? { status: "CANCELLED" as const } : {}),
    start: [2026, 12, 3, 9, 0],
    startInputType: "utc",
    startOutputType: "utc",
    duration: { minutes: 45 },
    title: "Promenad och samtal på Vällingbyskolan",
    organizer: { name: "Samverkansportalen", email: "noreply@samverkansportalen.example" },
  });
  if (error || !value) throw error ?? new Error("ics produced nothing");
  return value;
}

function row(id: number) {
  const found = db.select().from(outbox).where(eq(outbox.id, id)).get();
  if (!found) throw new Error(`No outbox row ${id}`);
  return found;
}

const plainMessage = (subject: string): MailMessage => ({
  districtId: actorFor("samordnare@hv.example").districtId,
  to: "karin.dahl@hv.example",
  subject,
  text: "Hej Karin!\nDin bokning är klar.\n\nVänliga hälsningar\nSamverkansportalen",
});

describe("the mail outbox", () => {
  useFreshDatabase();

  it("sends a plain message over SMTP and marks it sent", async () => {
    const smtp = await startSmtpServer();
    const id = enqueueMail(plainMessage("Booking confirmed"));

    const result = await deliverDueMail(now(), { smtpUrl: smtp.url });

    expect(result).toEqual({ sent: 1, failed: 0, kept: 0, retried: 0 });
    expect(smtp.received).toHaveLength(1);
    const [mail] = smtp.received;
    expect(mail?.to).toEqual(["karin.dahl@hv.example"]);
    expect(header(mail!.raw, "Subject")).toBe("Booking confirmed");
    expect(header(mail!.raw, "To")).toBe("karin.dahl@hv.example");
    expect(header(mail!.raw, "From")).toBe(MAIL_FROM);
    expect(mimePart(mail!.raw, "text/plain")?.body).toContain("Din bokning är klar.");
    expect(mimePart(mail!.raw, "text/calendar")).toBeUndefined();
    expect(row(id)).toMatchObject({ status: "sent", attempts: 0, lastError: null, sentAt: now() });
  });

  it("encodes a Swedish subject so that it decodes back unchanged", async () => {
    const smtp = await startSmtpServer();
    enqueueMail(plainMessage("Bokning bekräftad: Vällingbyskolan, åäö ÅÄÖ"));

    await deliverDueMail(now(), { smtpUrl: smtp.url });

    const subject = header(smtp.received[0]!.raw, "Subject")!;
    expect(subject).toMatch(/^=\?UTF-8\?[QB]\?/);
    expect(decodeWords(subject)).toBe("Bokning bekräftad: Vällingbyskolan, åäö ÅÄÖ");
  });

  it("sends an invitation and its cancellation as text/calendar parts Outlook reads", async () => {
    const smtp = await startSmtpServer();
    const base = plainMessage("");
    enqueueMail({ ...base, subject: "Inbjudan", ics: { method: "REQUEST", content: invitation("REQUEST", 0) } });
    enqueueMail({ ...base, subject: "Inställd", ics: { method: "CANCEL", content: invitation("CANCEL", 1) } });

    expect(await deliverDueMail(now(), { smtpUrl: smtp.url })).toMatchObject({ sent: 2 });

    const calendarOf = (subject: string) => {
      const mail = smtp.received.find((m) => decodeWords(header(m.raw, "Subject") ?? "") === subject);
      const part = mail && mimePart(mail.raw, "text/calendar");
      if (!part) throw new Error(`No calendar part in "${subject}"`);
      const parsed = ical.sync.parseICS(part.body);
      const event = Object.values(parsed).find((c) => c?.type === "VEVENT");
      if (event?.type !== "VEVENT") throw new Error(`No VEVENT in "${subject}"`);
      return { contentType: part.contentTypeHeader, body: part.body, method: parsed.vcalendar?.method, event };
    };

    const request = calendarOf("Inbjudan");
    expect(request.contentType).toBe("Content-Type: text/calendar; charset=utf-8; method=REQUEST");
    expect(request.body).toContain("UID:walk-42@samverkansportalen.example");
    expect(request.method).toBe("REQUEST");
    expect(request.event.uid).toBe("walk-42@samverkansportalen.example");
    expect(Number(request.event.sequence)).toBe(0);
    expect(request.event.summary).toBe("Promenad och samtal på Vällingbyskolan");

    const cancel = calendarOf("Inställd");
    expect(cancel.contentType).toBe("Content-Type: text/calendar; charset=utf-8; method=CANCEL");
    expect(cancel.method).toBe("CANCEL");
    expect(cancel.event.uid).toBe(request.event.uid);
    expect(Number(cancel.event.sequence)).toBe(1);
    expect(cancel.event.status).toBe("CANCELLED");
  });

  it("keeps mail in the outbox when no SMTP URL is configured", async () => {
    const id = enqueueMail(plainMessage("Påminnelse"));

    expect(await deliverDueMail(now())).toEqual({ sent: 0, failed: 0, kept: 1, retried: 0 });
    expect(row(id)).toMatchObject({ status: "kept", attempts: 0, sentAt: null });
    expect(await deliverDueMail(now())).toEqual({ sent: 0, failed: 0, kept: 0, retried: 0 });
    expect(outboxOfDistrict(actorFor("samordnare@hv.example"))[0]).toMatchObject({ status: "kept", subject: "Påminnelse" });
  });

  it("backs off after a failed delivery and gives up after the sixth attempt", async () => {
    const smtpUrl = await closedSmtpUrl();
    const id = enqueueMail(plainMessage("Booking confirmed"));
    let at = now();

    expect(await deliverDueMail(at, { smtpUrl })).toEqual({ sent: 0, failed: 0, kept: 0, retried: 1 });
    const first = row(id);
    expect(first).toMatchObject({ status: "pending", attempts: 1 });
    expect(first.lastError).toMatch(/ECONNREFUSED/);
    expect(first.lastError).not.toMatch(/\n|\s+at\s/);
    expect(first.nextAttemptAt.getTime() - at.getTime()).toBe(MAIL_RETRY_DELAYS_MS[0]);

    // Not due yet: nothing happens before the back-off has passed.
    expect(await deliverDueMail(new Date(first.nextAttemptAt.getTime() - 1), { smtpUrl })).toEqual({ sent: 0, failed: 0, kept: 0, retried: 0 });
    expect(row(id).attempts).toBe(1);

    for (const [index, delay] of MAIL_RETRY_DELAYS_MS.slice(1).entries()) {
      at = row(id).nextAttemptAt;
      expect(await deliverDueMail(at, { smtpUrl })).toMatchObject({ retried: 1 });
      expect(row(id)).toMatchObject({ status: "pending", attempts: index + 2 });
      expect(row(id).nextAttemptAt.getTime() - at.getTime()).toBe(delay);
    }

    at = row(id).nextAttemptAt;
    expect(await deliverDueMail(at, { smtpUrl })).toEqual({ sent: 0, failed: 1, kept: 0, retried: 0 });
    const failed = row(id);
    expect(failed).toMatchObject({ status: "failed", attempts: 6, sentAt: null });
    expect(failed.lastError).toMatch(/ECONNREFUSED/);
    expect(await deliverDueMail(new Date(at.getTime() + 24 * 3_600_000), { smtpUrl })).toEqual({ sent: 0, failed: 0, kept: 0, retried: 0 });
    expect(failed.districtId).toBe(actorFor("samordnare@hv.example").districtId);
    expect(outboxOfDistrict(actorFor("samordnare@hv.example"))[0]).toMatchObject({ status: "failed", attempts: 6 });
  });

  it("sends each message once when two deliveries run at the same time", async () => {
    const smtp = await startSmtpServer();
    const subjects = ["Ett", "Två", "Tre", "Fyra", "Fem"];
    for (const subject of subjects) enqueueMail(plainMessage(subject));

    const results = await Promise.all([deliverDueMail(now(), { smtpUrl: smtp.url }), deliverDueMail(now(), { smtpUrl: smtp.url })]);

    expect(results.reduce((sum, r) => sum + r.sent, 0)).toBe(5);
    expect(results.every((r) => r.sent > 0)).toBe(true);
    expect(smtp.received.map((m) => decodeWords(header(m.raw, "Subject") ?? "")).sort()).toEqual([...subjects].sort());
    expect(db.select().from(outbox).where(eq(outbox.status, "sent")).all()).toHaveLength(5);
  });

  it("queues nothing when the transaction that enqueued the mail rolls back", () => {
    const before = db.select().from(outbox).all().length;
    expect(() =>
      db.transaction((tx) => {
        enqueueMail(plainMessage("Bokning bekräftad"), tx);
        throw new Error("the booking was refused");
      }),
    ).toThrow("the booking was refused");
    expect(db.select().from(outbox).all()).toHaveLength(before);

    const id = db.transaction((tx) => enqueueMail(plainMessage("Bokning bekräftad"), tx));
    expect(row(id).status).toBe("pending");
  });

  it("lists a district's outbox newest first, and only that district's", () => {
    const coordinator = actorFor("samordnare@hv.example");
    const otherDistrictId = actorFor("samordnare@st.example").districtId;
    enqueueMail(plainMessage("Först"));
    enqueueMail({ ...plainMessage("Sedan"), ics: { method: "REQUEST", content: invitation("REQUEST", 0) } });
    enqueueMail({ ...plainMessage("Annat område"), districtId: otherDistrictId });

    const entries = outboxOfDistrict(coordinator);
    expect(entries.map((e) => e.subject)).toEqual(["Sedan", "Först"]);
    expect(entries[0]).toMatchObject({ subject: "Sedan", to: "karin.dahl@hv.example", status: "pending", attempts: 0, lastError: null, icsMethod: "REQUEST" });
    expect(entries[0]?.text).toContain("Din bokning är klar.");
    expect(entries[0]?.createdAt).toBeInstanceOf(Date);
    expect(outboxOfDistrict(coordinator, 1).map((e) => e.subject)).toEqual(["Sedan"]);
  });
});

describe("walk-and-talk mail over SMTP", () => {
  useFreshDatabase();

  it("a booking and its cancellation reach the mail server as Outlook invitations with one UID and a rising SEQUENCE", async () => {
    const smtp = await startSmtpServer();
    const teacher = actorFor("larare@vallingbyskolan.example");
    const at = now();
    const slot = openSlotsFor(teacher, at).find((s) => s.hostName === "Anna Berg")!;
    const booked = bookSlot(teacher, slot.slotId, { topic: "concern", note: "Ett barn i klass 2" }, at);
    if (!booked.ok) throw new Error(booked.message);
    await deliverDueMail(at, { smtpUrl: smtp.url });
    expect(cancelBooking(teacher, booked.bookingId, at)).toEqual({ ok: true });
    await deliverDueMail(at, { smtpUrl: smtp.url });

    const toTeacher = smtp.received.filter((m) => m.to.includes("larare@vallingbyskolan.example"));
    expect(toTeacher).toHaveLength(2);
    const [confirmation, cancellation] = toTeacher;
    expect(decodeWords(header(confirmation!.raw, "Subject")!)).toBe("Bokad: walk-and-talk onsdag 9 december kl. 14.30–15.00");
    const events = [confirmation!, cancellation!].map((mail) => {
      const part = mimePart(mail.raw, "text/calendar")!;
      const event = Object.values(ical.sync.parseICS(part.body)).find((e) => e?.type === "VEVENT") as unknown as {
        uid: string;
        sequence: string;
        status?: string;
      };
      return { contentType: part.contentTypeHeader, body: part.body, event };
    });
    expect(events[0]!.contentType).toMatch(/method=REQUEST/i);
    expect(events[1]!.contentType).toMatch(/method=CANCEL/i);
    expect(events[1]!.event.uid).toBe(events[0]!.event.uid);
    expect(Number(events[1]!.event.sequence)).toBeGreaterThan(Number(events[0]!.event.sequence));
    expect(events[1]!.body).toContain("STATUS:CANCELLED");
    // The note and the topic never leave the portal.
    for (const mail of toTeacher) expect(mail.raw).not.toMatch(/klass 2|Oro f/);
  });
});
