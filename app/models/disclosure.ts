/**
 * Which counts a page of figures must hide so that no small count (1–4) can be worked out:
 * statistical disclosure control as official statistics do it, for the follow-up pages.
 *
 * A page is a set of counts and the sums that tie them together (a month's total is its
 * anonymous plus its consent questions; the twelve months add up to the same year as the
 * organisations do). Some counts are printed, some only through a percentage, some never (the
 * difference between two printed counts, the year's total): a reader can still work them out,
 * so they are part of the page too.
 *
 * - **Primary suppression**: every sensitive count of 1–4 that would be printed is hidden
 *   ("small"), and a count of 1–4 that is never printed must not be derivable either.
 * - **Secondary suppression**: while some hidden count can still be pinned down from the
 *   printed ones and the sums, another printed count is hidden ("complement"), chosen the same
 *   way every time, until nothing hidden can be pinned down.
 * - **Zero** is printed: it says that nobody is counted, which singles out nobody. A reader
 *   therefore knows every printed zero, and knows that a hidden printed count is not zero.
 * - The complements chosen are the fewest cells that do, a percentage before a count, a figure a
 *   chart draws last, then the smallest, then the first on the page.
 *
 * What the reader knows about a hidden cell is what the page says about it: "färre än 5" is
 * 1–4, a hidden complement is 5 or more (everything from 1 to 4 is marked "färre än 5"), a
 * count printed only through a hidden percentage or never printed is any whole number 0 or
 * more, and the base of a median is 0, 1–4 or 5 or more (the median shows which). A hidden
 * cell counts as safe when another whole-number solution of all the sums exists that keeps
 * every printed cell and gives the hidden cell another value (a witness, found by a short
 * search; when the search finds none the cell counts as exposed, so the rule errs towards
 * hiding more, never less).
 *
 * Out of scope, as in official practice: a reader who reasons from how the complements were
 * chosen, and pages of different dates compared with each other (decision record 013).
 */

export const SMALL_COUNT = 5;

/** A count of 1–4: one that may not be shown or worked out. Zero is not small. */
export function isSmall(n: number): boolean {
  return n > 0 && n < SMALL_COUNT;
}

/**
 * How a count reaches the reader.
 * - `count`: printed in a table cell.
 * - `share`: printed only as the numerator of a percentage (whose base is another cell).
 * - `band`: never printed, but the page tells whether it is 0, 1–4 or 5 or more (the base of a median).
 * - `derived`: never printed; only the sums say anything about it (a difference, the year's total).
 * - `public`: known to anyone whatever the page shows (working days in a calendar).
 */
export type Publication = "count" | "share" | "band" | "derived" | "public";

export type CountCell = {
  id: string;
  value: number;
  publication: Publication;
  /** For a `share`: the cell its percentage is taken of. The percentage is printed only when both are known. */
  whole?: string;
  /** False for a count that describes no group (a slack in an inequality); it may then be worked out. Default true. */
  sensitive?: boolean;
  /** Hide this cell for protection only after every other candidate (a figure a chart draws). */
  keep?: boolean;
};

/** The cells in `total` add up to the same as the cells in `parts` (usually one total). */
export type Sum = { total: string[]; parts: string[] };

/** Why a printed cell is hidden: it is 1–4 itself, or it would let someone work out one that is. */
export type Hiding = "small" | "complement";

type Domain = readonly [number, number];
const ANY: Domain = [0, Infinity];
const SMALL: Domain = [1, SMALL_COUNT - 1];
const LARGE: Domain = [SMALL_COUNT, Infinity];

/** Steps one witness search may take before the cell counts as exposed. */
const SEARCH_BUDGET = 4000;
/** Printed cells one move may pass through, to be hidden with it. */
const MOST_OPENED = 4;

type Model = {
  cells: CountCell[];
  index: Map<string, number>;
  /** Per sum: [cell, +1 for the total side or -1 for the parts side]. */
  sums: [number, number][][];
  /** Per cell: [sum, coefficient] for every sum it is in. */
  memberships: [number, number][][];
  whole: number[];
};

