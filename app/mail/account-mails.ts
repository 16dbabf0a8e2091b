/**
 * The mails about one's account: an invitation, a password reset, and what goes out instead of
 * either when the address already logs in elsewhere. `link` is where the one-time link goes:
 * the outbox's placeholder, replaced when the mail is sent.
 */

/** An invitation to choose one's first password; `where` is " i <district>" or empty for a city account. */
export function invitationMail(p: { name: string; invitedBy: string; where: string; title: string }, link: string): { subject: string; text: string } {
  return {
    subject: "Du är inbjuden till Samverkansportalen",
    text: `Hej ${p.name}!\n\n${p.invitedBy}${p.where} har bjudit in dig till Samverkansportalen, där skola, förskola, polis och socialtjänsten samverkar kring barn och unga. Du bjuds in som ${p.title.toLowerCase()}${p.where}.\n\nVälj ditt lösenord här inom 7 dagar:\n${link}\n\nLänken fungerar en gång.`,
  };
}

/** A link to choose a new password, valid one hour. */
export function resetMail(name: string, link: string): { subject: string; text: string } {
  return {
    subject: "Välj ett nytt lösenord till Samverkansportalen",
    text: `Hej ${name}!\n\nNågon, förhoppningsvis du, bad om ett nytt lösenord. Välj det här inom en timme:\n${link}\n\nBad du inte om det? Då kan du strunta i det här mejlet. Ditt lösenord är oförändrat.`,
  };
}

/**
 * What goes out instead of a one-time link when the address already logs in with another
 * account (one login per address): a district invited an address another district has, and
 * was told nothing about it. Only the owner of the address reads this, so it may say so. It
 * names no district and no person: the mail may be a stranger's invitation.
 */
export function accountHeldText(loginUrl: string): string {
  return [
    "Hej!",
    "",
    "Du har fått ett mejl från Samverkansportalen om att välja ett lösenord. Din e-postadress har redan ett konto i portalen, så du behöver ingen ny länk. Logga in som vanligt:",
    loginUrl,
    "",
    "Har du börjat arbeta i ett annat stadsdelsområde? Be samordnaren där att kontakta stadens administratör, som flyttar ditt konto.",
    "",
    "Kommer du inte in? Kontakta samordnaren i teamet på socialtjänsten.",
  ].join("\n");
}
