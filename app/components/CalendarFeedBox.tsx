import { Form } from "@remix-run/react";

/**
 * The secret address that puts one's duty days in Outlook or another calendar. Only its hash
 * is kept, so the address is shown once, right after it is made; a new one ends the old one.
 */
export function CalendarFeedBox({ hasFeed, newFeedUrl }: { hasFeed: boolean; newFeedUrl: string | null }) {
  return (
    <section aria-labelledby="calendar-heading" className="panel" id="kalender">
      <h2 id="calendar-heading">Jourdagarna i din kalender</h2>
      {newFeedUrl ? (
        <>
          <p className="notice" role="status">
            Här är din nya kalenderadress. Kopiera den nu: den visas bara den här gången. Den gamla adressen fungerar inte längre.
          </p>
          <p>
            Lägg till adressen som en kalender från internet i Outlook (Lägg till kalender, Från internet) eller i en annan kalender. Den uppdateras av sig
            själv.
          </p>
          <div className="field">
            <label htmlFor="feed-url">Din kalenderadress</label>
            <input id="feed-url" type="text" readOnly value={newFeedUrl} className="feed-url" />
          </div>
          <p className="field__hint">Adressen är personlig. Har någon annan fått den? Skapa en ny, så slutar den gamla att fungera.</p>
        </>
      ) : hasFeed ? (
        <p>
          Du har en kalenderadress. Portalen sparar den inte i klartext och kan inte visa den igen. Har du tappat bort den, eller har någon annan fått den?
          Skapa en ny, så slutar den gamla att fungera.
        </p>
      ) : (
        <p>Skapa en personlig adress som visar dina jourdagar i Outlook eller en annan kalender.</p>
      )}
      <Form method="post">
        <input type="hidden" name="intent" value="renew-feed" />
        <button type="submit">{hasFeed || newFeedUrl ? "Skapa ny adress" : "Skapa kalenderadress"}</button>
      </Form>
    </section>
  );
}