function model(cells: CountCell[], sums: Sum[]): Model {
  const index = new Map<string, number>();
  cells.forEach((c, i) => {
    if (index.has(c.id)) throw new Error(`Two cells are called ${c.id}`);
    if (!Number.isInteger(c.value) || c.value < 0) throw new Error(`Cell ${c.id} is not a count: ${c.value}`);
    // A printed count of 1–4 is always marked "färre än 5", so only unprinted cells may be non-sensitive.
    if (c.sensitive === false && c.publication !== "derived") throw new Error(`Cell ${c.id}: only a derived cell can be non-sensitive`);
    index.set(c.id, i);
  });
  const at = (id: string) => {
    const i = index.get(id);
    if (i === undefined) throw new Error(`No cell ${id}`);
    return i;
  };
  const memberships: [number, number][][] = cells.map(() => []);
  const terms = sums.map((s, r) => {
    const row = new Map<number, number>();
    for (const id of s.total) row.set(at(id), (row.get(at(id)) ?? 0) + 1);
    for (const id of s.parts) row.set(at(id), (row.get(at(id)) ?? 0) - 1);
    const list = [...row.entries()].filter(([, coefficient]) => coefficient !== 0);
    if (list.some(([, coefficient]) => Math.abs(coefficient) !== 1)) throw new Error(`Sum ${r} counts a cell twice`);
    const balance = list.reduce((n, [c, coefficient]) => n + coefficient * cells[c]!.value, 0);
    if (balance !== 0) throw new Error(`Sum ${[...s.total].join("+")} = ${[...s.parts].join("+")} does not hold (off by ${balance})`);
    for (const [c, coefficient] of list) memberships[c]!.push([r, coefficient]);
    return list;
  });
  const whole = cells.map((c) => {
    if (c.publication !== "share") return -1;
    const w = at(c.whole ?? "");
    // A percentage of a figure the page does not print would say more than this model knows.
    if (cells[w]!.publication !== "count" && cells[w]!.publication !== "public")
      throw new Error(`Cell ${c.id}: a percentage must be taken of a printed or public count`);
    return w;
  });
  return { cells, index, sums: terms, memberships, whole };
}

/** Is the cell's exact value on the page (printed, or printed through its percentage)? */
function known(m: Model, hidden: ReadonlySet<number>, c: number): boolean {
  const cell = m.cells[c]!;
  switch (cell.publication) {
    case "public":
      return true;
    case "count":
      return !hidden.has(c);
    case "share":
      return !hidden.has(c) && known(m, hidden, m.whole[c]!);
    case "band":
      return cell.value === 0;
    case "derived":
      return false;
  }
}

/** What the page tells about a cell it does not print exactly ("färre än 5", "dolt", a median's "för få"). */
function domain(cell: CountCell): Domain {
  if (cell.publication === "count" || cell.publication === "band") return isSmall(cell.value) ? SMALL : LARGE;
  return ANY;
}

/** Cells that must not be pinned down: every sensitive 1–4, and every printed cell hidden for protection. */
function mustStayOpen(m: Model, hidden: ReadonlySet<number>, c: number): boolean {
  if (known(m, hidden, c)) return false;
  const cell = m.cells[c]!;
  if (cell.sensitive !== false && isSmall(cell.value)) return true;
  return hidden.has(c);
}

/** A printed cell that hiding could open: a count or a percentage's count, not zero, not hidden yet. */
function openable(m: Model, hidden: ReadonlySet<number>, c: number): boolean {
  const cell = m.cells[c]!;
  return (cell.publication === "count" || cell.publication === "share") && cell.value > 0 && !hidden.has(c) && known(m, hidden, c);
}

/** The order in which printed cells are hidden for protection: a percentage before a count, a chart's figure last, then the smallest, then page order. */
function cost(m: Model, c: number): number[] {
  const cell = m.cells[c]!;
  return [cell.keep ? 1 : 0, cell.publication === "share" ? 0 : 1, cell.value, c];
}
const cheaper = (a: number[], b: number[]) => {
  for (let i = 0; i < a.length; i++) if (a[i] !== b[i]) return a[i]! - b[i]!;
  return 0;
};

/**
 * Is there another solution of every sum that keeps all known cells, keeps each unknown one
 * within what the page says of it, and moves cell `x`? Searches moves of one unit: `x` up or
 * down by one, then each sum it unbalances rebalanced by one other unknown cell, and so on.
 * With an `allowance`, the move may also pass through up to that many printed cells, which
 * would then have to be hidden: the answer is the cheapest such set the search meets (none
 * when the page already protects `x`), or null when no move was found.
 */
