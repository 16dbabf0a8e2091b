import fs from "node:fs";
import os from "node:os";
import path from "node:path";
import Database from "better-sqlite3";
import { eq } from "drizzle-orm";
import { afterEach, describe, expect, it } from "vitest";
import { atomic, keptUntilChange, openDatabase, setDbForTesting } from "../../app/db.server";
import { oncePerRequest, requestScope } from "../../app/http/request-scope.js";
import { callAdviceFor } from "../../app/models/who-to-call.server";
import { dutyLines } from "../../db/schema";
import { actorFor, db, SEED_NOW, useFreshDatabase } from "./db";

/**
 * Reads kept until the database changes (db.server.ts) must never show older data than the
 * database holds: a commit by this connection or by another process ends them.
 */
describe("reads kept until the database changes", () => {
  useFreshDatabase();

  it("reads once while nothing changes", () => {
    let reads = 0;
    const read = () => keptUntilChange("test", () => ++reads);
    expect([read(), read(), read()]).toEqual([1, 1, 1]);
  });

  it("reads again after a write through this connection", () => {
    let reads = 0;
    const read = () => keptUntilChange("test", () => ++reads);
    read();
    db.update(dutyLines).set({ phone: "+46850812345" }).run();
    expect(read()).toBe(2);
  });

  it("the duty phone shown on every page changes as soon as the coordinator saves a new number", () => {
    const teacher = actorFor("larare@vallingbyskolan.example");
    const before = callAdviceFor(teacher, SEED_NOW).options.find((o) => o.kind === "duty");
    expect(before?.kind === "duty" && before.phone).not.toBe("+46850812345");
    db.update(dutyLines).set({ phone: "+46850812345" }).where(eq(dutyLines.districtId, teacher.districtId)).run();
    const after = callAdviceFor(teacher, SEED_NOW).options.find((o) => o.kind === "duty");
    expect(after?.kind === "duty" && after.phone).toBe("+46850812345");
  });

  it("is not kept inside a transaction, which could still roll back", () => {
    let reads = 0;
    db.$client.transaction(() => {
      keptUntilChange("test", () => ++reads);
      keptUntilChange("test", () => ++reads);
    })();
    expect(reads).toBe(2);
  });

  it("kept values are frozen outside production, so a caller cannot change what others get", () => {
    const value = keptUntilChange("test", () => ({ list: [1, 2] }));
    expect(() => value.list.push(3)).toThrow(TypeError);
  });
});

describe("two connections to one file (two server processes)", () => {
  const dirs: string[] = [];
  const open: { close(): unknown }[] = [];
  afterEach(() => {
    setDbForTesting(undefined);
    for (const connection of open.splice(0)) connection.close();
    for (const dir of dirs.splice(0)) fs.rmSync(dir, { recursive: true, force: true });
  });

  /** The portal's connection (as getDb() returns it) and a plain one standing in for the other process. */
  function twoConnections() {
    const dir = fs.mkdtempSync(path.join(os.tmpdir(), "portal-kept-"));
    dirs.push(dir);
    const file = path.join(dir, "portal.db");
    const mine = openDatabase(file);
    setDbForTesting(mine);
    const other = new Database(file);
    other.pragma("busy_timeout = 0");
    open.push(other, mine.$client);
    other.exec("CREATE TABLE scratch (x)");
    return { mine, other };
  }

  it("reads again after another connection (another server process) commits", () => {
    const { other } = twoConnections();
    let reads = 0;
    const read = () => keptUntilChange("test", () => ++reads);
    expect([read(), read()]).toEqual([1, 1]);
    other.prepare("INSERT INTO scratch VALUES (1)").run();
    expect(read()).toBe(2);
  });

  it("a model function made atomic holds the write lock from its first read, and its inner transactions become savepoints", () => {
    const { mine, other } = twoConnections();
    const bookOnce = atomic((fail: boolean) => {
      const before = (mine.$client.prepare("SELECT count(*) AS n FROM scratch").get() as { n: number }).n;
      expect(() => other.prepare("INSERT INTO scratch VALUES ('other')").run()).toThrow(/database is locked/);
      try {
        mine.transaction(() => {
          mine.$client.prepare("INSERT INTO scratch VALUES ('inner')").run();
          if (fail) throw new Error("refused");
        });
      } catch {
        // the inner step is undone, the outer goes on
      }
      mine.$client.prepare("INSERT INTO scratch VALUES ('outer')").run();
      return before;
    });
    expect(bookOnce(true)).toBe(0);
    expect(other.prepare("SELECT x FROM scratch ORDER BY rowid").all()).toEqual([{ x: "outer" }]);
  });

  it("a transaction holds the write lock from its start, so what it read cannot change before it writes", () => {
    const { mine, other } = twoConnections();
    mine.transaction(() => {
      mine.$client.prepare("SELECT count(*) FROM scratch").get();
      expect(() => other.prepare("INSERT INTO scratch VALUES (1)").run()).toThrow(/database is locked/);
    });
    other.prepare("INSERT INTO scratch VALUES (1)").run(); // free again once it commits
    expect(other.prepare("SELECT count(*) AS n FROM scratch").get()).toEqual({ n: 1 });
  });
});

describe("once per request", () => {
  const get = new Request("http://localhost/");
  const post = new Request("http://localhost/", { method: "POST" });

  it("a page load's loaders share one answer", () => {
    let computed = 0;
    requestScope.run(new Map(), () => {
      oncePerRequest(get, "k", () => ++computed);
      oncePerRequest(get, "k", () => ++computed);
    });
    expect(computed).toBe(1);
  });

  it("separate requests do not", () => {
    let computed = 0;
    requestScope.run(new Map(), () => oncePerRequest(get, "k", () => ++computed));
    requestScope.run(new Map(), () => oncePerRequest(get, "k", () => ++computed));
    expect(computed).toBe(2);
  });

  it("an action and the loaders after it do not (the action may change what they see)", () => {
    let computed = 0;
    requestScope.run(new Map(), () => {
      oncePerRequest(post, "k", () => ++computed);
      oncePerRequest(post, "k", () => ++computed);
    });
    expect(computed).toBe(2);
  });
});
