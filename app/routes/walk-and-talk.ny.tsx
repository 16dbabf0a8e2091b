import type { ActionFunctionArgs, LoaderFunctionArgs, MetaFunction } from "@remix-run/node";
import { json, redirect } from "@remix-run/node";
import { useActionData, useLoaderData } from "@remix-run/react";
import { now } from "../clock.server";
import { SeriesForm } from "../components/walk/SeriesForm";
import { pageTitle } from "../format/title";
import { readFormValues, refused, validateForm } from "../http/forms";
import { seriesFormSchema } from "../models/walk-and-talk";
import { createSeries, hostableOrganisations } from "../models/walk-hosting.server";
import { addDays, localDateOf } from "../time/stockholm";
import { requireActorWith } from "../auth/guard.server";

export const meta: MetaFunction = () => pageTitle("Lägg ut walk-and-talk-tider");

export async function loader({ request }: LoaderFunctionArgs) {
  const actor = await requireActorWith(request, "availability:set-own");
  const today = localDateOf(now());
  return { organisations: hostableOrganisations(actor), today, defaultLast: addDays(today, 7 * 12) };
}

export async function action({ request }: ActionFunctionArgs) {
  const actor = await requireActorWith(request, "availability:set-own");
  const values = await readFormValues(request);
  const at = now();
  const form = validateForm(values, seriesFormSchema(at));
  if (!form.ok) return json(refused(form.fieldErrors, values), { status: 400 });
  const outcome = createSeries(actor, form.data, at);
  if (!outcome.ok) return json(refused({ [outcome.field]: outcome.message }, values), { status: 400 });
  return redirect(`/walk-and-talk/serier/${outcome.seriesId}?skapad=${outcome.created}`);
}

export default function NewSeries() {
  const { organisations, today, defaultLast } = useLoaderData<typeof loader>();
  const actionData = useActionData<typeof action>();
  const errors = actionData?.fieldErrors ?? {};
  const values = actionData?.values ?? {};
  return (
    <>
      <h1>Lägg ut walk-and-talk-tider</h1>
      <p className="lead">Tiderna blir bokningsbara för personalen i verksamheten. Helgdagar och dina jourdagar hoppas över.</p>
      {organisations.length === 0 ? (
        <p className="notice notice--warn">Du är inte kontaktperson för någon verksamhet ännu.</p>
      ) : (
        <SeriesForm
          organisations={organisations}
          errors={errors}
          values={values}
          defaults={{ firstDate: today, lastDate: defaultLast }}
          submitLabel="Lägg ut tiderna"
        />
      )}
    </>
  );
}