function witness(m: Model, hidden: ReadonlySet<number>, x: number, allowance = 0): number[] | null {
  const free = m.cells.map((_, c) => !known(m, hidden, c));
  const domains = m.cells.map(domain);
  const fits = (c: number, step: number) => {
    const v = m.cells[c]!.value + step;
    return v >= domains[c]![0] && v <= domains[c]![1];
  };
  // Hiding a count hides the percentages taken of it.
  const sharesOf = m.cells.map(() => [] as number[]);
  m.whole.forEach((w, c) => {
    if (w >= 0) sharesOf[w]!.push(c);
  });
  let cheapest: number[] | null = null;
  const price = (set: number[]) => [set.length, set.filter((c) => m.cells[c]!.keep).length, set.reduce((n, c) => n + m.cells[c]!.value, 0)];
  for (const first of [1, -1]) {
    if (!fits(x, first)) continue;
    const moved = new Map<number, number>();
    const opened: number[] = [];
    const imbalance = new Array<number>(m.sums.length).fill(0);
    const unbalanced = new Set<number>();
    let budget = SEARCH_BUDGET;
    const shift = (c: number, step: number) => {
      for (const [r, coefficient] of m.memberships[c]!) {
        imbalance[r]! += coefficient * step;
        if (imbalance[r] === 0) unbalanced.delete(r);
        else unbalanced.add(r);
      }
    };
    const open = (c: number): number[] => {
      opened.push(c);
      const freed = [c, ...sharesOf[c]!.filter((s) => !free[s])];
      for (const f of freed) free[f] = true;
      return freed;
    };
    const close = (freed: number[]) => {
      opened.pop();
      for (const f of freed) free[f] = false;
    };
    const rebalance = (): boolean => {
      if (--budget < 0) return false;
      // The unbalanced sum with the fewest ways to rebalance it first: dead ends show early.
      let best: [number, number, boolean][] | undefined;
      for (const r of unbalanced) {
        const off = imbalance[r]!;
        const options: [number, number, boolean][] = [];
        for (const [c, coefficient] of m.sums[r]!) {
          if (moved.has(c)) continue;
          const step = -Math.sign(off) * coefficient;
          if (free[c]) {
            if (fits(c, step)) options.push([c, step, false]);
          } else if (opened.length < allowance && openable(m, hidden, c) && fits(c, step)) options.push([c, step, true]);
        }
        if (options.length === 0) return false;
        if (!best || options.length < best.length) best = options;
      }
      if (!best) {
        if (opened.length === 0) return true;
        // A move through printed cells: remember the cheapest, and look on while the budget lasts.
        if (!cheapest || cheaper(price(opened), price(cheapest)) < 0) cheapest = [...opened];
        return false;
      }
      // Unknown cells first, those in fewer sums first (they close a move sooner); then the cheapest printed cells.
      best.sort(
        (a, b) =>
          Number(a[2]) - Number(b[2]) ||
          (a[2] ? cheaper(cost(m, a[0]), cost(m, b[0])) : m.memberships[a[0]]!.length - m.memberships[b[0]]!.length || a[0] - b[0]),
      );
      for (const [c, step, opening] of best) {
        const freed = opening ? open(c) : [];
        moved.set(c, step);
        shift(c, step);
        if (rebalance()) return true;
        shift(c, -step);
        moved.delete(c);
        if (opening) close(freed);
        if (budget < 0) return false;
      }
      return false;
    };
    moved.set(x, first);
    shift(x, first);
    if (rebalance()) return [];
  }
  return cheapest;
}

const hasWitness = (m: Model, hidden: ReadonlySet<number>, x: number) => witness(m, hidden, x) !== null;

/** The printed cells next to the unknown cells reachable from `start` through sums, cheapest first. */
function candidatesAround(m: Model, hidden: ReadonlySet<number>, start: number): number[] {
  const seen = new Set([start]);
  const queue = [start];
  const candidates = new Set<number>();
  while (queue.length) {
    const c = queue.pop()!;
    for (const [r] of m.memberships[c]!) {
      for (const [other] of m.sums[r]!) {
        if (seen.has(other)) continue;
        if (!known(m, hidden, other)) {
          seen.add(other);
          queue.push(other);
        } else if (openable(m, hidden, other)) candidates.add(other);
      }
    }
  }
  return [...candidates].sort((a, b) => cheaper(cost(m, a), cost(m, b)));
}

/**
 * The printed cells (`count` and `share`) to hide, and why. Deterministic: the same page
 * gives the same answer. Throws when a sum does not hold, since the page would then be wrong.
 */
export function protect(cells: CountCell[], sums: Sum[]): Map<string, Hiding> {
  const m = model(cells, sums);
  const hidden = new Set<number>();
  cells.forEach((cell, c) => {
    if ((cell.publication === "count" || cell.publication === "share") && cell.sensitive !== false && isSmall(cell.value)) hidden.add(c);
  });
  const open = new Set<number>();
  for (;;) {
    let exposed = -1;
    for (let c = 0; c < cells.length && exposed < 0; c++) {
      if (open.has(c) || !mustStayOpen(m, hidden, c)) continue;
      if (hasWitness(m, hidden, c)) open.add(c);
      else exposed = c;
    }
    if (exposed < 0) break;
    // The fewest printed cells whose hiding opens a move, cheapest first.
    let complements: number[] | null = null;
    for (let allowance = 1; allowance <= MOST_OPENED && !complements; allowance++) complements = witness(m, hidden, exposed, allowance);
    if (!complements) {
      // No short move found: hide the cheapest neighbour and look again.
      const candidates = candidatesAround(m, hidden, exposed);
      if (candidates.length === 0) {
        // Only zeros and public figures pin it: nothing printed can be hidden to help.
        open.add(exposed);
        continue;
      }
      complements = [candidates[0]!];
    }
    for (const c of complements) hidden.add(c);
  }
  const result = new Map<string, Hiding>();
  for (const c of hidden) result.set(cells[c]!.id, isSmall(cells[c]!.value) && cells[c]!.sensitive !== false ? "small" : "complement");
  return result;
}

/**
 * The cells a reader could still pin down although they must not: empty when `hidden` protects
 * the page. For tests and for checking a suppression made elsewhere.
 */
export function exposedCells(cells: CountCell[], sums: Sum[], hiding: ReadonlyMap<string, Hiding>): string[] {
  const m = model(cells, sums);
  const hidden = new Set([...hiding.keys()].map((id) => m.index.get(id)!));
  return cells.filter((_, c) => mustStayOpen(m, hidden, c) && !hasWitness(m, hidden, c)).map((c) => c.id);
}
