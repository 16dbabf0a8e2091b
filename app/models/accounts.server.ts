import { can } from "../auth/permissions";
import { and, count, eq, gte } from "drizzle-orm";
import { districts, outbox, people } from "../../db/schema";
import { hashPassword } from "../auth/password.server";
import { addressLogsInElsewhere, tokenState, useToken, type LinkPurpose, type TokenState } from "../auth/one-time-links.server";
import { atomic, getDb, type TxOrDb } from "../db.server";
import { enqueueMail, LINK_PLACEHOLDER } from "../mail/outbox.server";
import { recordAudit } from "./audit.server";
import { activeAccountsWithEmail } from "./people.server";
import { invitationMail, resetMail } from "../mail/account-mails";

export { tokenState, type TokenState } from "../auth/one-time-links.server";

/** At most this many reset mails per person and hour, whoever asks (ASVS V2.5: no mail bombing). */
export const RESET_MAILS_PER_HOUR = 3;
/** At most this many invitation mails per person and hour: a coordinator cannot mail-bomb an address either. */
export const INVITATION_MAILS_PER_HOUR = 3;

/** Uses the link to set the password. Exactly one of two simultaneous uses succeeds. */
export async function setPasswordWithToken(token: string, purpose: LinkPurpose, password: string, now: Date): Promise<TokenState> {
  const state = tokenState(token, purpose, now);
  if (!state.ok) return state;
  const passwordHash = await hashPassword(password);
  const used = getDb().transaction((tx) => {
    // Checked again under the write lock: two invitations of one address taken up at once.
    if (addressLogsInElsewhere(tx, state.personId, state.email)) return false;
    if (!useToken(tx, token, purpose, state.personId, now)) return false;
    tx.update(people).set({ passwordHash }).where(eq(people.id, state.personId)).run();
    return true;
  });
  if (!used) return { ok: false, reason: "used" };
  const person = getDb().select({ districtId: people.districtId }).from(people).where(eq(people.id, state.personId)).get()!;
  recordAudit({ personId: state.personId, districtId: person.districtId }, "account.password_set", { type: "person", id: state.personId });
  return state;
}

/**
 * A reset link by mail to every active account with this email, each at most
 * RESET_MAILS_PER_HOUR an hour. The caller answers before this runs and the same whether or
 * not anyone has the address, so nobody learns who has an account. Every account gets its
 * own mail, in its own district's outbox and log, so what a district sees depends on its own
 * people only, never on whether another district has the address (decision 012); the mail of
 * an account that cannot have the login says so when it is sent. The link itself is made when
 * the mail is sent.
 */
export const requestPasswordReset = atomic(function requestPasswordReset(email: string, now: Date): void {
  for (const person of activeAccountsWithEmail(email)) mailResetLink(person, now);
});

/** How many mails with a link of this purpose the person was sent in the hour before `now`. */
export function linkMailsLastHour(personId: number, purpose: LinkPurpose, now: Date): number {
  return getDb()
    .select({ n: count() })
    .from(outbox)
    .where(and(eq(outbox.linkPersonId, personId), eq(outbox.linkPurpose, purpose), gte(outbox.createdAt, new Date(now.getTime() - 3_600_000))))
    .get()!.n;
}

function mailResetLink(person: { id: number; districtId: number }, now: Date): void {
  const db = getDb();
  if (linkMailsLastHour(person.id, "reset", now) >= RESET_MAILS_PER_HOUR) return;
  const row = db.select({ name: people.name, email: people.email, role: people.role }).from(people).where(eq(people.id, person.id)).get()!;
  enqueueMail(
    {
      // A city-level account is outside every district: its mail shows in no district's outbox.
      districtId: can(row, "city:admin") ? null : person.districtId,
      to: row.email,
      ...resetMail(row.name, LINK_PLACEHOLDER),
      link: { purpose: "reset", personId: person.id },
    },
    db,
  );
  recordAudit({ personId: person.id, districtId: person.districtId }, "account.password_reset_requested", { type: "person", id: person.id });
}

/** The invitation mail with a link to set one's first password (made when the mail is sent). */
export function mailInvitation(tx: TxOrDb, person: { id: number; districtId: number; name: string; email: string }, invitedBy: string): void {
  // Which district invites, and as what: an address two districts invited can tell the invitations apart.
  const where = tx
    .select({ district: districts.name, title: people.title, role: people.role })
    .from(people)
    .innerJoin(districts, eq(districts.id, people.districtId))
    .where(eq(people.id, person.id))
    .get()!;
  const inDistrict = can(where, "city:admin") ? "" : ` i ${where.district}`;
  enqueueMail(
    {
      districtId: person.districtId,
      to: person.email,
      ...invitationMail({ name: person.name, invitedBy, where: inDistrict, title: where.title }, LINK_PLACEHOLDER),
      link: { purpose: "invite", personId: person.id },
    },
    tx,
  );
}
