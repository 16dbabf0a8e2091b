import type { ActionFunctionArgs, LoaderFunctionArgs, MetaFunction } from "@remix-run/node";
import { json, redirect } from "@remix-run/node";
import { Form, Link, useActionData, useLoaderData } from "@remix-run/react";
import { requireActorWith, requireWriter, notFound } from "../auth/guard.server";
import { now } from "../clock.server";
import { Field } from "../components/Field";
import { RadioGroup } from "../components/RadioGroup";
import { SlotList } from "../components/walk/SlotList";
import { formatInstant, formatSlot, walkTopicLabel } from "../format/walk";
import { pageTitle } from "../format/title";
import { parseId, readFormValues, refused, validateForm } from "../http/forms";
import { bookingSchema } from "../models/walk-booking";
import { bookSlot, openSlotsFor, slotForPartner } from "../models/walk-booking.server";
import { localDateOf } from "../time/stockholm";

export const meta: MetaFunction = () => pageTitle("Boka walk-and-talk");

// Booking is for partners: 403 for every other role, 404 for a time of another organisation.
export async function loader({ request, params }: LoaderFunctionArgs) {
  const actor = await requireActorWith(request, "partner:work");
  const id = parseId(params.slotId);
  const slot = id === null ? null : slotForPartner(actor, id);
  if (!slot) throw notFound();
  const at = now();
  return { slot, today: localDateOf(at), bookable: !slot.cancelledAt && slot.deadline > at && slot.booked < slot.capacity };
}

export async function action({ request, params }: ActionFunctionArgs) {
  await requireWriter(request);
  const actor = await requireActorWith(request, "partner:work");
  const id = parseId(params.slotId);
  if (id === null || !slotForPartner(actor, id)) throw notFound();
  const values = await readFormValues(request);
  const form = validateForm(values, bookingSchema());
  if (!form.ok) return json({ ...refused(form.fieldErrors, values), alternatives: [] }, { status: 400 });
  const at = now();
  const outcome = bookSlot(actor, id, form.data, at);
  if (outcome.ok) return redirect("/walk-and-talk?sparat=bokad");
  // Offer the next free times straight away, so nobody has to start over.
  const alternatives = outcome.reason === "already" ? [] : openSlotsFor(actor, at, 3);
  return json({ ...refused({ form: outcome.message }, values), alternatives }, { status: outcome.reason === "full" ? 409 : 400 });
}

export default function BookSlot() {
  const { slot, today, bookable } = useLoaderData<typeof loader>();
  const actionData = useActionData<typeof action>();
  const errors = actionData?.fieldErrors ?? {};
  const values = actionData?.values ?? {};
  return (
    <>
      <h1>Boka walk-and-talk</h1>
      <div className="panel">
        <p>
          <strong>{formatSlot(slot.startsAt, slot.endsAt, today)}</strong>
        </p>
        <p>
          Med {slot.hostName}, socialtjänsten. Ni möts: {slot.meetingPoint}.
          {slot.mapUrl ? (
            <>
              {" "}
              <a href={slot.mapUrl}>Karta</a>
            </>
          ) : null}
        </p>
        <p>Boka och avboka senast {formatInstant(slot.deadline, today)}.</p>
      </div>
      {errors.form ? (
        <div className="notice notice--danger" role="alert">
          <p>{errors.form}</p>
        </div>
      ) : null}
      {actionData?.alternatives && actionData.alternatives.length > 0 ? (
        <SlotList slots={actionData.alternatives} today={today} heading="Nästa lediga tider" />
      ) : null}
      {bookable && !errors.form ? (
        <Form method="post" noValidate className="panel">
          <RadioGroup
            legend="Vad vill du prata om? (frivilligt)"
            name="topic"
            value={values.topic}
            error={errors.topic}
            options={(Object.keys(walkTopicLabel) as (keyof typeof walkTopicLabel)[]).map((t) => ({ value: t, label: walkTopicLabel[t] }))}
          />
          <Field
            label="Något du vill att kontaktpersonen vet i förväg (frivilligt)"
            name="note"
            hint="Skriv inte barnets namn eller något annat som visar vem barnet är. Högst 200 tecken."
            maxLength={200}
            defaultValue={values.note ?? ""}
            error={errors.note}
          />
          <button type="submit">Boka</button> <Link to="/walk-and-talk">Tillbaka</Link>
        </Form>
      ) : null}
      {!bookable && !errors.form ? (
        <div className="notice notice--warn">
          <p>Den här tiden går inte att boka längre.</p>
          <p>
            <Link to="/walk-and-talk">Se lediga tider</Link>
          </p>
        </div>
      ) : null}
    </>
  );
}
