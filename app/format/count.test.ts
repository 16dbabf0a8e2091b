import { describe, expect, it } from "vitest";
import { countOf } from "./count";

describe("a count with its noun", () => {
  it.each([
    [0, "0 platser"],
    [1, "1 plats"],
    [2, "2 platser"],
    ["1", "1 plats"],
    ["12", "12 platser"],
  ])("%s reads %s", (n, text) => {
    expect(countOf(n, "plats", "platser")).toBe(text);
  });
});
