/**
 * The walk-and-talk list a teacher sees: the next open time first, then the times week by week
 * with the contact person leading each row, and a filter by contact person that is a plain GET
 * parameter (it works without JavaScript).
 */
import { vi } from "vitest";

// entry.server starts the scheduler when imported; these tests want no timer.
vi.hoisted(() => {
  process.env.SCHEDULER = "off";
});

import { createRequestHandler } from "@remix-run/node";
import { describe, expect, it } from "vitest";
import type { ListedSlot } from "../../app/components/walk/SlotList";
import * as walkAndTalk from "../../app/routes/walk-and-talk._index";
import { personId, useFreshDatabase } from "./db";
import { args, BASE, get, sessionCookie } from "./http";
import { portalBuild } from "./remix-build";

const loader = walkAndTalk.loader;
const page = createRequestHandler(portalBuild({ "routes/walk-and-talk._index": { path: "walk-and-talk", module: walkAndTalk } }), "production");

useFreshDatabase();

type PartnerView = { view: "partner"; slots: ListedSlot[]; hosts: { id: number; name: string }[]; chosenHost: number | null; today: string };

async function teachersList(query = "") {
  const cookie = await sessionCookie("larare@vallingbyskolan.example");
  return JSON.parse(JSON.stringify(await loader(args(get(`/walk-and-talk${query}`, cookie))))) as PartnerView;
}

describe("a teacher's open walk-and-talk times", () => {
  it("can be narrowed to one contact person by ?kontaktperson=, and an unknown one shows everyone's", async () => {
    const all = await teachersList();
    expect(all.hosts.length).toBeGreaterThan(1);
    expect(new Set(all.slots.map((s) => s.hostPersonId)).size).toBe(all.hosts.length);

    const anna = personId("socialsekreterare@hv.example");
    const hers = await teachersList(`?kontaktperson=${anna}`);
    expect(hers.chosenHost).toBe(anna);
    expect(hers.slots.length).toBeGreaterThan(0);
    expect(hers.slots.every((s) => s.hostName === "Anna Berg")).toBe(true);
    expect(hers.hosts, "the filter still offers everyone").toEqual(all.hosts);

    for (const query of ["?kontaktperson=999999", "?kontaktperson=anna", `?kontaktperson=${personId("rektor@vallingbyskolan.example")}`]) {
      const shown = await teachersList(query);
      expect(shown.chosenHost, query).toBeNull();
      expect(shown.slots, query).toEqual(all.slots);
    }
  });

  it("show the next time first and then each week under its number, the contact person leading every row", async () => {
    const list = await teachersList();
    const cookie = await sessionCookie("larare@vallingbyskolan.example");
    const response = await page(new Request(`${BASE}/walk-and-talk`, { headers: { Cookie: cookie } }), { cspNonce: "test" });
    expect(response.status).toBe(200);
    const html = (await response.text()).replaceAll("<!-- -->", "");
    const first = list.slots[0]!;
    expect(html.indexOf("Nästa lediga tid:")).toBeGreaterThan(-1);
    expect(html.indexOf("Nästa lediga tid:")).toBeLessThan(html.indexOf("Vecka "));
    expect(html).toContain(`med ${first.hostName}.`);
    // The first open time is on Wednesday 9 December: week 50, from Monday 7 December.
    expect(html).toMatch(/<h3 id="week-2026-12-07">Vecka 50<\/h3>/);
    expect(html).toMatch(new RegExp(`<strong>${list.slots[0]!.hostName}</strong>, `));
    expect(html).toContain('name="kontaktperson"');
    expect(html).toContain("Alla kontaktpersoner");
    // Every open time is listed once under its week (the next one is also named above them).
    expect(html.match(/<li class="slot">/g)?.length).toBe(list.slots.length);
  });
});
