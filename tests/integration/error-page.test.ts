/**
 * What a person sees and what the log gets when a page fails unexpectedly: the page says so in
 * Swedish with the request id to quote, never the error; the log line has the same id, the
 * error's kind and stack, and not its message (a failed query quotes its parameters). Through
 * Remix's own request handler with the portal's root and entry, wrapped as app/server.js wraps
 * the build.
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
import { notFound } from "../../app/auth/guard.server";
import { BASE } from "./http";
import { portalBuild } from "./remix-build";

const SECRET_DETAIL = "Failed query: select * from people where email = ? params: larare@vallingbyskolan.example";

const handle = createRequestHandler(
  answerFailuresPlainly(
    portalBuild({
      "routes/trasig": {
        path: "trasig",
        module: {
          loader: () => {
            throw new Error(SECRET_DETAIL);
          },
          default: () => null,
        },
      },
      "routes/saknas": {
        path: "saknas",
        module: {
          loader: () => {
            throw notFound();
          },
          default: () => null,
        },
      },
      "routes/ritas-inte": {
        path: "ritas-inte",
        module: {
          loader: () => null,
          default: () => {
            throw new Error(SECRET_DETAIL);
          },
        },
      },
    }),
  ),
  "production",
);

/** A request with a logger that keeps its lines, as app/server.js gives every request one bound to its id. */
async function request(path: string) {
  const lines: Record<string, unknown>[] = [];
  const logger = pino({ level: "info" }, { write: (line: string) => void lines.push(JSON.parse(line) as Record<string, unknown>) });
  const requestId = "4f0c2a9e-test-0001";
  const response = await handle(new Request(`${BASE}${path}`), { cspNonce: "test", requestId, log: logger.child({ requestId }) });
  return { response, text: await response.text(), lines, requestId };
}

describe("an unexpected error", () => {
  it("in a loader: the page says so with the request id to quote, and the log has the error under that id without its message", async () => {
    const { response, text, lines, requestId } = await request("/trasig");

    expect(response.status).toBe(500);
    expect(text).toContain("Något gick fel");
    expect(text).toContain(`ange felkoden <code class="request-id">${requestId}</code>`);
    expect(text).not.toContain("larare@");
    expect(text).not.toContain("Failed query");

    expect(lines).toHaveLength(1);
    const [line] = lines;
    expect(line).toMatchObject({ level: 50, requestId, route: "routes/trasig", during: "loader", err: { type: "Error" } });
    expect((line?.err as { stack: string }).stack).toMatch(/^\s+at .*error-page\.test\.ts/m);
    expect(JSON.stringify(lines)).not.toContain("larare@");
    expect(JSON.stringify(lines)).not.toContain("Failed query");
  });

  it("in a data request (JavaScript on): 500 with only the request id, for the same page", async () => {
    const { response, text, requestId } = await request(`/trasig?_data=${encodeURIComponent("routes/trasig")}`);

    expect(response.status).toBe(500);
    expect(response.headers.get("X-Remix-Catch")).toBe("yes");
    expect(JSON.parse(text)).toEqual({ unexpected: true, requestId });
  });

  it("while the page is drawn: logged under the request id, without the message, and the page is the plain error page", async () => {
    const { response, text, lines, requestId } = await request("/ritas-inte");

    expect(response.status).toBe(500);
    expect(text).toContain("Något gick fel");
    expect(text).not.toContain("larare@");
    expect(lines.length).toBeGreaterThan(0);
    expect(lines.every((line) => line.requestId === requestId && (line.err as { type?: string }).type === "Error")).toBe(true);
    expect(JSON.stringify(lines)).not.toContain("larare@");
  });

  it("a refusal (404) is no error: answered as before, nothing logged", async () => {
    const { response, text, lines } = await request("/saknas");

    expect(response.status).toBe(404);
    expect(text).toContain("Sidan finns inte");
    expect(text).not.toContain("felkoden");
    expect(lines).toEqual([]);
  });
});
