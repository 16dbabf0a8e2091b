import type { LoaderFunctionArgs, MetaFunction } from "@remix-run/node";
import { useLoaderData } from "@remix-run/react";
import { requireActorWith } from "../auth/guard.server";
import { now } from "../clock.server";
import { pageTitle } from "../format/title";
import { termOf } from "../models/walk-and-talk";
import { staffProgress } from "../models/walk-leadership.server";
import { localDateOf } from "../time/stockholm";

export const meta: MetaFunction = () => pageTitle("Personalens walk-and-talk");

/** Leadership: which of their own staff have booked or walked this term. Names only, never topics. */
export async function loader({ request }: LoaderFunctionArgs) {
  const actor = await requireActorWith(request, "organisation:lead");
  const term = termOf(localDateOf(now()));
  return { groups: staffProgress(actor, term) ?? [], term };
}

const termName = (term: string) => `${term.endsWith("HT") ? "höstterminen" : "vårterminen"} ${term.slice(0, 4)}`;

export default function StaffProgress() {
  const { groups, term } = useLoaderData<typeof loader>();
  const total = groups.reduce((n, g) => n + g.people.length, 0);
  const booked = groups.reduce((n, g) => n + g.people.filter((p) => p.booked).length, 0);
  return (
    <>
      <h1>Personalens walk-and-talk</h1>
      <p className="lead">
        {booked} av {total} i personalen har bokat eller gått en walk-and-talk under {termName(term)}. Du ser bara vem som har bokat, aldrig vad de ville prata
        om.
      </p>
      <p>
        <a href="/walk-and-talk/personal.csv" download>
          Ladda ner listan som CSV
        </a>
      </p>
      {groups.map((g, i) => (
        <div className="table-wrap" key={g.group}>
          <table>
            <caption>{g.group}</caption>
            <thead>
              <tr>
                <th scope="col" id={`name-${i}`}>
                  Namn
                </th>
                <th scope="col">Bokat</th>
                <th scope="col">Gått</th>
              </tr>
            </thead>
            <tbody>
              {g.people.map((p) => (
                <tr key={p.personId} className={p.booked ? undefined : "gap"}>
                  <td>{p.name}</td>
                  <td>{p.booked ? "Ja" : "Inte ännu"}</td>
                  <td>{p.attended ? "Ja" : "Nej"}</td>
                </tr>
              ))}
            </tbody>
          </table>
        </div>
      ))}
    </>
  );
}
