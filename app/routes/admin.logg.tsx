import type { LoaderFunctionArgs, MetaFunction } from "@remix-run/node";
import { Link, useLoaderData } from "@remix-run/react";
import { now } from "../clock.server";
import { auditActionLabel, auditObjectLabel } from "../format/audit";
import { pageTitle } from "../format/title";
import { formatInstant } from "../format/walk";
import { auditLogOf } from "../models/audit.server";
import { localDateOf } from "../time/stockholm";
import { requireActorWith } from "../auth/guard.server";

export const meta: MetaFunction = () => pageTitle("Logg");

export async function loader({ request }: LoaderFunctionArgs) {
  const actor = await requireActorWith(request, "district:manage");
  const raw = new URL(request.url).searchParams.get("sida") ?? "0";
  const page = /^\d{1,5}$/.test(raw) ? Number(raw) : 0;
  return { page, ...auditLogOf(actor, page), today: localDateOf(now()) };
}

export default function AuditLog() {
  const { page, rows, more, today } = useLoaderData<typeof loader>();
  return (
    <>
      <h1>Logg</h1>
      <p className="lead">Vem som gjorde vad i portalen, och när. Loggen visar aldrig vad frågor handlar om, bara att någon läste eller skrev.</p>
      <p>
        <Link to="/admin">Till administrationen</Link>
      </p>
      <div className="table-wrap">
        <table>
          <caption>Händelser, de senaste först{page > 0 ? ` (sida ${page + 1})` : ""}</caption>
          <thead>
            <tr>
              <th scope="col">När</th>
              <th scope="col">Vem</th>
              <th scope="col">Vad</th>
              <th scope="col">Vilket</th>
            </tr>
          </thead>
          <tbody>
            {rows.map((r, i) => (
              // No row numbers are sent (they would count other districts' lines): the place is the key.
              <tr key={`${page}-${i}`}>
                <td>{formatInstant(r.at, today)}</td>
                <td>{r.who ?? "Portalen"}</td>
                <td>{auditActionLabel[r.action] ?? r.action}</td>
                <td>
                  {r.objectType === "person" && r.objectId ? (
                    <Link to={`/admin/personer/${r.objectId}`}>person {r.objectId}</Link>
                  ) : (
                    `${auditObjectLabel[r.objectType] ?? r.objectType}${r.objectId ? ` ${r.objectId}` : ""}`
                  )}
                </td>
              </tr>
            ))}
          </tbody>
        </table>
      </div>
      <p className="actions">
        {page > 0 ? <Link to={`?sida=${page - 1}`}>Nyare händelser</Link> : null}
        {more ? <Link to={`?sida=${page + 1}`}>Äldre händelser</Link> : null}
      </p>
    </>
  );
}
