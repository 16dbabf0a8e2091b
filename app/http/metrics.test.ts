import { describe, expect, it } from "vitest";
import { mayReadMetrics } from "./metrics.js";

const TOKEN = "0123456789abcdef0123456789abcdef";
const direct = { forwarded: false, authorization: undefined, token: undefined };

describe("who may read /metrics", () => {
  it("this machine, directly over loopback (IPv4, IPv6, IPv4-mapped)", () => {
    for (const remoteAddress of ["127.0.0.1", "::1", "::ffff:127.0.0.1"]) expect(mayReadMetrics({ ...direct, remoteAddress })).toBe(true);
  });

  it("not another machine, and not a request the proxy forwards even though it connects from loopback", () => {
    expect(mayReadMetrics({ ...direct, remoteAddress: "10.1.2.3" })).toBe(false);
    expect(mayReadMetrics({ ...direct, remoteAddress: "::ffff:10.1.2.3" })).toBe(false);
    expect(mayReadMetrics({ ...direct, remoteAddress: "127.0.0.1", forwarded: true })).toBe(false);
    expect(mayReadMetrics({ ...direct, remoteAddress: undefined })).toBe(false);
  });

  it("with METRICS_TOKEN: the right bearer token from anywhere; a wrong one not even from loopback", () => {
    expect(mayReadMetrics({ remoteAddress: "10.1.2.3", forwarded: true, authorization: `Bearer ${TOKEN}`, token: TOKEN })).toBe(true);
    expect(mayReadMetrics({ remoteAddress: "10.1.2.3", forwarded: false, authorization: `Bearer ${TOKEN}x`, token: TOKEN })).toBe(false);
    expect(mayReadMetrics({ remoteAddress: "127.0.0.1", forwarded: false, authorization: "Bearer wrong", token: TOKEN })).toBe(false);
    expect(mayReadMetrics({ remoteAddress: "10.1.2.3", forwarded: false, authorization: undefined, token: TOKEN })).toBe(false);
  });

  it("a token sent where none is configured opens nothing", () => {
    expect(mayReadMetrics({ remoteAddress: "10.1.2.3", forwarded: false, authorization: "Bearer ", token: undefined })).toBe(false);
  });
});
