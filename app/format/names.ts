/** "Anna Berg" → "AB"; the face on a contact card when there is no photo. */
export function initials(name: string): string {
  const parts = name
    .trim()
    .split(/[\s-]+/u)
    .filter(Boolean);
  if (parts.length === 0) return "?";
  const first = parts[0]!;
  const last = parts.length > 1 ? parts[parts.length - 1]! : "";
  return (Array.from(first)[0]! + (last ? Array.from(last)[0]! : "")).toLocaleUpperCase("sv-SE");
}
