import type { LoaderFunctionArgs, MetaFunction } from "@remix-run/node";
import { useLoaderData } from "@remix-run/react";
import { requireActor } from "../auth/session.server";
import { now } from "../clock.server";
import { PhoneLink } from "../components/CallOptions";
import { DutyLineSummary } from "../components/duty/DutyLineSummary";
import { formatDate } from "../format/dates";
import { roleLabel } from "../format/labels";
import { pageTitle } from "../format/title";
import { dutyLineOf } from "../models/duty.server";
import { callAdviceForRequest } from "../models/who-to-call.server";

export const meta: MetaFunction = () => pageTitle("Telefonlista");

/** A printable phone list for the staff-room wall: contacts, the duty phone, socialjouren and 112. */
export async function loader({ request }: LoaderFunctionArgs) {
  const actor = await requireActor(request);
  const advice = callAdviceForRequest(request, actor, now());
  return {
    organisationName: actor.organisationName ?? `Socialtjänsten ${actor.districtName}`,
    today: advice.today,
    contacts: advice.contacts,
    line: dutyLineOf(actor),
  };
}

export default function PhoneList() {
  const { organisationName, today, contacts, line } = useLoaderData<typeof loader>();
  const seen = new Set<number>();
  const unique = contacts.filter((c) => !seen.has(c.personId) && seen.add(c.personId) !== undefined);
  return (
    <article className="phone-list">
      <h1>Telefonlista för {organisationName}</h1>
      <p className="lead">Så når du socialtjänsten, barn och unga. Utskriven {formatDate(today, today)}.</p>
      <p className="phone-list__emergency">
        Är ett barn i akut fara? Ring <a href="tel:112">112</a>.
      </p>
      {unique.length > 0 ? (
        <>
          <h2>Era kontaktpersoner</h2>
          <div className="table-wrap">
            <table>
              <caption className="sr-only">Kontaktpersoner</caption>
              <thead>
                <tr>
                  <th scope="col">Namn</th>
                  <th scope="col">Gäller</th>
                  <th scope="col">Telefon</th>
                  <th scope="col">E-post</th>
                </tr>
              </thead>
              <tbody>
                {unique.map((c) => (
                  <tr key={c.personId}>
                    <td>
                      {c.name}
                      <br />
                      {roleLabel[c.role]}
                    </td>
                    <td>{c.scopeLabel}</td>
                    <td>{c.phone ? <PhoneLink phone={c.phone} /> : "–"}</td>
                    <td>{c.email}</td>
                  </tr>
                ))}
              </tbody>
            </table>
          </div>
          <p>Når du inte din kontaktperson? Ring jourtelefonen.</p>
        </>
      ) : null}
      <h2>Jourtelefonen</h2>
      {line ? <DutyLineSummary line={line} /> : <p>Jourtelefonen är inte inlagd ännu.</p>}
      <p className="no-print">Skriv ut listan med Ctrl+P (Cmd+P på Mac). Den får plats på ett A4.</p>
    </article>
  );
}
