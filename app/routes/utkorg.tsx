import type { LoaderFunctionArgs, MetaFunction } from "@remix-run/node";
import { useLoaderData } from "@remix-run/react";
import { now } from "../clock.server";
import { env } from "../env.server";
import { formatInstant } from "../format/walk";
import { pageTitle } from "../format/title";
import { outboxOfDistrict } from "../mail/outbox.server";
import { localDateOf } from "../time/stockholm";
import { requireActorWith } from "../auth/guard.server";

export const meta: MetaFunction = () => pageTitle("Utkorg");

/**
 * The coordinator's view of the mail the portal sends for the district: what went to whom and
 * whether it went out, never a one-time link (only its recipient reads that). In the demo (no
 * SMTP_URL) each mail is written as a file under data/mail/ for the person running the server.
 */
export async function loader({ request }: LoaderFunctionArgs) {
  const actor = await requireActorWith(request, "district:manage");
  return { messages: outboxOfDistrict(actor, 100), today: localDateOf(now()), sending: Boolean(env.SMTP_URL) };
}

const statusText = { pending: "Väntar", sent: "Skickat", failed: "Gick inte att skicka", kept: "Sparat som fil (demo, skickas inte)" } as const;

export default function Outbox() {
  const { messages, today, sending } = useLoaderData<typeof loader>();
  return (
    <>
      <h1>Utkorg</h1>
      <p className="lead">
        {sending
          ? "Här ser du e-post som portalen har skickat. Det som inte gick att skicka försöker portalen igen, och det syns här."
          : "Portalen skickar ingen e-post här (ingen e-postserver är inställd). Varje mejl sparas i stället som en fil på servern, i mappen data/mail. Här ser du vad som skulle ha skickats."}{" "}
        Personliga engångslänkar visas aldrig här, bara för mottagaren.
      </p>
      {messages.length === 0 ? <p>Inga meddelanden ännu.</p> : null}
      {messages.map((m, i) => (
        // The list is newest first and only read: its place is key enough (no row numbers are sent).
        <details key={i} className="panel">
          <summary>
            <strong>{m.subject}</strong> till {m.to}, {formatInstant(m.createdAt, today)}. {statusText[m.status]}
            {m.icsMethod ? (m.icsMethod === "CANCEL" ? ", med avbokning för kalendern" : ", med kalenderinbjudan") : null}
          </summary>
          {m.lastError ? <p className="form-error">Senaste fel: {m.lastError}</p> : null}
          <pre className="mail-text">{m.text}</pre>
        </details>
      ))}
    </>
  );
}
