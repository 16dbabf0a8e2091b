import { describe, expect, it } from "vitest";
import { ADDRESS_BUDGET, loginWait, UNDER_ATTACK_PAIR_BUDGET, underAttack, waitBeforeNextTry, waitMessage } from "./throttle";

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

  it("gives one address twenty failures over all accounts", () => {
    expect(waitBeforeNextTry(failures(19), at(0, 19), ADDRESS_BUDGET)).toBe(0);
    expect(waitBeforeNextTry(failures(20), at(0, 19), ADDRESS_BUDGET)).toBe(30_000);
  });

  it("under attack: two free failures, remembered for a day, waits up to an hour", () => {
    expect(waitBeforeNextTry(failures(1), at(0, 1), UNDER_ATTACK_PAIR_BUDGET)).toBe(0);
    expect(waitBeforeNextTry(failures(2), at(0, 1), UNDER_ATTACK_PAIR_BUDGET)).toBe(30_000);
    expect(waitBeforeNextTry(failures(20), at(0, 19), UNDER_ATTACK_PAIR_BUDGET)).toBe(60 * 60_000);
    expect(waitBeforeNextTry(failures(5), new Date(at(0).getTime() + 23 * 3_600_000), UNDER_ATTACK_PAIR_BUDGET)).toBe(0); // the wait has passed,
    expect(
      waitBeforeNextTry([...failures(5), new Date(at(0).getTime() + 23 * 3_600_000)], new Date(at(0).getTime() + 23 * 3_600_000), UNDER_ATTACK_PAIR_BUDGET),
    ).toBe(8 * 60_000); // but the failures still count
  });

  it("an account is under attack after ten failures from other addresses within a day", () => {
    expect(underAttack(failures(9), at(1))).toBe(false);
    expect(underAttack(failures(10), at(1))).toBe(true);
    expect(underAttack(failures(10), new Date(at(0).getTime() + 24 * 3_600_000 + 60_000))).toBe(false);
  });

  it("a login waits for the stricter of its pair and its address; others' failures only tighten the pair's budget", () => {
    const none: Date[] = [];
    expect(loginWait({ pair: none, otherAddresses: failures(50), address: none }, at(1))).toBe(0); // the owner, fresh
    expect(loginWait({ pair: failures(2), otherAddresses: failures(10), address: none }, at(0, 2))).toBe(29_000);
    expect(loginWait({ pair: failures(2), otherAddresses: failures(9), address: none }, at(0, 2))).toBe(0);
    expect(loginWait({ pair: none, otherAddresses: none, address: failures(20) }, at(0, 20))).toBe(29_000);
    expect(loginWait({ pair: failures(5), otherAddresses: none, address: null }, at(0, 5))).toBe(29_000);
  });

  it("says how long in plain Swedish", () => {
    expect(waitMessage(29_500)).toBe("För många misslyckade inloggningar. Vänta 30 sekunder och försök igen. Har du glömt lösenordet kan du be om ett nytt.");
    expect(waitMessage(60_000)).toMatch(/Vänta 1 minut och/);
    expect(waitMessage(14 * 60_000 + 1)).toMatch(/Vänta 15 minuter och/);
  });
});
