import type { LoaderFunctionArgs, MetaFunction } from "@remix-run/node";
import { Link, useLoaderData } from "@remix-run/react";
import { isPartner } from "../auth/permissions";
import { requireActor } from "../auth/session.server";
import { now } from "../clock.server";
import { formatInstant } from "../format/walk";
import { pageTitle } from "../format/title";
import { meetingsFor } from "../models/meetings.server";
import { localDateOf } from "../time/stockholm";

export const meta: MetaFunction = () => pageTitle("Möten");

export async function loader({ request }: LoaderFunctionArgs) {
  const actor = await requireActor(request);
  return { partner: isPartner(actor), today: localDateOf(now()), meetings: meetingsFor(actor) };
}

const stateText = { proposed: "Föreslaget, väntar på svar", confirmed: "Bekräftat", cancelled: "Inställt" } as const;

export default function Meetings() {
  const { partner, today, meetings } = useLoaderData<typeof loader>();
  return (
    <>
      <h1>Möten</h1>
      {partner ? (
        <p>
          <Link className="button" to="/moten/ny">
            Planera ett anmälningsmöte
          </Link>
        </p>
      ) : null}
      {meetings.length === 0 ? (
        <p>Inga möten än.</p>
      ) : (
        <ul className="slot-list">
          {meetings.map(({ meeting, organisationName, hostName }) => (
            <li key={meeting.id} className="slot">
              <div>
                <Link to={`/moten/${meeting.id}`}>
                  <strong>Anmälningsmöte, {organisationName}</strong>
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
