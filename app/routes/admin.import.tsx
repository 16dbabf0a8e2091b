import type { ActionFunctionArgs, LoaderFunctionArgs, MetaFunction } from "@remix-run/node";
import { json, redirect } from "@remix-run/node";
import { Form, Link, useActionData, useSearchParams } from "@remix-run/react";
import { now } from "../clock.server";
import { FormError } from "../components/FormError";
import { SavedNotice } from "../components/SavedNotice";
import { TextArea } from "../components/TextArea";
import { organisationKindLabel, roleLabel } from "../format/labels";
import { pageTitle } from "../format/title";
import { decodeUtf8, HEADER, type ImportPlan } from "../models/import";
import { previewImport, runImport } from "../models/import.server";
import { requireActorWith } from "../auth/guard.server";
import { countOf } from "../format/count";

export const meta: MetaFunction = () => pageTitle("Importera från en CSV-fil");

export async function loader({ request }: LoaderFunctionArgs) {
  await requireActorWith(request, "district:manage");
  return null;
}

type Answer = { error?: string; text?: string; plan?: ImportPlan };

/** The file's text (an uploaded file first, else the pasted text), or a reason it cannot be read. */
async function readCsv(request: Request): Promise<{ intent: string; text: string } | { error: string; text: string }> {
  let formData: FormData;
  try {
    formData = await request.formData();
  } catch {
    return { error: "Formuläret kunde inte läsas. Ladda om sidan och försök igen.", text: "" };
  }
  const intent = String(formData.get("intent") ?? "preview");
  const pasted = String(formData.get("text") ?? "");
  const file = formData.get("fil");
  if (file instanceof Blob && file.size > 0) {
    const text = decodeUtf8(new Uint8Array(await file.arrayBuffer()));
    if (text === null) return { error: 'Filen är inte sparad som UTF-8. Spara den i Excel som "CSV UTF-8 (kommaavgränsad)" och försök igen.', text: "" };
    return { intent, text };
  }
  if (!pasted.trim()) return { error: "Välj en fil eller klistra in raderna.", text: "" };
  return { intent, text: pasted };
}

export async function action({ request }: ActionFunctionArgs) {
  const actor = await requireActorWith(request, "district:manage");
  const csv = await readCsv(request);
  if ("error" in csv) return json<Answer>({ error: csv.error, text: csv.text }, { status: 400 });
  if (csv.intent === "import") {
    const outcome = runImport(actor, csv.text, now());
    if (!outcome.ok)
      return json<Answer>({ text: csv.text, plan: outcome.plan, error: "Något har ändrats sedan förhandsvisningen. Rätta raderna nedan." }, { status: 400 });
    return redirect(`/admin/import?klart=${outcome.organisations}-${outcome.people}`);
  }
  const plan = previewImport(actor, csv.text);
  return json<Answer>({ text: csv.text, plan }, { status: plan.errors.length ? 400 : 200 });
}

export default function Import() {
  const answer = useActionData<typeof action>() as Answer | undefined;
  const [searchParams] = useSearchParams();
  const done = /^(\d+)-(\d+)$/.exec(searchParams.get("klart") ?? "");
  const plan = answer?.plan;
  return (
    <>
      <h1>Importera från en CSV-fil</h1>
      <SavedNotice
        message={
          done && !answer
            ? `Klart: ${countOf(done[1]!, "verksamhet", "verksamheter")} och ${countOf(done[2]!, "person", "personer")} är inlagda. ${done[2] === "1" ? "Personen har" : "Personerna har"} fått en inbjudan med e-post.`
            : undefined
        }
      />
      <p>
        <Link to="/admin">Till administrationen</Link>
      </p>
      <section className="panel" aria-labelledby="format-heading">
        <h2 id="format-heading">Så ska filen se ut</h2>
        <p>
          En rad med rubrikerna först, sedan en rad per verksamhet eller person. Semikolon eller komma mellan fälten. Spara från Excel som &quot;CSV
          UTF-8&quot;. Inget sparas förrän du har sett förhandsvisningen och tryckt på Importera.
        </p>
        <pre className="mail-text">{`${HEADER.join(";")}
verksamhet;Råckstaskolan;skola;;;;
verksamhet;Förskolan Tallen;förskola;Grimsta förskoleenhet;;;
person;Pia Persson;;Råckstaskolan;pia.persson@skola.example;personal;Lärare
person;Sam Ström;;;sam.strom@stad.example;socialsekreterare;Socialsekreterare`}</pre>
        <p className="field__hint">
          Sort: {Object.values(organisationKindLabel).join(", ").toLowerCase()}. Roll: personal, ledning, socialsekreterare, föräldrarådgivare, samordnare
          (enhetschefen utses av stadens administratör). &quot;Hör till&quot; är förskoleenheten för en förskola, och verksamheten för en person (tomt för
          socialtjänstens personal).
        </p>
      </section>
      <FormError message={answer?.error} />
      {plan ? <Preview plan={plan} text={answer?.text ?? ""} /> : null}
      <Form method="post" encType="multipart/form-data" noValidate className="panel" aria-labelledby="upload-heading">
        <h2 id="upload-heading">{plan ? "Försök med en annan fil" : "Välj fil"}</h2>
        <input type="hidden" name="intent" value="preview" />
        <div className="field">
          <label htmlFor="import-file">CSV-fil</label>
          <input id="import-file" type="file" name="fil" accept=".csv,text/csv" />
        </div>
        <TextArea label="Eller klistra in raderna" name="text" rows={6} defaultValue={plan && plan.errors.length ? (answer?.text ?? "") : ""} />
        <button type="submit">Förhandsvisa</button>
      </Form>
    </>
  );
}

function Preview({ plan, text }: { plan: ImportPlan; text: string }) {
  if (plan.errors.length > 0) {
    return (
      <section className="panel" aria-labelledby="errors-heading">
        <h2 id="errors-heading">Rätta de här raderna</h2>
        <p>Inget är sparat. Rätta filen och förhandsvisa igen.</p>
        <ul role="list">
          {plan.errors.map((e) => (
            <li key={`${e.line}-${e.message}`} className="field__error">
              Rad {e.line}: {e.message}
            </li>
          ))}
        </ul>
      </section>
    );
  }
  return (
    <section className="panel" aria-labelledby="preview-heading">
      <h2 id="preview-heading">
        Förhandsvisning: {countOf(plan.organisations.length, "verksamhet", "verksamheter")} och {countOf(plan.people.length, "person", "personer")}
      </h2>
      <ul>
        {plan.organisations.map((o) => (
          <li key={`o${o.line}`}>
            {o.name} ({organisationKindLabel[o.kind].toLowerCase()}
            {o.parentName ? `, i ${o.parentName}` : ""})
          </li>
        ))}
        {plan.people.map((p) => (
          <li key={`p${p.line}`}>
            {p.name}, {p.email}: {roleLabel[p.role].toLowerCase()}, {p.title}
            {p.organisationName ? `, ${p.organisationName}` : ""}
          </li>
        ))}
      </ul>
      <Form method="post" encType="multipart/form-data">
        <input type="hidden" name="intent" value="import" />
        <input type="hidden" name="text" value={text} />
        <button type="submit">Importera och skicka inbjudningar</button>
      </Form>
    </section>
  );
}
