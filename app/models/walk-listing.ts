import { addDays, isoWeekNumber, localDateOf, mondayOf, type LocalDate } from "../time/stockholm";

/**
 * How a teacher sees the open walk-and-talk times: the next one first, then the times week by
 * week, optionally only one contact person's. Pure, so the page's loader and its tests share it.
 */

type Host = { hostPersonId: number; hostName: string };
/** As the loader has it (a Date) or the page (the same instant as an ISO string). */
type Slot = Host & { startsAt: Date | string };

/** `year` is the ISO week's year (the year of its Thursday): week 1 of 2027 starts on 4 January. */
export type WeekOfSlots<S> = { week: number; year: number; monday: LocalDate; slots: S[] };

/** The slots in time order, a week at a time (Monday to Sunday in Stockholm). */
export function slotsByWeek<S extends Slot>(slots: S[]): WeekOfSlots<S>[] {
  const weeks: WeekOfSlots<S>[] = [];
  const time = (slot: S) => new Date(slot.startsAt).getTime();
  for (const slot of [...slots].sort((a, b) => time(a) - time(b))) {
    const date = localDateOf(new Date(slot.startsAt));
    const monday = mondayOf(date);
    const last = weeks.at(-1);
    if (last?.monday === monday) last.slots.push(slot);
    else weeks.push({ week: isoWeekNumber(date), year: Number(addDays(monday, 3).slice(0, 4)), monday, slots: [slot] });
  }
  return weeks;
}

/** The contact persons who have open times, by name, for the filter. */
export function hostsOf(slots: Host[]): { id: number; name: string }[] {
  const hosts = new Map<number, string>();
  for (const slot of slots) hosts.set(slot.hostPersonId, slot.hostName);
  return [...hosts].map(([id, name]) => ({ id, name })).sort((a, b) => a.name.localeCompare(b.name, "sv"));
}

/** The contact person a filter names, if she has open times; anything else shows everyone's. */
export function chosenHost(slots: Host[], value: string | null): number | null {
  const id = Number(value);
  return Number.isInteger(id) && slots.some((s) => s.hostPersonId === id) ? id : null;
}
