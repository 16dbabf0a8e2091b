import { Link } from "@remix-run/react";
import { organisationKindLabel, roleLabel } from "../format/labels";
import type { OrganisationSummary } from "../models/organisations.server";

/** The coordinator's start: every organisation of the district and who covers it. */
export function DistrictOverview({ districtName, organisations }: { districtName: string; organisations: OrganisationSummary[] }) {
  const uncovered = organisations.filter((o) => o.coverage === "none");
  return (
    <section aria-labelledby="overview-heading">
      <h2 id="overview-heading">Verksamheter i {districtName}</h2>
      {uncovered.length > 0 ? (
        <div className="notice notice--warn">
          <p>
            {uncovered.length === 1 ? "En verksamhet saknar" : `${uncovered.length} verksamheter saknar`} kontaktperson:{" "}
            {uncovered.map((o) => o.name).join(", ")}.
          </p>
        </div>
      ) : null}
      <div className="table-wrap">
        <table>
          <caption>Verksamheter och deras kontaktpersoner</caption>
          <thead>
            <tr>
              <th scope="col">Verksamhet</th>
              <th scope="col">Typ</th>
              <th scope="col">Kontaktpersoner</th>
            </tr>
          </thead>
          <tbody>
            {organisations.map((o) => {
              const gap = o.coverage === "none";
              return (
                <tr key={o.id} className={gap ? "gap" : undefined}>
                  <td className={o.parentId ? "indent" : undefined}>
                    <Link to={`/organisationer/${o.id}`}>{o.name}</Link>
                  </td>
                  <td>{organisationKindLabel[o.kind]}</td>
                  <td>
                    {o.contacts.every((c) => c.pending) ? <strong>{gap ? "Ingen kontaktperson" : "Via förskoleenheten"}</strong> : null}
                    {o.contacts.length === 0 ? null : (
                      <ul className="plain-list">
                        {o.contacts.map((c) => (
                          <li key={`${c.personId}-${c.scopeLabel}`}>
                            {c.name} ({roleLabel[c.role].toLowerCase()}): {c.scopeLabel}
                            {c.pending ? <span className="field__hint"> (väntar på godkännande av enhetschefen)</span> : null}
                          </li>
                        ))}
                      </ul>
                    )}
                  </td>
                </tr>
              );
            })}
          </tbody>
        </table>
      </div>
    </section>
  );
}
