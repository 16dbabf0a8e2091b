/**
 * A count with its noun in the form Swedish uses for that count: "1 plats", "0 platser",
 * "3 platser". One helper, so no page says "1 platser kvar".
 */
export function countOf(n: number | string, one: string, many: string): string {
  const value = Number(n);
  return `${value} ${value === 1 ? one : many}`;
}
