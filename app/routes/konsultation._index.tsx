import type { LoaderFunctionArgs, MetaFunction } from "@remix-run/node";
import { Link, useLoaderData } from "@remix-run/react";
import { can } from "../auth/permissions";
import { requireActor } from "../auth/session.server";
import { now } from "../clock.server";
import { ageBandLabel, purposeLabel, stateLabel } from "../format/consultation";
import { formatInstant } from "../format/walk";
import { pageTitle } from "../format/title";
import { consultationCounts, consultationsFor } from "../models/consultations.server";
import { localDateOf } from "../time/stockholm";

export const meta: MetaFunction = () => pageTitle("Konsultation");

export async function loader({ request }: LoaderFunctionArgs) {
  const actor = await requireActor(request);
  const at = now();
  const today = localDateOf(at);
  if (can(actor, "district:manage")) return { view: "coordinator" as const, today, counts: consultationCounts(actor, at)!, items: [] };
  return { view: can(actor, "partner:work") ? ("asker" as const) : ("queue" as const), today, counts: null, items: consultationsFor(actor, at) };
}

export default function Consultations() {
  const { view, today, counts, items } = useLoaderData<typeof loader>();
  return (
    <>
      <h1>{view === "asker" ? "Mina frågor" : view === "queue" ? "Frågor till dig" : "Konsultationer"}</h1>
      {view === "asker" ? (
        <p>
          <Link className="button" to="/konsultation/ny">
            Ställ en ny fråga
          </Link>
        </p>
      ) : null}
      {counts ? (
        <section className="panel" aria-labelledby="counts-heading">
          <h2 id="counts-heading">I siffror</h2>
          <p>Du ser antal och tider, aldrig vad frågorna handlar om.</p>
          <ul>
            <li>Öppna frågor: {counts.open}</li>
            <li>Väntar på att någon tar dem: {counts.waiting}</li>
            <li>Försenade, utan svar i tid: {counts.overdue}</li>
            <li>
              Besvarade i tid: {counts.answeredInTime} av {counts.answered}
            </li>
            <li>Nya den här månaden: {counts.thisMonth}</li>
          </ul>
        </section>
      ) : items.length === 0 ? (
        <p>{view === "asker" ? "Du har inte ställt några frågor." : "Inga frågor just nu."}</p>
      ) : (
        <ul className="slot-list">
          {items.map((c) => (
            <li key={c.id} className="slot">
              <div>
                <Link to={`/konsultation/${c.id}`}>
                  <strong>{purposeLabel[c.purpose]}</strong>
                </Link>
                <br />
                {c.mode === "anonymous" ? "Anonym" : "Med samtycke"}, barn {ageBandLabel[c.ageBand]}
                {view === "queue" ? `, från ${c.organisationName}` : null}. Ställd {formatInstant(c.createdAt, today)}.
                <br />
                {stateLabel[c.state]}
                {c.takerName && view === "queue" ? ` (${c.takerName})` : null}.
                {c.overdue ? (
                  <span className="overdue"> Svaret är försenat.</span>
                ) : c.state !== "closed" && !c.firstAnswerAt ? (
                  ` Svar senast ${formatInstant(c.dueAt, today)}.`
                ) : null}
              </div>
            </li>
          ))}
        </ul>
      )}
    </>
  );
}
