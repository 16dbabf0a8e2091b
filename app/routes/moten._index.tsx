import type { LoaderFunctionArgs, MetaFunction } from "@remix-run/node";
import { Link, useLoaderData, useSearchParams } from "@remix-run/react";
import { can } from "../auth/permissions";
import { requireActor } from "../auth/session.server";
import { now } from "../clock.server";
import { formatInstant } from "../format/walk";
import { pageTitle } from "../format/title";
import { planningOrganisationsFor, staffTeamVisits, visitTargetsFor } from "../models/meeting-creation.server";
import { meetingsFor } from "../models/meeting-reading.server";
import { comingForums } from "../models/meeting-groups.server";
import { SavedNotice } from "../components/SavedNotice";
import { localDateOf } from "../time/stockholm";
import { countOf } from "../format/count";

export const meta: MetaFunction = () => pageTitle("Möten");

export async function loader({ request }: LoaderFunctionArgs) {
  const actor = await requireActor(request);
  const at = now();
  const today = localDateOf(at);
  const partner = can(actor, "partner:work");
  // Partners meet the forum through its own list below, not as meetings of theirs.
  const all = meetingsFor(actor).filter((row) => !partner || row.meeting.kind !== "forum");
  const coming = (row: (typeof all)[number]) => row.meeting.state === "confirmed" && row.meeting.startsAt !== null && row.meeting.startsAt >= at;
  const byStart = (a: (typeof all)[number], b: (typeof all)[number]) => a.meeting.startsAt!.getTime() - b.meeting.startsAt!.getTime();
  return {
    partner,
    canStartGroup: can(actor, "groups:start"),
    forums: comingForums(actor, at),
    waiting: all.filter((row) => row.meeting.state === "proposed"),
    coming: all.filter(coming).sort(byStart),
    earlier: all.filter((row) => row.meeting.state !== "proposed" && !coming(row)),
    canAskForVisit: visitTargetsFor(actor).length > 0,
    canPlanSeries: planningOrganisationsFor(actor).length > 0,
    visits: staffTeamVisits(actor, today.slice(0, 4)),
    today,
  };
}

const stateText = { proposed: "Föreslaget, väntar på svar", confirmed: "Bekräftat", cancelled: "Inställt" } as const;

export default function Meetings() {
  const { partner, canAskForVisit, canPlanSeries, canStartGroup, forums, visits, today, waiting, coming, earlier } = useLoaderData<typeof loader>();
  const [searchParams] = useSearchParams();
  const planned = /^planering-(\d{1,2})$/.exec(searchParams.get("sparat") ?? "")?.[1];
  return (
    <>
      <h1>Möten</h1>
      <SavedNotice message={planned ? `${countOf(planned, "planeringsmöte är inlagt", "planeringsmöten är inlagda")}.` : undefined} />
      {canPlanSeries || canStartGroup ? (
        <p className="actions">
          {canPlanSeries ? (
            <Link className="button" to="/moten/planering">
              Lägg in planeringsmöten med en förskola
            </Link>
          ) : null}
          {canStartGroup ? (
            <Link className="button" to="/moten/grupp">
              Starta ett forum eller en samverkansgrupp
            </Link>
          ) : null}
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
      {forums.length > 0 ? (
        <section aria-labelledby="forum-heading">
          <h2 id="forum-heading">Konsultationsforum</h2>
          <p>Ta upp ett ärende och få råd av socialtjänsten på ett fast möte, anonymt eller med vårdnadshavarnas samtycke.</p>
          <ul className="slot-list">
            {forums.map((f) => (
              <li key={f.id} className="slot">
                <div>
                  <Link to={`/moten/${f.id}`}>
                    <strong>{formatInstant(f.startsAt, today)}</strong>
                  </Link>
                  <br />
                  {f.free > 0 ? `${countOf(f.free, "plats", "platser")} kvar` : "Fullbokat"}
                  {f.mine > 0 ? `. Du har ${countOf(f.mine, "ärende", "ärenden")} där.` : "."}
                </div>
                {f.free > 0 ? (
                  <Link className="button" to={`/moten/${f.id}/arende`}>
                    Boka en plats<span className="sr-only"> {formatInstant(f.startsAt, today)}</span>
                  </Link>
                ) : null}
              </li>
            ))}
          </ul>
        </section>
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
      {waiting.length > 0 ? <MeetingList heading="Väntar på svar" rows={waiting} today={today} /> : null}
      <MeetingList heading={partner ? "Era kommande möten" : "Dina kommande möten"} rows={coming} today={today} empty="Inga kommande möten." />
      {earlier.length > 0 ? (
        <details>
          <summary>Tidigare och inställda möten ({earlier.length})</summary>
          <MeetingList heading="Tidigare och inställda möten" rows={earlier} today={today} />
        </details>
      ) : null}
    </>
  );
}

type Row = { meeting: { id: number; state: keyof typeof stateText; startsAt: string | null }; title: string; withWhom: string | null };

function MeetingList({ heading, rows, today, empty }: { heading: string; rows: Row[]; today: string; empty?: string }) {
  return (
    <section aria-label={heading}>
      <h2>{heading}</h2>
      {rows.length === 0 ? (
        <p>{empty}</p>
      ) : (
        <ul className="slot-list">
          {rows.map(({ meeting, title, withWhom }) => (
            <li key={meeting.id} className="slot">
              <div>
                <Link to={`/moten/${meeting.id}`}>
                  <strong>{title}</strong>
                </Link>
                <br />
                {stateText[meeting.state]}
                {meeting.startsAt && meeting.state !== "proposed" ? `: ${formatInstant(meeting.startsAt, today)}` : null}.{" "}
                {withWhom ? `Med ${withWhom}.` : "Du håller i mötet."}
              </div>
            </li>
          ))}
        </ul>
      )}
    </section>
  );
}
