import { Link } from "@remix-run/react";
import { organisationKindLabel } from "../format/labels";
import type { OrganisationKind } from "../../db/schema";

type Assigned = { organisationId: number; name: string; kind: OrganisationKind; scopeLabel: string; pending: boolean };

/** A social worker's or parent adviser's start: the organisations they are contact person for. */
export function AssignedOrganisations({ organisations }: { organisations: Assigned[] }) {
  return (
    <section aria-labelledby="assigned-heading">
      <h2 id="assigned-heading">Du är kontaktperson för</h2>
      {organisations.length === 0 ? (
        <p>Du är inte kontaktperson för någon verksamhet just nu. Samordnaren fördelar kontaktpersoner.</p>
      ) : (
        <ul className="cards">
          {organisations.map((o) => (
            <li key={`${o.organisationId}-${o.scopeLabel}`} className="panel">
              <h3>
                <Link to={`/organisationer/${o.organisationId}`}>{o.name}</Link>
              </h3>
              <p>{organisationKindLabel[o.kind]}</p>
              <p>{o.scopeLabel}</p>
              {o.pending ? <p className="badge">Väntar på godkännande av enhetschefen. Tills dess får du inga frågor härifrån.</p> : null}
            </li>
          ))}
        </ul>
      )}
    </section>
  );
}
