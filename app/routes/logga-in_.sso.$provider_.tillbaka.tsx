import type { LoaderFunctionArgs, MetaFunction } from "@remix-run/node";
import { json } from "@remix-run/node";
import { Link, useLoaderData } from "@remix-run/react";
import { finishSso, type SsoFailure } from "../auth/sso.server";
import { now } from "../clock.server";
import { pageTitle } from "../format/title";

export const meta: MetaFunction = () => pageTitle("Inloggningen gick inte");

const ASK_THE_COORDINATOR = "Be samordnaren i socialtjänstens team i ditt stadsdelsområde att lägga till dig.";
const URGENT = "Gäller det ett barn och är det bråttom? Ring socialtjänstens jourtelefon i ditt stadsdelsområde, eller 112 om det är akut.";

const MESSAGES: Record<SsoFailure | "cancelled", { heading: string; text: string }> = {
  unknown: {
    heading: "Du finns inte i Samverkansportalen än",
    text: `Du loggade in hos staden, men portalen känner inte till ditt konto. ${ASK_THE_COORDINATOR}`,
  },
  unverified: {
    heading: "Du finns inte i Samverkansportalen än",
    text: `Din e-postadress är inte bekräftad hos den som loggade in dig, så portalen kan inte veta vem du är. ${ASK_THE_COORDINATOR}`,
  },
  ambiguous: {
    heading: "Flera stadsdelsområden har bjudit in dig",
    text: "Öppna länken i den inbjudan du vill använda och välj ett lösenord där. Sedan kan du logga in med stadens konto.",
  },
  deactivated: { heading: "Ditt konto är avstängt", text: "Fråga samordnaren i socialtjänstens team om du ska ha tillgång till portalen igen." },
  failed: { heading: "Inloggningen gick inte", text: "Inloggningen tog för lång tid eller avbröts. Gå tillbaka och försök igen." },
  cancelled: { heading: "Du loggade inte in", text: "Inloggningen hos staden avbröts. Gå tillbaka och försök igen, eller logga in med lösenord." },
};

/** The way back from the identity provider: logged in and on to the page the person wanted, or told in Swedish why not. */
export async function loader({ request, params }: LoaderFunctionArgs) {
  if (new URL(request.url).searchParams.has("error")) return json({ reason: "cancelled" as const }, { status: 400 });
  const outcome = await finishSso(request, params.provider ?? "", now());
  if (outcome.ok) return outcome.response;
  return json({ reason: outcome.reason }, { status: outcome.reason === "failed" ? 400 : 403 });
}

export default function SsoRefused() {
  // The loader's other answer is a redirect, which never renders.
  const { reason } = useLoaderData<{ reason: SsoFailure | "cancelled" }>();
  const message = MESSAGES[reason];
  return (
    <div className="panel panel--narrow">
      <h1>{message.heading}</h1>
      <p>{message.text}</p>
      <p>{URGENT}</p>
      <p>
        <Link to="/logga-in">Till inloggningen</Link>
      </p>
    </div>
  );
}
