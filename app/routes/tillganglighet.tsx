import type { MetaFunction } from "@remix-run/node";
import { pageTitle } from "../format/title";

export const meta: MetaFunction = () => pageTitle("Tillgänglighet");

/** The accessibility statement that the Swedish law on accessible digital public services (2018:1937) requires. */
export default function AccessibilityStatement() {
  return (
    <article className="panel">
      <h1>Tillgänglighet för Samverkansportalen</h1>
      <p>
        Socialtjänsten i stadsdelen står bakom Samverkansportalen. Vi vill att alla ska kunna använda den, oavsett behov. Här berättar vi hur portalen uppfyller
        lagen om tillgänglighet till digital offentlig service, om det finns kända brister och hur du kan rapportera problem till oss.
      </p>
      <h2>Hur tillgänglig är portalen?</h2>
      <p>
        Vi bedömer att portalen uppfyller kraven i WCAG 2.1 på nivå AA. Du kan använda den med tangentbord, med skärmläsare och med förstoring. Den fungerar
        också utan JavaScript.
      </p>
      <h2>Kända brister</h2>
      <p>Vi känner inte till några brister just nu. Hittar du något som inte fungerar vill vi gärna veta det.</p>
      <h2>Rapportera brister</h2>
      <p>
        Mejla <a href="mailto:tillganglighet@hv.example">tillganglighet@hv.example</a> och berätta vilken sida det gäller och vad som inte fungerade. Vi svarar
        inom fem arbetsdagar.
      </p>
      <h2>Tillsyn</h2>
      <p>
        Myndigheten för digital förvaltning (Digg) har tillsyn över lagen. Om du inte är nöjd med hur vi hanterar dina synpunkter kan du{" "}
        <a href="https://www.digg.se/digitala-tjanster/tillganglighet-till-digital-offentlig-service/anmal-bristande-tillganglighet">anmäla det till Digg</a>.
      </p>
      <h2>Hur vi testar portalen</h2>
      <p>
        Varje sida kontrolleras automatiskt med verktyget axe mot WCAG 2.1 AA varje gång vi ändrar portalen. Vi testar också själva med tangentbord, utan
        JavaScript och på mobil.
      </p>
      <p>Redogörelsen uppdaterades senast den 26 november 2026.</p>
    </article>
  );
}
