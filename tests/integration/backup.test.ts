import fs from "node:fs";
import os from "node:os";
import path from "node:path";
import Database from "better-sqlite3";
import { afterEach, describe, expect, it } from "vitest";
import { openDatabase } from "../../app/db.server";
import { backupTo, checkBackup, defaultBackupPath, pruneBackups, restoreFrom } from "../../app/ops/backup.server";
import { hashPassword } from "../../app/auth/password.server";
import { seedDemoDistrict } from "../../db/seed";
import { SEED_NOW } from "./db";

const dirs: string[] = [];
const tempDir = () => {
  const dir = fs.mkdtempSync(path.join(os.tmpdir(), "portal-backup-"));
  dirs.push(dir);
  return dir;
};
afterEach(() => {
  for (const dir of dirs.splice(0)) fs.rmSync(dir, { recursive: true, force: true });
});

const count = (file: string) => {
  const db = new Database(file, { readonly: true });
  try {
    return (db.prepare("SELECT count(*) AS n FROM audit_events").get() as { n: number }).n;
  } finally {
    db.close();
  }
};

describe("backups", () => {
  it("takes a consistent copy, and finishes it, while another connection keeps writing, and restores it", async () => {
    const dir = tempDir();
    const live = path.join(dir, "portal.db");
    const portal = openDatabase(live);
    seedDemoDistrict(portal, await hashPassword("samverkan-demo"), SEED_NOW, "2026-12-01");
    // The "server": another connection writing all the time the backup runs.
    const writer = new Database(live);
    writer.pragma("busy_timeout = 5000");
    const insert = writer.prepare("INSERT INTO audit_events (action, object_type, at) VALUES ('session.login', 'person', ?)");
    let written = 0;
    const writing = setInterval(() => {
      for (let i = 0; i < 20; i++) insert.run(Date.now());
      written += 20;
    }, 1);
    for (let i = 0; i < 2000; i++) insert.run(Date.now()); // enough pages for the copy to take several steps
    written += 2000;
    const before = written;
    const copy = path.join(dir, "backups", "portal-copy.db");
    await backupTo(live, copy, { pagesPerStep: 1 });
    clearInterval(writing);
    const after = written;
    expect(after).toBeGreaterThan(before); // the writes really went on during the copy
    writer.close();

    const check = checkBackup(copy);
    expect(check).toMatchObject({ ok: true, people: expect.any(Number) });
    const inCopy = count(copy);
    // Everything written before the backup began is in it; nothing half-written.
    expect(inCopy).toBeGreaterThanOrEqual(before);
    expect(inCopy).toBeLessThanOrEqual(after + 10);
    expect(inCopy % 20).toBe(0); // whole batches only (2000 + n × 20)

    portal.$client.close();
    const restored = path.join(dir, "restored", "portal.db");
    expect(restoreFrom(copy, restored, SEED_NOW)).toEqual({ ok: true, kept: null });
    const reopened = openDatabase(restored); // migrations already applied: opens as is
    expect(reopened.$client.prepare("SELECT count(*) AS n FROM audit_events").get()).toEqual({ n: inCopy });
    reopened.$client.close();
    // Restoring over a database keeps the replaced one beside it.
    const again = restoreFrom(copy, restored, SEED_NOW);
    expect(again.ok && again.kept && fs.existsSync(again.kept)).toBeTruthy();
  }, 30_000);

  it("refuses a file that is not an intact portal database", async () => {
    const dir = tempDir();
    const junk = path.join(dir, "junk.db");
    fs.writeFileSync(junk, "this is not a database");
    expect(checkBackup(junk)).toMatchObject({ ok: false });
    const other = path.join(dir, "other.db");
    new Database(other).exec("CREATE TABLE t (x)");
    expect(checkBackup(other)).toEqual({ ok: false, reason: "it has no __drizzle_migrations table: not a portal database." });
    expect(restoreFrom(path.join(dir, "missing.db"), path.join(dir, "portal.db"), SEED_NOW)).toMatchObject({ ok: false });
    expect(fs.existsSync(path.join(dir, "portal.db"))).toBe(false);
  });

  it("keeps the backups of the last days and deletes older ones, never the new one or other files", () => {
    const dir = tempDir();
    const now = new Date("2026-12-15T02:00:00Z");
    const made = (at: string) => {
      const file = defaultBackupPath(path.join(dir, "portal.db"), new Date(at));
      fs.mkdirSync(path.dirname(file), { recursive: true });
      fs.writeFileSync(file, "");
      return file;
    };
    const newest = made("2026-12-15T02:00:00Z");
    made("2026-12-02T02:00:00Z");
    made("2026-12-01T02:00:01Z");
    made("2026-12-01T01:59:59Z");
    made("2026-11-20T02:00:00Z");
    fs.writeFileSync(path.join(dir, "backups", "notes.txt"), "");

    expect(pruneBackups(path.join(dir, "backups"), 14, now, newest)).toEqual(["portal-2026-11-20T02-00-00Z.db", "portal-2026-12-01T01-59-59Z.db"]);
    expect(fs.readdirSync(path.join(dir, "backups")).sort()).toEqual([
      "notes.txt",
      "portal-2026-12-01T02-00-01Z.db",
      "portal-2026-12-02T02-00-00Z.db",
      "portal-2026-12-15T02-00-00Z.db",
    ]);
    // Even a retention of one day never deletes the copy just made.
    expect(pruneBackups(path.join(dir, "backups"), 1, new Date("2027-06-01T00:00:00Z"), newest)).toHaveLength(2);
    expect(fs.existsSync(newest)).toBe(true);
  });
});
