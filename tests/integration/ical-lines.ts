/** The content lines of iCalendar text, unfolded, split at every kind of line break a calendar program or a mail transport may honour. */
export function contentLines(text: string): string[] {
  return text
    .replace(/\r\n[ \t]/g, "")
    .split(/\r\n|\r|\n|\u2028|\u2029/)
    .filter((l) => l !== "");
}
