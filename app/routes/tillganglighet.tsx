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
        Vi bedömer att portalen uppfyller kraven i WCAG 2.2 på nivå AA. WCAG är de riktlinjer för tillgänglighet som offentlig sektor följer. Du kan använda
        portalen med tangentbord, med skärmläsare och med förstoring. Den fungerar också utan JavaScript.
      </p>
      <h2>Kända brister</h2>
      <p>Vi känner inte till några brister mot WCAG 2.2 AA just nu. Men tänk på det här:</p>
      <ul>
        <li>Automatiska tester hittar bara en del av alla problem. Ingen utomstående har granskat portalen, och vi har inte testat den med skärmläsare.</li>
        <li>Inloggningen med stadens konto sker på stadens egen sida. Den sidan är inte en del av portalen och vi har inte testat den.</li>
        <li>Kalenderfiler och kalkylfiler (CSV) som du laddar ner är inga webbsidor. Hur de visas beror på ditt kalender- eller kalkylprogram.</li>
      </ul>
      <p>Hittar du något som inte fungerar vill vi gärna veta det.</p>
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
      <p>Varje gång vi ändrar portalen körs automatiska tester som går igenom portalen som varje roll använder den, med och utan JavaScript.</p>
      <ul>
        <li>Varje sida som testerna besöker kontrolleras med verktyget axe mot WCAG 2.2 på nivå A och AA.</li>
        <li>Varje sida som testerna besöker kontrolleras med W3C:s verktyg för att granska HTML-kod (Nu HTML Checker). Koden får inte ha några fel.</li>
        <li>
          Testerna använder tangentbordet på vissa sidor. De kontrollerar till exempel att det du flyttar till med tabbtangenten syns och inte hamnar under
          sidhuvudet, och att inloggningen fungerar med lösenordshanterare.
        </li>
      </ul>
      <p>Vi har själva provat portalen med tangentbord, utan JavaScript och på mobil. Vi har inte gjort någon fullständig granskning för hand.</p>
      <p>Redogörelsen uppdaterades senast den 1 december 2026.</p>
    </article>
  );
}
