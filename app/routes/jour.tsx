import type { ActionFunctionArgs, LoaderFunctionArgs, MetaFunction } from "@remix-run/node";
import { json, redirect } from "@remix-run/node";
import { useActionData, useLoaderData, useSearchParams } from "@remix-run/react";
import { can } from "../auth/permissions";
import { requireActor } from "../auth/session.server";
import { now } from "../clock.server";
import { DayChangeForms } from "../components/duty/DayChangeForms";
import { DutyDaysTable } from "../components/duty/DutyDaysTable";
import { DutyLineForm } from "../components/duty/DutyLineForm";
import { DutyLineSummary } from "../components/duty/DutyLineSummary";
import { RotaEditor } from "../components/duty/RotaEditor";
import { pageTitle } from "../format/title";
import { readFormValues, refused, validateForm } from "../http/forms";
import {
  addRotaMember,
  dutyCandidates,
  moveRotaMember,
  removeOverride,
  removeRotaMember,
  replaceDutyDay,
  saveDutyLine,
  swapDutyDays,
  type Outcome,
} from "../models/duty-admin.server";
import { dutyLineSchema, removeOverrideSchema, replaceDaySchema, rotaMemberSchema, swapDaysSchema } from "../models/duty-forms";
import { dutyDays, dutyLineOf, rotaMembersOf } from "../models/duty.server";
import { recordAudit } from "../models/audit.server";
import { addDays, localDateOf, mondayOf } from "../time/stockholm";
import { SavedNotice } from "../components/SavedNotice";
import { requireActorWith } from "../auth/guard.server";

export const meta: MetaFunction = () => pageTitle("Jour");

const WEEKS_AHEAD = 8;

export async function loader({ request }: LoaderFunctionArgs) {
  const actor = await requireActor(request);
  const today = localDateOf(now());
  const line = dutyLineOf(actor);
  const monday = mondayOf(today);
  const week = dutyDays(actor, monday, addDays(monday, 6));
  if (!can(actor, "district:manage")) return { editor: false as const, today, line, week };
  return {
    editor: true as const,
    today,
    line,
    week,
    coming: dutyDays(actor, today, addDays(today, WEEKS_AHEAD * 7 - 1)),
    members: rotaMembersOf(actor),
    candidates: dutyCandidates(actor),
  };
}

const INTENTS = ["add-member", "remove-member", "move-up", "move-down", "replace-day", "swap-days", "remove-override", "save-line"] as const;
type Intent = (typeof INTENTS)[number];

export async function action({ request }: ActionFunctionArgs) {
  const actor = await requireActorWith(request, "district:manage");
  const values = await readFormValues(request);
  const intent = INTENTS.find((i) => i === values.intent);
  const today = localDateOf(now());
  const answer = (form: Intent | "unknown", outcome: Outcome) => {
    if (outcome.ok) {
      recordAudit(actor, "duty.changed", { type: "duty_rota", id: actor.districtId });
      return redirect(`/jour?sparat=${form}`);
    }
    return json({ form, ...refused({ [outcome.field]: outcome.message }, values) }, { status: 400 });
  };
  const invalid = (form: Intent, fieldErrors: Record<string, string>) => json({ form, ...refused(fieldErrors, values) }, { status: 400 });

  switch (intent) {
    case "add-member":
    case "remove-member":
    case "move-up":
    case "move-down": {
      const form = validateForm(values, rotaMemberSchema);
      if (!form.ok) return invalid(intent, form.fieldErrors);
      const id = form.data.personId;
      const outcome =
        intent === "add-member"
          ? addRotaMember(actor, id)
          : intent === "remove-member"
            ? removeRotaMember(actor, id)
            : moveRotaMember(actor, id, intent === "move-up" ? "up" : "down");
      return answer(intent, outcome);
    }
    case "replace-day": {
      const form = validateForm(values, replaceDaySchema);
      if (!form.ok) return invalid(intent, form.fieldErrors);
      return answer(intent, replaceDutyDay(actor, form.data.date, form.data.personId, today));
    }
    case "swap-days": {
      const form = validateForm(values, swapDaysSchema);
      if (!form.ok) return invalid(intent, form.fieldErrors);
      return answer(intent, swapDutyDays(actor, form.data.first, form.data.second, today));
    }
    case "remove-override": {
      const form = validateForm(values, removeOverrideSchema);
      if (!form.ok) return invalid(intent, form.fieldErrors);
      return answer(intent, removeOverride(actor, form.data.date, today));
    }
    case "save-line": {
      const form = validateForm(values, dutyLineSchema);
      if (!form.ok) return invalid(intent, form.fieldErrors);
      return answer(intent, saveDutyLine(actor, form.data, today));
    }
    default:
      return answer("unknown", { ok: false, field: "form", message: "Formuläret kunde inte läsas. Ladda om sidan och försök igen." });
  }
}

