import { formatClock, formatDate } from "../format/dates";
import { formatPhone, telHref } from "../format/phone";
import type { CallOption } from "../models/who-to-call";

/** A phone number as a link that dials it. */
export function PhoneLink({ phone }: { phone: string }) {
  return <a href={telHref(phone)}>{formatPhone(phone)}</a>;
}

/** One way to reach social services, in one sentence. */
export function CallOptionText({ option, today }: { option: CallOption; today: string }) {
  switch (option.kind) {
    case "contact":
      return (
        <>
          Ring {option.name}, <PhoneLink phone={option.phone} />.
        </>
      );
    case "duty":
      return (
        <>
          Ring jourtelefonen, <PhoneLink phone={option.phone} />. {option.dutyPersonName ? `I dag svarar ${option.dutyPersonName}. ` : null}Öppen till kl.{" "}
          {formatClock(option.closesAt)}.
        </>
      );
    case "after-hours":
      return (
        <>
          Jourtelefonen är stängd. Ring socialjouren, <PhoneLink phone={option.phone} />.
          {option.opensNext ? (
            <>
              {" "}
              Jourtelefonen öppnar {option.opensNext.date === today ? "i dag" : formatDate(option.opensNext.date, today)} kl.{" "}
              {formatClock(option.opensNext.opensAt)}.
            </>
          ) : null}
        </>
      );
    case "emergency":
      return (
        <>
          Vid fara för liv: ring <a href="tel:112">112</a>.
        </>
      );
  }
}

/** The start page's answer to "who do I call right now?": the best option first, then the rest. */
export function WhoToCall({ options, today, heading = "Vem ringer jag just nu?" }: { options: CallOption[]; today: string; heading?: string }) {
  const [first, ...rest] = options;
  if (!first) return null;
  return (
    <section className="who-to-call" aria-labelledby="who-to-call-heading">
      <h2 id="who-to-call-heading">{heading}</h2>
      <p className="who-to-call__answer">
        <CallOptionText option={first} today={today} />
      </p>
      {rest.length > 0 ? (
        <>
          <p className="who-to-call__more">Om du inte når fram:</p>
          <ul>
            {rest.map((option, i) => (
              <li key={i}>
                <CallOptionText option={option} today={today} />
              </li>
            ))}
          </ul>
        </>
      ) : null}
    </section>
  );
}
