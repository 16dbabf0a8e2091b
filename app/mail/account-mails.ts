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