const SAVED: Record<string, string> = {
  "add-member": "Personen är tillagd i turordningen.",
  "remove-member": "Personen är borttagen ur turordningen.",
  "move-up": "Turordningen är ändrad.",
  "move-down": "Turordningen är ändrad.",
  "replace-day": "Dagen är ändrad.",
  "swap-days": "Dagarna är bytta.",
  "remove-override": "Ändringen är borttagen. Dagen följer turordningen igen.",
  "save-line": "Jourtelefonen är sparad.",
};

export default function DutyPage() {
  const data = useLoaderData<typeof loader>();
  const actionData = useActionData<typeof action>();
  const [searchParams] = useSearchParams();
  const saved = actionData ? undefined : SAVED[searchParams.get("sparat") ?? ""];
  const errorsFor = (form: string) => (actionData?.form === form ? actionData.fieldErrors : {});
  const valuesFor = (form: string) => (actionData?.form === form ? actionData.values : {});
  const todayDuty = data.week.find((d) => d.date === data.today);
  return (
    <>
      <h1>Jour</h1>
      <SavedNotice message={saved} />
      {actionData?.form === "unknown" || actionData?.form === "remove-override" ? (
        <p className="form-error" role="alert">
          {actionData.fieldErrors.form ?? actionData.fieldErrors.date}
        </p>
      ) : null}
      <p className="lead">
        En socialsekreterare i teamet har jour hela dagen och svarar i jourtelefonen.{" "}
        {todayDuty?.personName ? `I dag har ${todayDuty.personName} jour.` : "I dag har ingen jour."}
      </p>
      {data.line ? <DutyLineSummary line={data.line} /> : <p className="notice notice--warn">Jourtelefonen är inte inlagd ännu.</p>}
      <h2>Den här veckan</h2>
      <DutyDaysTable days={data.week} today={data.today} caption="Jour den här veckan" />
      {data.editor ? (
        <>
          <DayChangeForms
            candidates={data.candidates}
            replace={{ errors: errorsFor("replace-day"), values: valuesFor("replace-day") }}
            swap={{ errors: errorsFor("swap-days"), values: valuesFor("swap-days") }}
          />
          <h2>De kommande åtta veckorna</h2>
          {data.coming.some((d) => d.problem) ? <p className="notice notice--warn">Några dagar saknar jour. De är markerade i tabellen.</p> : null}
          <DutyDaysTable days={data.coming} today={data.today} caption="Jour de kommande åtta veckorna" editable />
          <RotaEditor
            members={data.members}
            candidates={data.candidates}
            errors={{ ...errorsFor("add-member"), ...errorsFor("remove-member"), ...errorsFor("move-up"), ...errorsFor("move-down") }}
          />
          <DutyLineForm line={data.line} errors={errorsFor("save-line")} values={actionData?.form === "save-line" ? actionData.values : undefined} />
        </>
      ) : null}
    </>
  );
}
