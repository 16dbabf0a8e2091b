import { Form } from "@remix-run/react";
import type { AvailabilityView } from "../models/availability";
import { Field } from "./Field";
import { RadioGroup } from "./RadioGroup";

type Values = Record<string, string | undefined>;

/** A contact person sets their own status: available, busy until a time today, or away through a date. */
export function StatusForm({
  current,
  errors = {},
  values,
}: {
  current: AvailabilityView;
  errors?: Record<string, string | undefined>;
  values?: Values | undefined;
}) {
  const selected = values?.status ?? (current.state === "on-duty" ? "available" : current.state);
  return (
    <section aria-labelledby="status-heading" className="panel">
      <h2 id="status-heading">Din status</h2>
      <p>Det här syns på ditt kontaktkort. Statusen går ut av sig själv. Skriv aldrig varför du är borta.</p>
      <Form method="post" noValidate>
        <input type="hidden" name="intent" value="set-status" />
        <RadioGroup
          legend="Kan du svara i telefon?"
          name="status"
          value={selected}
          error={errors.status}
          options={[
            { value: "available", label: "Tillgänglig" },
            {
              value: "busy",
              label: "Upptagen i dag",
              extra: (
                <Field
                  label="Upptagen till klockan"
                  name="busyUntil"
                  type="time"
                  hint="Till exempel 14.30"
                  defaultValue={
                    values?.busyUntil ??
                    (current.state === "busy"
                      ? new Date(current.until).toLocaleTimeString("sv-SE", { hour: "2-digit", minute: "2-digit", timeZone: "Europe/Stockholm" })
                      : "")
                  }
                  error={errors.busyUntil}
                />
              ),
            },
            {
              value: "away",
              label: "Borta",
              extra: (
                <Field
                  label="Borta till och med"
                  name="awayThrough"
                  type="date"
                  hint="Sista dagen du är borta, till exempel 2026-12-03"
                  defaultValue={values?.awayThrough ?? (current.state === "away" ? current.through : "")}
                  error={errors.awayThrough}
                />
              ),
            },
          ]}
        />
        <button type="submit">Spara status</button>
      </Form>
    </section>
  );
}
