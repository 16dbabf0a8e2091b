import { describe, expect, it } from "vitest";
import { waitBeforeNextTry, waitMessage } from "./throttle";

const at = (minute: number, second = 0) => new Date(Date.UTC(2026, 11, 1, 9, minute, second));
const failures = (n: number) => Array.from({ length: n }, (_, i) => at(0, i));

describe("login throttling", () => {
  it("lets the first five tries through", () => {
    expect(waitBeforeNextTry(failures(4), at(0, 5))).toBe(0);
  });

  it("makes the sixth try wait 30 seconds from the fifth failure, doubling after each one more", () => {
    expect(waitBeforeNextTry(failures(5), at(0, 4))).toBe(30_000);
    expect(waitBeforeNextTry(failures(5), at(0, 34))).toBe(0);
    expect(waitBeforeNextTry(failures(6), at(0, 5))).toBe(60_000);
    expect(waitBeforeNextTry(failures(7), at(0, 6))).toBe(120_000);
  });

  it("waits at most 15 minutes, and forgets failures older than an hour", () => {
    expect(waitBeforeNextTry(failures(20), at(0, 19))).toBe(15 * 60_000);
    expect(waitBeforeNextTry(failures(20), at(61))).toBe(0);
  });

  it("says how long in plain Swedish", () => {
    expect(waitMessage(29_500)).toBe("För många misslyckade inloggningar. Vänta 30 sekunder och försök igen. Har du glömt lösenordet kan du be om ett nytt.");
    expect(waitMessage(60_000)).toMatch(/Vänta 1 minut och/);
    expect(waitMessage(14 * 60_000 + 1)).toMatch(/Vänta 15 minuter och/);
  });
});
