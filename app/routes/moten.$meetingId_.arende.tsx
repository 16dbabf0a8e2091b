import type { ActionFunctionArgs, LoaderFunctionArgs, MetaFunction } from "@remix-run/node";
import { json, redirect } from "@remix-run/node";
import { Form, Link, useActionData, useLoaderData } from "@remix-run/react";
import type { Actor } from "../auth/permissions";
import { requireActorWith, requireWriter, notFound } from "../auth/guard.server";
import { now } from "../clock.server";
import { ConsultationFields } from "../components/ConsultationFields";
import { FormError } from "../components/FormError";
import { formatInstant } from "../format/walk";
import { pageTitle } from "../format/title";
import { readConsultationForm } from "../http/consultation-form";
import { parseId } from "../http/forms";
import { bookForumPlace, openForumMeeting } from "../models/consultations.server";
import { localDateOf } from "../time/stockholm";
import { countOf } from "../format/count";

export const meta: MetaFunction = () => pageTitle("Ta upp ett ärende på konsultationsforumet");

/** A coming forum meeting a partner may bring a case to: 403 for every other role (decision 023), 404 for anything but such a meeting. */
async function forumFor(request: Request, meetingId: string | undefined): Promise<{ actor: Actor; id: number }> {
  const actor = await requireActorWith(request, "contacts:see-own");
  const id = parseId(meetingId);
  if (id === null) throw notFound();
  return { actor, id };
}

export async function loader({ request, params }: LoaderFunctionArgs) {
  const { actor, id } = await forumFor(request, params.meetingId);
  const at = now();
  const forum = openForumMeeting(actor, id, at);
  if (!forum) throw notFound();
  return { id, startsAt: forum.meeting.startsAt!, free: forum.free, today: localDateOf(at) };
}

export async function action({ request, params }: ActionFunctionArgs) {
  await requireWriter(request);
  const { actor, id } = await forumFor(request, params.meetingId);
  const at = now();
  // A forum case is answered at the forum, without hurry.
  const { form, refuse } = await readConsultationForm(request, at, { urgency: "no_hurry", answerBy: "meeting" });
  if (!form.ok) return json(refuse(form.fieldErrors), { status: 400 });
  const outcome = bookForumPlace(actor, id, form.data, at);
  if (!outcome.ok) return json(refuse({ [outcome.field]: outcome.message }), { status: 400 });
  return redirect(`/konsultation/${outcome.id}?skickad=forum`);
}

export default function BookForumCase() {
  const { id, startsAt, free, today } = useLoaderData<typeof loader>();
  const actionData = useActionData<typeof action>();
  const errors = actionData?.fieldErrors ?? {};
  return (
    <>
      <h1>Ta upp ett ärende på konsultationsforumet</h1>
      <p className="lead">
        Forumet {formatInstant(startsAt, today)}. {free > 0 ? `${countOf(free, "plats", "platser")} kvar.` : "Fullbokat."}
      </p>
      <p>
        Du beskriver ärendet här, utan namn om vårdnadshavarna inte har sagt ja. På forumet får du råd av socialtjänsten, och efteråt står rådet här i portalen.
        Är det bråttom? Ring i stället.
      </p>
      <FormError message={errors.form} />
      {free > 0 ? (
        <Form method="post" noValidate className="panel">
          <ConsultationFields
            values={actionData?.values ?? {}}
            errors={errors}
            needsNameConfirmation={Boolean(actionData?.needsNameConfirmation)}
            questionLabel="Beskriv ärendet och vad du vill ha råd om"
          />
          <button type="submit">Boka platsen</button> <Link to={`/moten/${id}`}>Avbryt</Link>
        </Form>
      ) : (
        <p>
          <Link to="/moten">Välj ett annat datum</Link>
        </p>
      )}
    </>
  );
}
