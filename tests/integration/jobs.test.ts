import { eq } from "drizzle-orm";
import { afterEach, describe, expect, it, vi } from "vitest";
import { jobs, outbox } from "../../db/schema";
import { now } from "../../app/clock.server";
import {
  cancelJob,
  JOB_RETRY_DELAYS_MS,
  MAX_JOB_ATTEMPTS,
  registerJobHandler,
  runDueJobs,
  scheduleJob,
  startScheduler,
  type ScheduledJob,
} from "../../app/jobs/scheduler.server";
import { log } from "../../app/http/log.js";
import { enqueueMail } from "../../app/mail/outbox.server";
import { SCHEDULER, type SystemActor } from "../../app/auth/permissions";
import { purgeClosedConsultations } from "../../app/models/consultations.server";
import { purgeHandledRequests } from "../../app/models/support.server";
import { sendReminder } from "../../app/models/walk-booking.server";
import { purgeOldBookingNotes } from "../../app/models/walk-retention.server";
import { actorFor, db, useFreshDatabase } from "./db";

const HOUR = 3_600_000;

function job(key: string) {
  const found = db.select().from(jobs).where(eq(jobs.key, key)).get();
  if (!found) throw new Error(`No job ${key}`);
  return found;
}

const pause = (ms: number) => new Promise((resolve) => setTimeout(resolve, ms));

afterEach(() => {
  vi.restoreAllMocks();
  vi.unstubAllEnvs();
});

