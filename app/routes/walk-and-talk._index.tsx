import type { ActionFunctionArgs, LoaderFunctionArgs, MetaFunction } from "@remix-run/node";
import { json, redirect } from "@remix-run/node";
import { Form, Link, useActionData, useLoaderData, useSearchParams } from "@remix-run/react";
import { can } from "../auth/permissions";
import { forbidden, requireWriter } from "../auth/guard.server";
import { requireActor } from "../auth/session.server";
import { now } from "../clock.server";
import { Agenda } from "../components/walk/Agenda";
import { MyBookings } from "../components/walk/MyBookings";
import { WeeklySlotList } from "../components/walk/SlotList";
import { pageTitle } from "../format/title";
import { parseId, readFormValues, refused } from "../http/forms";
import { termOf } from "../models/walk-and-talk";
import { chosenHost, hostsOf } from "../models/walk-listing";
import { cancelBooking, myBookings, openSlotsFor } from "../models/walk-booking.server";
import { agendaFor, cancelOccasion, markSlotOutcome, moveOccasion } from "../models/walk-hosting.server";
import { hasBookedThisTerm, setWalkExpected, walkExpected } from "../models/walk-leadership.server";
import { isLocalDate, localDateOf } from "../time/stockholm";
import { SavedNotice } from "../components/SavedNotice";

export const meta: MetaFunction = () => pageTitle("Walk-and-talk");

export async function loader({ request }: LoaderFunctionArgs) {
  const actor = await requireActor(request);
  const at = now();
  const today = localDateOf(at);
  const term = termOf(today);
  if (can(actor, "partner:work")) {
    const expected = walkExpected(actor, term);
    // All open times, or one contact person's (?kontaktperson=<id>, the filter's GET form).
    const open = openSlotsFor(actor, at);
    const host = chosenHost(open, new URL(request.url).searchParams.get("kontaktperson"));
    return {
      view: "partner" as const,
      today,
      now: at.toISOString(),
      leadership: can(actor, "organisation:lead"),
      expected,
      showBanner: expected && !hasBookedThisTerm(actor, term),
      bookings: myBookings(actor, at),
      slots: host === null ? open : open.filter((s) => s.hostPersonId === host),
      hosts: hostsOf(open),
      chosenHost: host,
    };
  }
  if (can(actor, "availability:set-own")) return { view: "host" as const, today, agenda: agendaFor(actor, at) };
  return { view: "other" as const, today };
}

export async function action({ request }: ActionFunctionArgs) {
  const actor = await requireWriter(request);
  const values = await readFormValues(request);
  const at = now();
  const failed = (message: string, extra: Record<string, unknown> = {}) => json({ ...refused({ form: message }, values), ...extra }, { status: 400 });
  switch (values.intent) {
    case "cancel-booking": {
      const id = parseId(values.bookingId);
      const outcome = id === null ? null : cancelBooking(actor, id, at);
      if (!outcome?.ok) return failed(outcome?.message ?? "Bokningen finns inte.");
      return redirect("/walk-and-talk?sparat=avbokad");
    }
    case "set-expected": {
      const outcome = setWalkExpected(actor, termOf(localDateOf(at)), values.expected === "yes");
      if (!outcome.ok) throw forbidden();
      return redirect("/walk-and-talk?sparat=forvantan");
    }
    case "cancel-occasion":
    case "move-occasion":
    case "mark-outcome": {
      if (!can(actor, "availability:set-own")) throw forbidden();
      const occasionId = parseId(values.occasionId);
      if (values.intent === "mark-outcome") {
        const slotId = parseId(values.slotId);
        const outcome =
          slotId !== null && (values.outcome === "held" || values.outcome === "not_held") ? markSlotOutcome(actor, slotId, values.outcome, at) : null;
        if (!outcome?.ok) return failed(outcome?.message ?? "Tiden finns inte.");
        return redirect("/walk-and-talk?sparat=markerad");
      }
      if (occasionId === null) return failed("Tillfället finns inte.");
      if (values.intent === "cancel-occasion") {
        const outcome = cancelOccasion(actor, occasionId, at);
        if (!outcome.ok) return failed(outcome.message, { occasionId });
        return redirect("/walk-and-talk?sparat=installt");
      }
      const date = (values.date ?? "").trim();
      if (!isLocalDate(date)) return failed("Välj en dag att flytta till, till exempel 2026-12-10.", { occasionId });
      const outcome = moveOccasion(actor, occasionId, date, at);
      if (!outcome.ok) return failed(outcome.message, { occasionId });
      return redirect("/walk-and-talk?sparat=flyttat");
    }
    default:
      return failed("Formuläret kunde inte läsas. Ladda om sidan och försök igen.");
  }
}

