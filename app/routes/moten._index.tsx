import type { LoaderFunctionArgs, MetaFunction } from "@remix-run/node";
import { Link, useLoaderData, useSearchParams } from "@remix-run/react";
import { isPartner } from "../auth/permissions";
import { requireActor } from "../auth/session.server";
import { now } from "../clock.server";
import { formatInstant } from "../format/walk";
import { pageTitle } from "../format/title";
import { meetingTitle } from "../models/meetings";
import { meetingsFor, planningOrganisationsFor, staffTeamVisits, visitTargetsFor } from "../models/meetings.server";
import { SavedNotice } from "../components/SavedNotice";
import { localDateOf } from "../time/stockholm";

export const meta: MetaFunction = () => pageTitle("Möten");

export async function loader({ request }: LoaderFunctionArgs) {
  const actor = await requireActor(request);
  const today = localDateOf(now());
  return {
    partner: isPartner(actor),
    canAskForVisit: visitTargetsFor(actor).length > 0,
    canPlanSeries: planningOrganisationsFor(actor).length > 0,
    visits: staffTeamVisits(actor, today.slice(0, 4)),
    today,
    meetings: meetingsFor(actor),
  };
}

const stateText = { proposed: "Föreslaget, väntar på svar", confirmed: "Bekräftat", cancelled: "Inställt" } as const;

export default function Meetings() {
  const { partner, canAskForVisit, canPlanSeries, visits, today, meetings } = useLoaderData<typeof loader>();
  const [searchParams] = useSearchParams();
  const planned = /^planering-(\d{1,2})$/.exec(searchParams.get("sparat") ?? "")?.[1];
  return (
    <>
      <h1>Möten</h1>
      <SavedNotice message={planned ? `${planned} planeringsmöten är inlagda.` : undefined} />
      {canPlanSeries ? (
        <p>
          <Link className="button" to="/moten/planering">
            Lägg in planeringsmöten med en förskola
          </Link>
        </p>
      ) : null}
      {partner ? (
        <p className="actions">
          <Link className="button" to="/moten/ny">
            Planera ett anmälningsmöte
          </Link>
          {canAskForVisit ? (
            <Link className="button" to="/moten/arbetslag">
              Be om besök på ett arbetslagsmöte
            </Link>
          ) : null}
        </p>
      ) : null}
      {visits.length > 0 ? (
        <div className="table-wrap">
          <table>
            <caption>Arbetslagens besök av kontaktpersonerna i år</caption>
            <thead>
              <tr>
                <th scope="col">Förskola</th>
                <th scope="col">Arbetslag</th>
                <th scope="col">Senaste besök</th>
              </tr>
            </thead>
            <tbody>
              {visits.map((v) => (
                <tr key={`${v.preschool}-${v.team}`} className={v.latest ? undefined : "gap"}>
                  <td>{v.preschool}</td>
                  <td>{v.team}</td>
                  <td>{v.latest ? formatInstant(v.latest, today) : "Inte i år"}</td>
                </tr>
              ))}
            </tbody>
          </table>
        </div>
      ) : null}
      <h2>{partner ? "Era möten" : "Dina möten"}</h2>
      {meetings.length === 0 ? (
        <p>Inga möten än.</p>
      ) : (
        <ul className="slot-list">
          {meetings.map(({ meeting, organisationName, hostName }) => (
            <li key={meeting.id} className="slot">
              <div>
                <Link to={`/moten/${meeting.id}`}>
                  <strong>{meetingTitle(meeting.kind, organisationName)}</strong>
                </Link>
                <br />
                {stateText[meeting.state]}
                {meeting.startsAt && meeting.state === "confirmed" ? `: ${formatInstant(meeting.startsAt, today)}` : null}. Med {hostName}.
              </div>
            </li>
          ))}
        </ul>
      )}
    </>
  );
}