describe("scheduled jobs", () => {
  useFreshDatabase();

  it("schedules a key once, however often it is scheduled", () => {
    scheduleJob({ key: "walk-reminder:1", kind: "walk-reminder", runAt: now() });
    scheduleJob({ key: "walk-reminder:1", kind: "walk-reminder", runAt: new Date(now().getTime() + HOUR) });

    const rows = db.select().from(jobs).where(eq(jobs.key, "walk-reminder:1")).all();
    expect(rows).toHaveLength(1);
    expect(rows[0]?.runAt).toEqual(now());
  });

  it("runs a due job once and never again", async () => {
    const ran: ScheduledJob[] = [];
    const handlers = { "walk-reminder": (j: ScheduledJob) => void ran.push(j) };
    scheduleJob({ key: "walk-reminder:1", kind: "walk-reminder", runAt: new Date(now().getTime() - 1000) });

    expect(await runDueJobs(now(), handlers)).toEqual({ ran: 1, failed: 0 });
    expect(await runDueJobs(new Date(now().getTime() + 24 * HOUR), handlers)).toEqual({ ran: 0, failed: 0 });

    expect(ran).toEqual([{ id: job("walk-reminder:1").id, key: "walk-reminder:1", kind: "walk-reminder", runAt: new Date(now().getTime() - 1000) }]);
    expect(job("walk-reminder:1")).toMatchObject({ doneAt: now(), attempts: 0, lastError: null });
  });

  it("does not run a job before its time", async () => {
    const handler = vi.fn();
    const runAt = new Date(now().getTime() + HOUR);
    scheduleJob({ key: "later", kind: "walk-reminder", runAt });

    expect(await runDueJobs(now(), { "walk-reminder": handler })).toEqual({ ran: 0, failed: 0 });
    expect(handler).not.toHaveBeenCalled();
    expect(job("later")).toMatchObject({ doneAt: null, runAt });

    expect(await runDueJobs(runAt, { "walk-reminder": handler })).toEqual({ ran: 1, failed: 0 });
    expect(handler).toHaveBeenCalledTimes(1);
  });

  it("retries a failing job later and gives up after the fifth attempt", async () => {
    const handler = vi.fn(async () => {
      throw new Error("the mail server said no");
    });
    scheduleJob({ key: "flaky", kind: "walk-reminder", runAt: now() });

    expect(await runDueJobs(now(), { "walk-reminder": handler })).toEqual({ ran: 0, failed: 1 });
    expect(job("flaky")).toMatchObject({ attempts: 1, lastError: "the mail server said no", doneAt: null });
    expect(job("flaky").runAt.getTime() - now().getTime()).toBe(JOB_RETRY_DELAYS_MS[0]);

    // Backing off: not run again at the same instant.
    expect(await runDueJobs(now(), { "walk-reminder": handler })).toEqual({ ran: 0, failed: 0 });

    for (const [index, delay] of JOB_RETRY_DELAYS_MS.slice(1).entries()) {
      const at = job("flaky").runAt;
      expect(await runDueJobs(at, { "walk-reminder": handler })).toEqual({ ran: 0, failed: 1 });
      expect(job("flaky")).toMatchObject({ attempts: index + 2, doneAt: null });
      expect(job("flaky").runAt.getTime() - at.getTime()).toBe(delay);
    }

    const last = job("flaky").runAt;
    expect(await runDueJobs(last, { "walk-reminder": handler })).toEqual({ ran: 0, failed: 1 });
    expect(job("flaky")).toMatchObject({ attempts: MAX_JOB_ATTEMPTS, doneAt: last, lastError: "the mail server said no" });
    expect(await runDueJobs(new Date(last.getTime() + 24 * HOUR), { "walk-reminder": handler })).toEqual({ ran: 0, failed: 0 });
    expect(handler).toHaveBeenCalledTimes(MAX_JOB_ATTEMPTS);
  });

  it("runs each job once when two runners work at the same time", async () => {
    const calls: string[] = [];
    const handlers = {
      "walk-reminder": async (j: ScheduledJob) => {
        calls.push(j.key);
        await pause(5);
      },
    };
    const keys = ["a", "b", "c", "d", "e", "f"];
    for (const key of keys) scheduleJob({ key, kind: "walk-reminder", runAt: now() });

    const results = await Promise.all([runDueJobs(now(), handlers), runDueJobs(now(), handlers)]);

    expect([...calls].sort()).toEqual(keys);
    expect(results.reduce((sum, r) => sum + r.ran, 0)).toBe(keys.length);
    expect(results.every((r) => r.ran > 0)).toBe(true);
  });

  it("leaves jobs of an unknown kind alone and says so once", async () => {
    const warn = vi.spyOn(log, "warn");
    scheduleJob({ key: "mystery:1", kind: "mystery", runAt: now() });
    scheduleJob({ key: "mystery:2", kind: "mystery", runAt: now() });

    expect(await runDueJobs(now(), { "walk-reminder": vi.fn() })).toEqual({ ran: 0, failed: 0 });
    expect(await runDueJobs(now(), {})).toEqual({ ran: 0, failed: 0 });

    expect(warn).toHaveBeenCalledTimes(1);
    expect(warn.mock.calls[0]).toContainEqual({ job: "mystery" });
    expect(job("mystery:1")).toMatchObject({ doneAt: null, attempts: 0, runAt: now() });
    expect(await runDueJobs(now(), { mystery: vi.fn() })).toEqual({ ran: 2, failed: 0 });
  });

  it("cancels a job that has not run by deleting it, so the key can be scheduled again", async () => {
    const handler = vi.fn();
    scheduleJob({ key: "walk-reminder:7", kind: "walk-reminder", runAt: now() });

    expect(cancelJob("walk-reminder:7")).toBe(true);
    expect(await runDueJobs(now(), { "walk-reminder": handler })).toEqual({ ran: 0, failed: 0 });
    expect(db.select().from(jobs).where(eq(jobs.key, "walk-reminder:7")).all()).toHaveLength(0);

    scheduleJob({ key: "walk-reminder:7", kind: "walk-reminder", runAt: now() });
    await runDueJobs(now(), { "walk-reminder": handler });
    expect(handler).toHaveBeenCalledTimes(1);
    expect(cancelJob("walk-reminder:7")).toBe(false);
    expect(job("walk-reminder:7").doneAt).toEqual(now());
  });

  it("schedules and cancels inside the caller's transaction", () => {
    expect(() =>
      db.transaction((tx) => {
        scheduleJob({ key: "rolled-back", kind: "walk-reminder", runAt: now() }, tx);
        throw new Error("the booking was refused");
      }),
    ).toThrow();
    expect(db.select().from(jobs).where(eq(jobs.key, "rolled-back")).all()).toHaveLength(0);

    scheduleJob({ key: "kept", kind: "walk-reminder", runAt: now() });
    db.transaction((tx) => {
      expect(cancelJob("kept", tx)).toBe(true);
    });
    expect(db.select().from(jobs).where(eq(jobs.key, "kept")).all()).toHaveLength(0);
  });

  it("the scheduler runs registered jobs and then keeps the due mail, started once per process", async () => {
    const handler = vi.fn();
    registerJobHandler("scheduler-test", handler);
    scheduleJob({ key: "tick", kind: "scheduler-test", runAt: now() });
    const mailId = enqueueMail({ to: "karin.dahl@hv.example", subject: "Påminnelse", text: "Hej!" });

    const stop = startScheduler({}, 10);
    try {
      expect(startScheduler({}, 10)).toBe(stop);
      await vi.waitFor(() => {
        expect(handler).toHaveBeenCalledTimes(1);
        expect(db.select().from(outbox).where(eq(outbox.id, mailId)).get()?.status).toBe("kept");
      });
      await pause(50);
    } finally {
      // Stopped before the test's database closes, so no tick runs against a closed one.
      stop();
    }
    expect(handler).toHaveBeenCalledTimes(1);
    expect(job("tick").doneAt).toEqual(now());
  });

  it("the scheduler does nothing with SCHEDULER=off", async () => {
    vi.stubEnv("SCHEDULER", "off");
    vi.resetModules();
    const fresh = await import("../../app/jobs/scheduler.server");
    const handler = vi.fn();
    fresh.registerJobHandler("scheduler-off-test", handler);
    fresh.scheduleJob({ key: "off", kind: "scheduler-off-test", runAt: now() });

    const stop = fresh.startScheduler({ "scheduler-off-test": handler }, 5);
    await pause(50);
    stop();

    expect(handler).not.toHaveBeenCalled();
    expect(job("off").doneAt).toBeNull();
  });
});

describe("the portal's jobs", () => {
  useFreshDatabase();

  it("run for the scheduler only: a person, or a copy of the scheduler, is refused", () => {
    const later = new Date("2028-01-01T02:00:00Z");
    const coordinator = actorFor("samordnare@hv.example") as unknown as SystemActor;
    const lookalike: SystemActor = { system: "scheduler" };
    for (const impostor of [coordinator, lookalike]) {
      expect(() => purgeClosedConsultations(impostor, later, 1)).toThrow();
      expect(() => purgeHandledRequests(impostor, later, 1)).toThrow();
      expect(() => purgeOldBookingNotes(impostor, later, 1)).toThrow();
      expect(() => sendReminder(impostor, 1, later)).toThrow();
    }
    expect(() => purgeClosedConsultations(SCHEDULER, later, 1)).not.toThrow();
  });
});
