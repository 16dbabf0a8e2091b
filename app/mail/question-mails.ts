/**
 * The mails of consultations and support requests. A question's mail says only that something
 * waits, with a link: never the question, the child or the family. A support request's mail
 * names the offer and the partner organisation, never the family.
 */
type Recipient = { name: string; email: string };

const NOTHING_ABOUT_THE_CHILD = "Av hänsyn till barnet står inget om frågan i det här mejlet.";

/** A new question waits for a contact person (or the one on duty). */
export function newQuestionNotice(to: Recipient, url: string) {
  return {
    to: to.email,
    subject: "En ny fråga väntar i Samverkansportalen",
    text: `Hej ${to.name}!\n\nEn ny konsultationsfråga väntar på svar i Samverkansportalen. Logga in för att läsa den:\n${url}\n\n${NOTHING_ABOUT_THE_CHILD}`,
  };
}

/** A new message in a consultation: to the asker ("you have an answer") or to the one who took it. */
export function newMessageNotice(to: Recipient, toTheAsker: boolean, url: string) {
  return {
    to: to.email,
    subject: toTheAsker ? "Du har fått svar i Samverkansportalen" : "Ett nytt meddelande väntar i Samverkansportalen",
    text: `Hej ${to.name}!\n\nDet finns ett nytt meddelande till dig i Samverkansportalen:\n${url}\n\n${NOTHING_ABOUT_THE_CHILD}`,
  };
}

/** A partner asks the offer's team to contact a family that has said yes. */
export function supportRequestNotice(to: Recipient, p: { offerName: string; organisationName: string | null; url: string }) {
  return {
    to: to.email,
    subject: `En familj vill bli kontaktad: ${p.offerName}`,
    text: `Hej ${to.name}!\n\n${p.organisationName ?? "En samverkanspartner"} ber ert team kontakta en familj om ${p.offerName}. Vårdnadshavarna har sagt ja.\nUppgifterna finns i Samverkansportalen:\n${p.url}\n`,
  };
}
