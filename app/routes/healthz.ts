import type { LoaderFunctionArgs } from "@remix-run/node";
import { getDb } from "../db.server";
import { errorForLog, log } from "../http/log.js";
import { readinessProblems } from "../ops/readiness.server";

const TEXT = { "Content-Type": "text/plain; charset=utf-8", "Cache-Control": "no-store" };

/**
 * For monitoring, no login needed. `/healthz` (liveness): 200 when the database answers.
 * `/healthz?ready` (readiness): also 503 when migrations are missing or mail has been stuck in
 * the outbox for more than 15 minutes, saying which (docs/deploy.md).
 */
export function loader({ request }: LoaderFunctionArgs) {
  const ready = new URL(request.url).searchParams.has("ready");
  try {
    if (!ready) {
      getDb().$client.prepare("SELECT 1").get();
      return new Response("ok\n", { headers: TEXT });
    }
    const problems = readinessProblems();
    if (problems.length > 0) return new Response(`not ready: ${problems.join("; ")}\n`, { status: 503, headers: TEXT });
    return new Response("ready\n", { headers: TEXT });
  } catch (error) {
    log.error({ err: errorForLog(error) }, "healthz: the database did not answer");
    return new Response("database unavailable\n", { status: 503, headers: TEXT });
  }
}
