import { describe, expect, it } from "vitest";
import { whoIsToldOfQuestion, type QuestionCandidate } from "./question-routing";

// A school (1) with lågstadiet (10) and högstadiet (13); a preschool unit (5) with a preschool (6).
const LOW = 10;
const HIGH = 13;
const person = (personId: number, organisationId: number, schoolPartIds: number[], canAnswerNow = true): QuestionCandidate => ({
  personId,
  name: `P${personId}`,
  email: `p${personId}@hv.example`,
  organisationId,
  schoolPartIds,
  canAnswerNow,
});
const duty = { personId: 99, name: "Jour", email: "jour@hv.example" };
const told = (candidates: QuestionCandidate[], asker: { organisationId: number; schoolPartId: number | null }, onDuty = duty) => {
  const r = whoIsToldOfQuestion(candidates, asker, onDuty);
  return { told: r.told.map((p) => p.personId).sort(), viaDuty: r.viaDuty };
};
const lowerSchoolTeacher = { organisationId: 1, schoolPartId: LOW };

describe("who is told of a new question", () => {
  it.each([
    [
      "the lower-school contacts who can answer, not the away one or the upper-school pair",
      [person(1, 1, [LOW]), person(2, 1, [LOW], false), person(3, 1, [HIGH]), person(4, 1, [HIGH])],
      lowerSchoolTeacher,
      [1],
      false,
    ],
    [
      "the upper-school pair when no lower-school contact can answer",
      [person(1, 1, [LOW], false), person(2, 1, [LOW], false), person(3, 1, [HIGH]), person(4, 1, [HIGH])],
      lowerSchoolTeacher,
      [3, 4],
      false,
    ],
    ["the duty person when no contact person can answer", [person(1, 1, [LOW], false), person(3, 1, [HIGH], false)], lowerSchoolTeacher, [99], true],
    [
      "those covering the whole school along with the own part's",
      [person(1, 1, [LOW]), person(5, 1, []), person(3, 1, [HIGH])],
      lowerSchoolTeacher,
      [1, 5],
      false,
    ],
    [
      "everyone at the school for someone with no school part (the principal)",
      [person(1, 1, [LOW]), person(3, 1, [HIGH])],
      { organisationId: 1, schoolPartId: null },
      [1, 3],
      false,
    ],
    ["a preschool's own contact person before the unit's", [person(7, 6, []), person(8, 5, [])], { organisationId: 6, schoolPartId: null }, [7], false],
    [
      "the unit's contact persons when the preschool's own cannot answer",
      [person(7, 6, [], false), person(8, 5, [])],
      { organisationId: 6, schoolPartId: null },
      [8],
      false,
    ],
    [
      "the unit's contact persons for a preschool without its own",
      [person(8, 5, []), person(9, 5, [])],
      { organisationId: 6, schoolPartId: null },
      [8, 9],
      false,
    ],
  ])("reaches %s", (_label, candidates, asker, expected, viaDuty) => {
    expect(told(candidates, asker)).toEqual({ told: expected, viaDuty });
  });

  it("tells someone named twice once, at her nearest assignment", () => {
    expect(told([person(8, 5, []), person(8, 6, [])], { organisationId: 6, schoolPartId: null }).told).toEqual([8]);
  });

  it("tells the nearest contact persons, for when they are back, when nobody can answer and nobody is on duty", () => {
    const candidates = [person(1, 1, [LOW], false), person(3, 1, [HIGH], false)];
    expect(whoIsToldOfQuestion(candidates, lowerSchoolTeacher, null)).toMatchObject({ told: [{ personId: 1 }], viaDuty: true });
  });
});
