import { Link } from "@remix-run/react";
import { ageBandLabel, concernLabel, outcomeLabel, stateLabel } from "../../format/consultation";
import { formatTime } from "../../format/dates";

type ForumCase = {
  id: number;
  place: number;
  startsAt: string | Date;
  mode: "anonymous" | "consent";
  ageBand: keyof typeof ageBandLabel;
  concerns: (keyof typeof concernLabel)[];
  state: keyof typeof stateLabel;
  outcome: keyof typeof outcomeLabel | null;
  organisationName: string;
};

/** The forum's agenda: one row per booked case, by categories only (never who the child is). */
export function ForumCases({ cases, caption }: { cases: ForumCase[]; caption: string }) {
  return (
    <div className="table-wrap">
      <table>
        <caption>{caption}</caption>
        <thead>
          <tr>
            <th scope="col">Tid</th>
            <th scope="col">Verksamhet</th>
            <th scope="col">Barnets ålder</th>
            <th scope="col">Oron gäller</th>
            <th scope="col">Anonymt?</th>
            <th scope="col">Läge</th>
          </tr>
        </thead>
        <tbody>
          {cases.map((c) => (
            <tr key={c.id}>
              <td>
                <Link to={`/konsultation/${c.id}`}>
                  {formatTime(new Date(c.startsAt))}
                  <span className="sr-only">, ärende {c.place}</span>
                </Link>
              </td>
              <td>{c.organisationName}</td>
              <td>{ageBandLabel[c.ageBand]}</td>
              <td>{c.concerns.map((k) => concernLabel[k]).join(", ")}</td>
              <td>{c.mode === "anonymous" ? "Anonymt" : "Med samtycke"}</td>
              <td>{c.outcome ? outcomeLabel[c.outcome] : stateLabel[c.state]}</td>
            </tr>
          ))}
        </tbody>
      </table>
    </div>
  );
}
