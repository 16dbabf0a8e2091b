import { Form } from "@remix-run/react";

/** The secret address that puts one's duty days in Outlook or another calendar, and a way to renew it. */
export function CalendarFeedBox({ feedUrl }: { feedUrl: string | null }) {
  return (
    <section aria-labelledby="calendar-heading" className="panel" id="kalender">
      <h2 id="calendar-heading">Jourdagarna i din kalender</h2>
      {feedUrl ? (
        <>
          <p>
            Lägg till adressen som en kalender från internet i Outlook (Lägg till kalender, Från internet) eller i en
            annan kalender. Den uppdateras av sig själv.
          </p>
          <div className="field">
            <label htmlFor="feed-url">Din kalenderadress</label>
            <input id="feed-url" type="text" readOnly value={feedUrl} className="feed-url" />
          </div>
          <p className="field__hint">Adressen är personlig. Har någon annan fått den? Skapa en ny, så slutar den gamla att fungera.</p>
        </>
      ) : (
        <p>Skapa en personlig adress som visar dina jourdagar i Outlook eller en annan kalender.</p>
      )}
      <Form method="post">
        <input type="hidden" name="intent" value="renew-feed" />
        <button type="submit">{feedUrl ? "Skapa ny adress" : "Skapa kalenderadress"}</button>
      </Form>
    </section>
  );
}
