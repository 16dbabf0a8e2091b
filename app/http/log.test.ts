import { describe, expect, it } from "vitest";
import { errorForLog } from "./log.js";

describe("what a log line says about an error", () => {
  it("its kind, code and stack frames, never its message, even one that looks like a stack frame", () => {
    const error = Object.assign(new Error("Failed query: insert into people values (?)\n    at params: larare@vallingbyskolan.example"), {
      code: "SQLITE_CONSTRAINT",
    });
    const logged = errorForLog(error);
    expect(logged).toMatchObject({ type: "Error", code: "SQLITE_CONSTRAINT" });
    expect(logged.stack).toMatch(/^\s+at .*log\.test\.ts/m);
    expect(JSON.stringify(logged)).not.toContain("larare@");
    expect(JSON.stringify(logged)).not.toContain("Failed query");
  });

  it("the cause's kind too, and something that is no Error by its type only", () => {
    const wrapped = new Error("outer larare@x.example", { cause: Object.assign(new Error("inner"), { code: "SQLITE_FULL" }) });
    expect(errorForLog(wrapped).cause).toMatchObject({ type: "Error", code: "SQLITE_FULL" });
    expect(errorForLog("larare@vallingbyskolan.example")).toEqual({ type: "string" });
  });
});
