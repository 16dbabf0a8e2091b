/** /healthz answers liveness; /healthz?ready also says no when migrations are missing or mail is stuck. */
import { describe, expect, it } from "vitest";
import { outbox } from "../../db/schema";
import { now } from "../../app/clock.server";
import { loader } from "../../app/routes/healthz";
import { db, useFreshDatabase } from "./db";
import { BASE } from "./http";

useFreshDatabase();

async function health(path: string) {
  const response = loader({ request: new Request(`${BASE}${path}`), params: {}, context: {} });
  return { status: response.status, text: await response.text() };
}

const minutesAgo = (minutes: number) => new Date(now().getTime() - minutes * 60_000);

function mailWaitingSince(createdAt: Date) {
  db.insert(outbox)
    .values({
      toAddress: "larare@vallingbyskolan.example",
      subject: "Påminnelse",
      textBody: "…",
      createdAt,
      nextAttemptAt: new Date(now().getTime() + 30 * 60_000),
    })
    .run();
}

describe("readiness", () => {
  it("is ready with every migration and no mail waiting", async () => {
    expect(await health("/healthz?ready")).toEqual({ status: 200, text: "ready\n" });
    expect(await health("/healthz")).toEqual({ status: 200, text: "ok\n" });
  });

  it("is ready while the oldest unsent mail has waited 14 minutes, not when it has waited 16; liveness stays yes", async () => {
    mailWaitingSince(minutesAgo(14));
    expect((await health("/healthz?ready")).status).toBe(200);

    mailWaitingSince(minutesAgo(16));
    expect(await health("/healthz?ready")).toEqual({ status: 503, text: "not ready: mail stuck in the outbox\n" });
    expect((await health("/healthz")).status).toBe(200);
  });

  it("says no when the database lacks a committed migration (an old backup put in place under a running server)", async () => {
    db.$client.exec("DELETE FROM __drizzle_migrations WHERE created_at = (SELECT max(created_at) FROM __drizzle_migrations)");

    expect(await health("/healthz?ready")).toEqual({ status: 503, text: "not ready: migrations not applied\n" });
    expect((await health("/healthz")).status).toBe(200);
  });

  it("sent and kept mail is not waiting", async () => {
    db.insert(outbox)
      .values({ toAddress: "a@b.example", subject: "x", textBody: "x", status: "sent", createdAt: minutesAgo(120) })
      .run();
    db.insert(outbox)
      .values({ toAddress: "a@b.example", subject: "x", textBody: "x", status: "kept", createdAt: minutesAgo(120) })
      .run();
    expect((await health("/healthz?ready")).status).toBe(200);
  });
});
