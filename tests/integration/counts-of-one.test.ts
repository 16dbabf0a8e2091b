import { createElement } from "react";
import { renderToStaticMarkup } from "react-dom/server";
import { MemoryRouter } from "react-router-dom";
import { describe, expect, it } from "vitest";
import { SlotList, type ListedSlot } from "../../app/components/walk/SlotList";
import { waitMessage } from "../../app/auth/throttle";

const groupWalk = (capacity: number, booked: number): ListedSlot => ({
  slotId: 1,
  startsAt: "2026-12-08T13:00:00.000Z",
  endsAt: "2026-12-08T13:30:00.000Z",
  capacity,
  booked,
  meetingPoint: "Vid fotbollsplanen",
  hostPersonId: 7,
  hostName: "Anna Berg",
  organisationName: "Vällingbyskolan",
  rank: 0,
  targetStage: null,
  targetTeam: null,
});
const listed = (slot: ListedSlot) => renderToStaticMarkup(createElement(MemoryRouter, null, createElement(SlotList, { slots: [slot], today: "2026-12-01" })));

describe("a count of one", () => {
  it("says 1 plats kvar on a group walk with one place left, and 2 platser kvar with two", () => {
    expect(listed(groupWalk(3, 2))).toContain("Gruppvandring, 1 plats kvar.");
    expect(listed(groupWalk(3, 1))).toContain("Gruppvandring, 2 platser kvar.");
  });

  it("says 1 sekund and 1 minut when the login waits that long", () => {
    expect(waitMessage(1_000)).toContain("Vänta 1 sekund ");
    expect(waitMessage(60_000)).toContain("Vänta 1 minut ");
  });
});
