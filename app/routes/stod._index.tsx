import type { ActionFunctionArgs, LoaderFunctionArgs, MetaFunction } from "@remix-run/node";
import { json, redirect } from "@remix-run/node";
import { Form, Link, useActionData, useLoaderData, useSearchParams } from "@remix-run/react";
import { can } from "../auth/permissions";
import { forbidden, requireWriter, notFound } from "../auth/guard.server";
import { requireActor } from "../auth/session.server";
import { now } from "../clock.server";
import { PhoneLink } from "../components/CallOptions";
import { formatDate } from "../format/dates";
import { formatInstant } from "../format/walk";
import { pageTitle } from "../format/title";
import { parseId, readFormValues, refused } from "../http/forms";
import { archiveOffer, markRequestHandled, requestsForTeam, supportOffersOf } from "../models/support.server";
import { localDateOf } from "../time/stockholm";
import { SavedNotice } from "../components/SavedNotice";

export const meta: MetaFunction = () => pageTitle("Stöd utan anmälan");

export async function loader({ request }: LoaderFunctionArgs) {
  const actor = await requireActor(request);
  return {
    offers: supportOffersOf(actor),
    partner: can(actor, "partner:work"),
    editor: can(actor, "district:manage"),
    requests: requestsForTeam(actor),
    today: localDateOf(now()),
  };
}

export async function action({ request }: ActionFunctionArgs) {
  const actor = await requireWriter(request);
  const values = await readFormValues(request);
  const id = parseId(values.id);
  const unreadable = () => json(refused({ form: "Det gick inte. Ladda om sidan och försök igen." }, values), { status: 400 });
  switch (values.intent) {
    case "handled": {
      if (!can(actor, "support-requests:handle")) throw forbidden();
      if (id === null) return unreadable();
      const outcome = markRequestHandled(actor, id, now());
      if (outcome.ok) return redirect("/stod?sparat=klar");
      if (outcome.reason === "forbidden") throw forbidden();
      // Another team's request answers as if it did not exist.
      if (outcome.reason === "missing") throw notFound();
      return json(refused({ form: outcome.message }, values), { status: 400 });
    }
    case "archive": {
      if (!can(actor, "district:manage")) throw forbidden();
      if (id === null) return unreadable();
      if (!archiveOffer(actor, id, now())) throw notFound();
      return redirect("/stod?sparat=borttaget");
    }
    default:
      return unreadable();
  }
}

export default function Support() {
  const { offers, partner, editor, requests, today } = useLoaderData<typeof loader>();
  const actionData = useActionData<typeof action>();
  const [searchParams] = useSearchParams();
  const saved = actionData
    ? undefined
    : {
        klar: "Förfrågan är markerad som klar.",
        borttaget: "Erbjudandet är borttaget ur katalogen.",
        skickad: "Förfrågan är skickad till teamet. De hör av sig till familjen.",
      }[searchParams.get("sparat") ?? ""];
  return (
    <>
      <h1>Stöd utan anmälan</h1>
      <p className="lead">
        Familjer kan själva få råd och stöd i stadsdelen, utan att någon gör en anmälan. Tipsa familjen, eller be teamet kontakta dem om vårdnadshavarna vill
        det.
      </p>
      <SavedNotice message={saved} />
      {actionData?.fieldErrors.form ? (
        <p className="form-error" role="alert">
          {actionData.fieldErrors.form}
        </p>
      ) : null}
      {requests.length > 0 ? (
        <section className="panel" aria-labelledby="requests-heading">
          <h2 id="requests-heading">Familjer som vill bli kontaktade</h2>
          <p>Bara socialsekreterarna och föräldrarådgivarna i ditt team ser de här uppgifterna. De tas bort en tid efter att förfrågan är klar.</p>
          <ul className="slot-list">
            {requests.map((r) => (
              <li key={r.id} className="slot">
                <div>
                  <strong>{r.offerName}</strong>: {r.guardianName}, {r.guardianPhone ? <PhoneLink phone={r.guardianPhone} /> : null}
                  {r.language ? `, språk: ${r.language}` : null}
                  {r.interpreterNeeded ? ", behöver tolk" : null}.
                  <br />
                  Samtycke från {r.consentGivenBy} {r.consentGivenOn ? formatDate(r.consentGivenOn, today) : null}. Från: {r.askerTitle},{" "}
                  {formatInstant(r.createdAt, today)}.{r.handledAt ? ` Klar ${formatInstant(r.handledAt, today)}.` : null}
                </div>
                {r.handledAt ? null : (
                  <Form method="post">
                    <input type="hidden" name="intent" value="handled" />
                    <input type="hidden" name="id" value={r.id} />
                    <button type="submit" className="button--quiet">
                      Markera som klar<span className="sr-only"> för {r.guardianName}</span>
                    </button>
                  </Form>
                )}
              </li>
            ))}
          </ul>
        </section>
      ) : null}
      {editor ? (
        <p>
          <Link className="button" to="/stod/redigera/nytt">
            Lägg till ett erbjudande
          </Link>
        </p>
      ) : null}
      <ul className="cards">
        {offers.map((o) => (
          <li key={o.id}>
            <article className="panel" aria-labelledby={`offer-${o.id}`}>
              <h2 id={`offer-${o.id}`}>{o.name}</h2>
              <p>
                <strong>För:</strong> {o.forWhom}
              </p>
              <p>{o.whatItGives}</p>
              <p>
                <strong>Så tar familjen kontakt:</strong> {o.howToContact}
              </p>
              {o.phone ? (
                <p>
                  Telefon: <PhoneLink phone={o.phone} />
                </p>
              ) : null}
              {o.email ? (
                <p>
                  E-post: <a href={`mailto:${o.email}`}>{o.email}</a>
                </p>
              ) : null}
              <p>
                <Link to={`/stod/${o.id}/blad`}>
                  Blad att ge familjen<span className="sr-only"> om {o.name}</span>
                </Link>
              </p>
              {partner ? (
                <p>
                  <Link to={`/stod/${o.id}/kontakt`}>
                    Be teamet kontakta familjen<span className="sr-only"> om {o.name}</span>
                  </Link>
                </p>
              ) : null}
              {editor ? (
                <div className="actions">
                  <Link to={`/stod/redigera/${o.id}`}>
                    Ändra<span className="sr-only"> {o.name}</span>
                  </Link>
                  <Form method="post">
                    <input type="hidden" name="intent" value="archive" />
                    <input type="hidden" name="id" value={o.id} />
                    <button type="submit" className="button--quiet">
                      Ta bort ur katalogen<span className="sr-only"> {o.name}</span>
                    </button>
                  </Form>
                </div>
              ) : null}
            </article>
          </li>
        ))}
      </ul>
    </>
  );
}
