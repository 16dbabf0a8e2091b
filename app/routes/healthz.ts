import { getDb } from "../db.server";

/** For monitoring: answers 200 when the database answers. Needs no login. */
export function loader() {
  try {
    getDb().$client.prepare("SELECT 1").get();
    return new Response("ok\n", { headers: { "Content-Type": "text/plain; charset=utf-8", "Cache-Control": "no-store" } });
  } catch (error) {
    console.error("healthz: database check failed", error);
    return new Response("database unavailable\n", { status: 503, headers: { "Content-Type": "text/plain; charset=utf-8" } });
  }
}
