import { closeness, type Viewer } from "./contacts";

/**
 * Who is told of a new question. A question reaches the contact persons who cover the
 * asker's school part (or, with none nearer, the whole organisation: contactsToCall's rule)
 * and can answer now. The asker's other contact persons are told only when none of those
 * can; when nobody can, the question goes to the duty phone and its person is told. Everyone
 * covering the organisation may still read it: this is only whom the portal mails.
 */
export type QuestionCandidate = {
  personId: number;
  name: string;
  email: string;
  /** An assignment of the person's: its organisation and the school parts it covers (none: all). */
  organisationId: number;
  schoolPartIds: number[];
  /** Available now: not away, busy or answering the duty phone. */
  canAnswerNow: boolean;
};

export type Recipient = { personId: number; name: string; email: string };

export function whoIsToldOfQuestion(candidates: QuestionCandidate[], asker: Viewer, dutyPerson: Recipient | null): { told: Recipient[]; viaDuty: boolean } {
  // A person named twice (a unit and one of its preschools) counts once, at her nearest.
  const people = new Map<number, QuestionCandidate & { distance: number }>();
  for (const c of candidates) {
    const distance = closeness({ organisationId: c.organisationId, schoolPartIds: c.schoolPartIds }, asker);
    const seen = people.get(c.personId);
    if (!seen || distance < seen.distance) people.set(c.personId, { ...c, distance });
  }
  const all = [...people.values()];
  const only = (list: typeof all): Recipient[] => list.map(({ personId, name, email }) => ({ personId, name, email }));
  if (all.length === 0) return { told: dutyPerson ? [dutyPerson] : [], viaDuty: true };
  const best = Math.min(...all.map((c) => c.distance));
  const near = all.filter((c) => c.distance <= Math.max(1, best));
  const nearNow = near.filter((c) => c.canAnswerNow);
  if (nearNow.length > 0) return { told: only(nearNow), viaDuty: false };
  const othersNow = all.filter((c) => c.canAnswerNow);
  if (othersNow.length > 0) return { told: only(othersNow), viaDuty: false };
  // Nobody can answer now: the duty phone's person, or (no one on duty) those nearest, for when they are back.
  return { told: dutyPerson ? [dutyPerson] : only(near), viaDuty: true };
}
