/**
 * A request Remix itself refuses (a POST to a page without a form, a data request for a route
 * that is not there) is the client's mistake, not the portal's: anyone can send one, so none
 * may write an error line. Through Remix's own request handler with the portal's root and entry.
 */
import { vi } from "vitest";

// entry.server starts the scheduler when imported; these tests want no timer.
vi.hoisted(() => {
  process.env.SCHEDULER = "off";
});

import { createRequestHandler } from "@remix-run/node";
import pino from "pino";
import { describe, expect, it } from "vitest";
import { answerFailuresPlainly } from "../../app/http/route-failures.js";
import { BASE } from "./http";
import { portalBuild } from "./remix-build";

const handle = createRequestHandler(
  answerFailuresPlainly(portalBuild({ "routes/sida": { path: "sida", module: { loader: () => null, default: () => null } } })),
  "production",
);

async function request(path: string, init: RequestInit = {}) {
  const lines: Record<string, unknown>[] = [];
  const logger = pino({ level: "info" }, { write: (line: string) => void lines.push(JSON.parse(line) as Record<string, unknown>) });
  const requestId = "4f0c2a9e-test-0002";
  const response = await handle(new Request(`${BASE}${path}`, init), { cspNonce: "test", requestId, log: logger.child({ requestId }) });
  await response.text();
  return { status: response.status, lines };
}

describe("a request Remix refuses", () => {
  it("a POST to a page without a form: 405, and no error in the log", async () => {
    const { status, lines } = await request("/sida", { method: "POST", body: new URLSearchParams({ a: "b" }) });
    expect(status).toBe(405);
    expect(lines).toEqual([]);
  });

  it("a data request for a route that is not there: 403, and no error in the log", async () => {
    const { status, lines } = await request(`/sida?_data=${encodeURIComponent("routes/finns-inte")}`);
    expect(status).toBe(403);
    expect(lines).toEqual([]);
  });
});
