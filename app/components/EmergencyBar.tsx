import type { CallOption } from "../models/who-to-call";
import { CallOptionText } from "./CallOptions";

/**
 * Always visible on every page: the best way to reach social services right now (for a
 * logged-in person) and what to do when a child is in acute danger.
 */
export function EmergencyBar({ first, today }: { first?: CallOption | undefined; today?: string | undefined }) {
  return (
    <aside className="emergency-bar" aria-label="Vem ringer jag?">
      <p>
        {first && first.kind !== "emergency" && today ? (
          <span className="emergency-bar__now">
            Just nu: <CallOptionText option={first} today={today} />{" "}
          </span>
        ) : null}
        <span>
          Är ett barn i akut fara? Ring <a href="tel:112">112</a>.
        </span>
      </p>
    </aside>
  );
}
