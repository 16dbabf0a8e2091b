import type { ActionFunctionArgs, LoaderFunctionArgs, MetaFunction } from "@remix-run/node";
import { json, redirect } from "@remix-run/node";
import { Form, useActionData, useLoaderData, useSearchParams } from "@remix-run/react";
import { requireActorWith, requireWriter, notFound } from "../auth/guard.server";
import { now } from "../clock.server";
import { formatDate } from "../format/dates";
import { pageTitle } from "../format/title";
import { parseId, readFormValues, refused, validateForm } from "../http/forms";
import { seriesFormSchema } from "../models/walk-and-talk";
import { addOccasion, hostableOrganisations, seriesOverview, updateSeries } from "../models/walk-hosting.server";
import { SeriesForm } from "../components/walk/SeriesForm";
import { isLocalDate, localDateOf } from "../time/stockholm";
import { countOf } from "../format/count";

export const meta: MetaFunction = () => pageTitle("Walk-and-talk-serie");

// A series is its host's page (the contact persons', as /walk-and-talk/ny): 403 for every other role, 404 for another host's series.
export async function loader({ request, params }: LoaderFunctionArgs) {
  const actor = await requireActorWith(request, "availability:set-own");
  const id = parseId(params.seriesId);
  const at = now();
  const overview = id === null ? null : seriesOverview(actor, id, at);
  if (!overview) throw notFound();
  const today = localDateOf(at);
  const s = overview.series;
  const clock = (t: string) => t.replace(":", ".");
  const text = (n: number | null) => (n === null ? "" : String(n));
  return {
    ...overview,
    today,
    organisations: hostableOrganisations(actor).filter((o) => o.id === s.organisationId),
    current: {
      organisationId: String(s.organisationId),
      meetingPoint: s.meetingPoint,
      mapUrl: s.mapUrl ?? "",
      weekday: String(s.weekday),
      firstSlotAt: clock(s.firstSlotAt),
      slotMinutes: String(s.slotMinutes),
      slotsPerOccasion: String(s.slotsPerOccasion),
      everyWeeks: String(s.everyWeeks),
      firstDate: s.firstDate < today ? today : s.firstDate,
      lastDate: s.lastDate,
      placesPerSlot: String(s.placesPerSlot),
      deadlineDaysBefore: String(s.deadlineDaysBefore),
      deadlineAt: clock(s.deadlineAt),
      schoolPartId: text(s.schoolPartId),
      staffTeamId: text(s.staffTeamId),
    },
  };
}

export async function action({ request, params }: ActionFunctionArgs) {
  await requireWriter(request);
  const actor = await requireActorWith(request, "availability:set-own");
  const id = parseId(params.seriesId);
  if (id === null || !seriesOverview(actor, id, now())) throw notFound();
  const values = await readFormValues(request);
  if (values.intent === "update-series") {
    const at = now();
    const form = validateForm(values, seriesFormSchema(at));
    if (!form.ok) return json({ ...refused(form.fieldErrors, values), form: "update" as const }, { status: 400 });
    const outcome = updateSeries(actor, id, form.data, at);
    if (!outcome.ok) return json({ ...refused({ [outcome.field]: outcome.message }, values), form: "update" as const }, { status: 400 });
    return redirect(`/walk-and-talk/serier/${id}?andrad=${outcome.replaced}-${outcome.created}-${outcome.kept}`);
  }
  const date = (values.date ?? "").trim();
  const outcome = isLocalDate(date)
    ? addOccasion(actor, id, date, now())
    : { ok: false as const, field: "date", message: "Välj en dag, till exempel 2026-12-10." };
  if (!outcome.ok) return json({ ...refused({ date: outcome.message }, values), form: "add" as const }, { status: 400 });
  return redirect(`/walk-and-talk/serier/${id}?tillagd=${date}`);
}

export default function SeriesPage() {
  const { series, organisationName, occasions, refused: refusedDays, today, organisations, current } = useLoaderData<typeof loader>();
  const actionData = useActionData<typeof action>();
  const [searchParams] = useSearchParams();
  const created = /^\d{1,3}$/.exec(searchParams.get("skapad") ?? "")?.[0];
  const changed = /^(\d+)-(\d+)-(\d+)$/.exec(searchParams.get("andrad") ?? "");
  const dates = new Set(occasions.filter((o) => !o.cancelledAt).map((o) => o.date));
  return (
    <>
      <h1>Walk-and-talk för {organisationName}</h1>
      {created ? (
        <p className="notice" role="status">
          Tiderna är utlagda: {created === "1" ? "ett tillfälle finns" : `${created} tillfällen finns`} nu att boka för personalen.
        </p>
      ) : null}
      {changed ? (
        <p className="notice" role="status">
          Serien är ändrad. {countOf(changed[1]!, "kommande tillfälle", "kommande tillfällen")} utan bokningar ersattes av {changed[2]}{" "}
          {changed[2] === "1" ? "nytt" : "nya"}.{" "}
          {changed[3] === "0" ? "" : `${countOf(changed[3]!, "tillfälle", "tillfällen")} som någon har bokat är kvar som förut.`}
        </p>
      ) : null}
      {actionData?.form === "add" && actionData.fieldErrors.date ? (
        <p className="form-error" role="alert">
          {actionData.fieldErrors.date}
        </p>
      ) : null}
      <p>Mötesplats: {series.meetingPoint}.</p>
      {refusedDays.length > 0 ? (
        <section className="panel" aria-labelledby="refused-heading">
          <h2 id="refused-heading">Dagar utan walk-and-talk</h2>
          <ul>
            {refusedDays.map((r) => (
              <li key={r.date}>
                {formatDate(r.date, today)}:{" "}
                {r.reason === "holiday" ? (
                  `helgdag${r.name ? ` (${r.name})` : ""}.`
                ) : r.suggestion && dates.has(r.suggestion) ? (
                  `du har jour. Tillfället är ${formatDate(r.suggestion, today)} i stället.`
                ) : r.suggestion ? (
                  <Form method="post" className="inline-form">
                    du har jour den dagen. Närmaste lediga dag är {formatDate(r.suggestion, today)}. <input type="hidden" name="date" value={r.suggestion} />
                    <button type="submit" className="button--quiet">
                      Lägg till {formatDate(r.suggestion, today)}
                    </button>
                  </Form>
                ) : (
                  "du har jour den dagen, och det finns ingen ledig dag nära."
                )}
              </li>
            ))}
          </ul>
        </section>
      ) : null}
      <h2>Tillfällen</h2>
      <ul>
        {occasions.map((o) => (
          <li key={o.date}>
            {formatDate(o.date, today)}
            {o.cancelledAt ? " (inställt)" : ""}
          </li>
        ))}
      </ul>
      <h2>Ändra serien</h2>
      <p>Ändringen gäller bara kommande tillfällen som ingen har bokat. Bokade tillfällen är kvar som de är.</p>
      <SeriesForm
        organisations={organisations}
        errors={actionData?.form === "update" ? actionData.fieldErrors : {}}
        values={actionData?.form === "update" ? actionData.values : {}}
        defaults={current}
        submitLabel="Spara ändringen"
        intent="update-series"
      />
    </>
  );
}