const SAVED: Record<string, string> = {
  bokad: "Du har bokat en walk-and-talk. En bekräftelse med kalenderinbjudan kommer med e-post.",
  avbokad: "Du har avbokat. En avbokning kommer med e-post.",
  forvantan: "Sparat.",
  installt: "Tillfället är inställt. De som hade bokat får veta det med e-post.",
  flyttat: "Tillfället är flyttat. De som hade bokat får en ny inbjudan.",
  markerad: "Sparat.",
};

export default function WalkAndTalk() {
  const data = useLoaderData<typeof loader>();
  const actionData = useActionData<typeof action>();
  const [searchParams] = useSearchParams();
  const saved = actionData ? undefined : SAVED[searchParams.get("sparat") ?? ""];
  const formError = actionData?.fieldErrors.form;
  const occasionId = actionData && "occasionId" in actionData ? Number(actionData.occasionId) : undefined;
  return (
    <>
      <h1>Walk-and-talk</h1>
      <p className="lead">Ta en promenad med din kontaktperson på socialtjänsten och prata om det du undrar över.</p>
      <SavedNotice message={saved} />
      {formError && occasionId === undefined && data.view !== "partner" ? (
        <p className="form-error" role="alert">
          {formError}
        </p>
      ) : null}
      {data.view === "partner" ? (
        <>
          {data.showBanner ? (
            <div className="notice notice--warn">
              <p>
                <strong>Har du bokat din walk-and-talk?</strong> Alla i personalen går en walk-and-talk med socialtjänsten den här terminen. Välj en tid nedan
                som passar dig.
              </p>
            </div>
          ) : null}
          {data.leadership ? (
            <section className="panel" aria-labelledby="leadership-heading">
              <h2 id="leadership-heading">För ledningen</h2>
              <p>
                {data.expected
                  ? "Alla i personalen förväntas gå en walk-and-talk den här terminen."
                  : "Walk-and-talk är frivilligt för personalen den här terminen."}{" "}
                <Link to="/walk-and-talk/personal">Se vilka i personalen som har bokat</Link>.
              </p>
              <Form method="post">
                <input type="hidden" name="intent" value="set-expected" />
                <input type="hidden" name="expected" value={data.expected ? "no" : "yes"} />
                <button type="submit">{data.expected ? "Gör walk-and-talk frivilligt" : "Förvänta att alla går en walk-and-talk den här terminen"}</button>
              </Form>
            </section>
          ) : null}
          <MyBookings bookings={data.bookings} today={data.today} now={data.now} error={formError} />
          <WeeklySlotList slots={data.slots} today={data.today} hosts={data.hosts} chosenHost={data.chosenHost} />
        </>
      ) : null}
      {data.view === "host" ? (
        <>
          <p>
            <Link className="button" to="/walk-and-talk/ny">
              Lägg ut nya tider
            </Link>
          </p>
          <h2>Dina tillfällen</h2>
          <Agenda occasions={data.agenda} today={data.today} errors={{ occasionId, message: formError }} />
        </>
      ) : null}
      {data.view === "other" ? <p>Walk-and-talk bokas av personalen i skolor och förskolor hos sina kontaktpersoner.</p> : null}
    </>
  );
}
