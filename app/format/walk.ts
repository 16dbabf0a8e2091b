import type { WalkTopic } from "../../db/schema";
import { formatDate, formatTime } from "./dates";
import { localDateOf } from "../time/stockholm";

export const walkTopicLabel: Record<WalkTopic, string> = {
  general: "En allmän fråga",
  concern: "Oro för ett barn (utan namn)",
  guardians: "Hur jag pratar med vårdnadshavare",
  other: "Något annat",
};

/** "tisdag 8 december kl. 14.30–15.00" */
export function formatSlot(startsAt: Date | string, endsAt: Date | string, today: string): string {
  const start = new Date(startsAt);
  return `${formatDate(localDateOf(start), today)} kl. ${formatTime(start)}–${formatTime(new Date(endsAt))}`;
}

/** "måndag 7 december kl. 12.00" */
export function formatInstant(instant: Date | string, today: string): string {
  const at = new Date(instant);
  return `${formatDate(localDateOf(at), today)} kl. ${formatTime(at)}`;
}
