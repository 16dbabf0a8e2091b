/**
 * A full disk: SQLite answers SQLITE_FULL. The request goes through Remix's own request handler
 * with the portal's root, entry and route modules, wrapped as app/server.js wraps the build
 * (answerFailuresPlainly), so the status, headers and page are what a browser gets.
 * `PRAGMA max_page_count` set to the database's current size makes the next write that needs a
 * new page fail as on a full disk.
 */
import { vi } from "vitest";

// entry.server starts the scheduler when imported; these tests want no timer.
vi.hoisted(() => {
  process.env.SCHEDULER = "off";
});

import { createRequestHandler } from "@remix-run/node";
import { describe, expect, it } from "vitest";
import { answerFailuresPlainly, isStorageFailure } from "../../app/http/route-failures.js";
import * as newQuestion from "../../app/routes/konsultation.ny";
import { db, useFreshDatabase } from "./db";
import { QUESTION } from "./forms";
import { BASE, sessionCookie } from "./http";
import { portalBuild } from "./remix-build";

useFreshDatabase();

const ROUTE = "routes/konsultation.ny";

const handle = createRequestHandler(answerFailuresPlainly(portalBuild({ [ROUTE]: { path: "konsultation/ny", module: newQuestion } })), "production");

/** Long enough (about 4 700 bytes) that SQLite must take new pages for it, wherever there is room. */
const LONG_QUESTION = "Är hälsan på väg åt fel håll? ".repeat(130).trim();

function sendQuestion(cookie: string, path = "/konsultation/ny"): Promise<Response> {
  const body = new URLSearchParams();
  for (const [key, value] of Object.entries({ ...QUESTION, question: LONG_QUESTION })) for (const v of [value].flat()) body.append(key, v);
  return handle(new Request(`${BASE}${path}`, { method: "POST", body, headers: { Cookie: cookie, "Content-Type": "application/x-www-form-urlencoded" } }), {
    cspNonce: "test",
    clientAddress: "127.0.0.1",
  });
}

/** What a question leaves behind: its row, its concerns, the mail to the contact persons, the audit line. */
function written() {
  const count = (table: string) => (db.$client.prepare(`SELECT count(*) AS n FROM ${table}`).get() as { n: number }).n;
  return { consultations: count("consultations"), concerns: count("consultation_concerns"), outbox: count("outbox"), audit: count("audit_events") };
}

/**
 * From now on, every write that needs another page of the database fails with SQLITE_FULL: the
 * database may not grow, and its free pages are taken by a filler table.
 */
function fillTheDisk() {
  const sqlite = db.$client;
  sqlite.exec("CREATE TABLE disk_filler (junk BLOB)");
  sqlite.pragma(`max_page_count = ${sqlite.pragma("page_count", { simple: true }) as number}`);
  const fill = sqlite.prepare("INSERT INTO disk_filler VALUES (zeroblob(1000))");
  for (;;) {
    try {
      fill.run();
    } catch (error) {
      expect((error as { code?: string }).code).toBe("SQLITE_FULL");
      return;
    }
  }
}

describe("a full disk", () => {
  it("the same question goes through while there is room (the harness is the real one)", async () => {
    const before = written();
    const response = await sendQuestion(await sessionCookie("larare@vallingbyskolan.example"));
    expect(response.status).toBe(302);
    expect(response.headers.get("Location")).toMatch(/^\/konsultation\/\d+\?skickad=1$/);
    expect(written().consultations).toBe(before.consultations + 1);
  });

  it("a question sent when the disk is full gets 503 with Retry-After and a page saying it was not saved, and nothing of it is kept", async () => {
    const cookie = await sessionCookie("larare@vallingbyskolan.example");
    fillTheDisk();
    const before = written();

    const response = await sendQuestion(cookie);
    expect(response.status).toBe(503);
    expect(response.headers.get("Retry-After")).toBe("60");
    const page = await response.text();
    expect(page).toContain("Portalen kan inte spara just nu");
    expect(page).toContain("Det du skickade sparades inte. Försök igen om en stund.");
    expect(page).not.toContain("Något gick fel");

    expect(written()).toEqual(before);
  });

  it("the same through a data request (JavaScript on): 503 with Retry-After, nothing kept", async () => {
    const cookie = await sessionCookie("larare@vallingbyskolan.example");
    fillTheDisk();
    const before = written();

    const response = await sendQuestion(cookie, `/konsultation/ny?_data=${encodeURIComponent(ROUTE)}`);
    expect(response.status).toBe(503);
    expect(response.headers.get("Retry-After")).toBe("60");
    expect(response.headers.get("X-Remix-Catch")).toBe("yes");
    expect(await response.json()).toEqual({ storageUnavailable: true, during: "action" });

    expect(written()).toEqual(before);
  });
});

describe("isStorageFailure", () => {
  const sqliteError = (code: string) => Object.assign(new Error(code), { code });
  it.each([
    ["SQLITE_FULL", true],
    ["SQLITE_IOERR_WRITE", true],
    ["SQLITE_BUSY", true],
    ["SQLITE_READONLY", true],
    ["SQLITE_CONSTRAINT_UNIQUE", false],
    ["SQLITE_CORRUPT", false],
  ])("%s → %s", (code, expected) => {
    expect(isStorageFailure(sqliteError(code))).toBe(expected);
  });
  it("looks through drizzle's wrapper (the driver's error is its cause)", () => {
    expect(isStorageFailure(new Error("Failed query: insert …", { cause: sqliteError("SQLITE_FULL") }))).toBe(true);
    expect(isStorageFailure(new Error("something else"))).toBe(false);
    expect(isStorageFailure(undefined)).toBe(false);
  });
});
