import type { LoaderFunctionArgs } from "@remix-run/node";
import { dutyFeedFor } from "../calendar/duty-feed.server";
import { now } from "../clock.server";

/**
 * A social worker's own calendar as an iCal feed for Outlook and other calendars: duty days,
 * the walk-and-talks she hosts and her meetings. No login: the secret token in the address is
 * the key (only its hash is stored); renewing it ends the old address.
 */
export function loader({ params }: LoaderFunctionArgs) {
  const token = (params.token ?? "").replace(/\.ics$/, "");
  const feed = dutyFeedFor(token, now());
  if (feed === null) return new Response("Kalendern finns inte.\n", { status: 404, headers: { "Content-Type": "text/plain; charset=utf-8" } });
  return new Response(feed, {
    headers: {
      "Content-Type": "text/calendar; charset=utf-8",
      "Content-Disposition": 'inline; filename="jourdagar.ics"',
      "Cache-Control": "private, max-age=300",
    },
  });
}
