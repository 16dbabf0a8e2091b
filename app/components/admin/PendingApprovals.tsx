import { Form } from "@remix-run/react";
import { formatDate } from "../../format/dates";
import { roleLabel } from "../../format/labels";
import { localDateOf } from "../../time/stockholm";
import type { Role } from "../../../db/vocabulary";

type PendingPerson = {
  id: number;
  name: string;
  email: string;
  title: string;
  role: "social_worker" | "parent_adviser";
  teamId: number;
  teamName: string;
  createdAt: string | Date;
};
type PendingAssignment = {
  id: number;
  personName: string;
  personRole: Role;
  personApproved: boolean;
  organisationName: string;
  scopeLabel: string;
  createdAt: string | Date;
};

/**
 * The head of unit's start: what the coordinator asked for that gives access to consultations,
 * each with Approve and Refuse (plain forms, they work without JavaScript).
 */
export function PendingApprovals({ people, assignments, today }: { people: PendingPerson[]; assignments: PendingAssignment[]; today: string }) {
  const total = people.length + assignments.length;
  return (
    <section aria-labelledby="approvals-heading" className="panel">
      <h2 id="approvals-heading">Väntar på ditt godkännande</h2>
      {total === 0 ? (
        <p>Inget väntar just nu.</p>
      ) : (
        <>
          <p>
            Samordnaren har bett om behörighet att läsa och svara på frågor från skola, förskola och polis. Godkänn bara det du vet stämmer. Nekar du en person
            stängs kontot av; nekar du ett uppdrag tas det bort.
          </p>
          {people.length > 0 ? (
            <>
              <h3>Personer</h3>
              <ul className="plain-list">
                {people.map((p) => (
                  <li key={`person-${p.id}`}>
                    <strong>{p.name}</strong>, {roleLabel[p.role].toLowerCase()} i {p.teamName} ({p.email}, {p.title}). Sedan{" "}
                    {formatDate(localDateOf(new Date(p.createdAt)), today)}.
                    <div className="actions">
                      <Decision kind="person" id={p.id} person={{ role: p.role, teamId: p.teamId }} what={p.name} />
                    </div>
                  </li>
                ))}
              </ul>
            </>
          ) : null}
          {assignments.length > 0 ? (
            <>
              <h3>Kontaktpersoner</h3>
              <ul className="plain-list">
                {assignments.map((a) => (
                  <li key={`assignment-${a.id}`}>
                    <strong>{a.personName}</strong> som kontaktperson för {a.organisationName}: {a.scopeLabel}.
                    {a.personApproved ? null : " Personen själv väntar också på godkännande."}
                    <div className="actions">
                      <Decision kind="assignment" id={a.id} what={`${a.personName} som kontaktperson för ${a.organisationName}`} />
                    </div>
                  </li>
                ))}
              </ul>
            </>
          ) : null}
        </>
      )}
    </section>
  );
}

/** Godkänn and Neka for one request: two plain forms, so they work without JavaScript. */
function Decision({ kind, id, person, what }: { kind: "person" | "assignment"; id: number; person?: { role: string; teamId: number }; what: string }) {
  return (
    <>
      {(["approve", "refuse"] as const).map((intent) => (
        <Form method="post" key={intent} className="inline-form">
          <input type="hidden" name="intent" value={intent} />
          <input type="hidden" name="kind" value={kind} />
          <input type="hidden" name="id" value={id} />
          {person ? (
            <>
              <input type="hidden" name="role" value={person.role} />
              <input type="hidden" name="teamId" value={person.teamId} />
            </>
          ) : null}
          <button type="submit" className={intent === "refuse" ? "button--quiet" : undefined}>
            {intent === "approve" ? "Godkänn" : "Neka"}
            <span className="sr-only"> {what}</span>
          </button>
        </Form>
      ))}
    </>
  );
}
