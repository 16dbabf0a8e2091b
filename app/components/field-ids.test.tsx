import { renderToString } from "react-dom/server";
import { describe, expect, it } from "vitest";
import { Field } from "./Field";
import { RadioGroup } from "./RadioGroup";
import { SelectField } from "./SelectField";
import { TextArea } from "./TextArea";

function idsAndTargets(html: string) {
  const ids = [...html.matchAll(/ id="([^"]*)"/g)].map((m) => m[1]!);
  const targets = [...html.matchAll(/ (?:for|aria-describedby)="([^"]*)"/g)].flatMap((m) => m[1]!.split(" "));
  return { ids, targets };
}

describe("form control ids", () => {
  it("two forms on one page with a field of the same name get different ids", () => {
    const html = renderToString(
      <>
        <form>
          <Field label="Namn" name="name" error="Skriv ett namn." />
        </form>
        <form>
          <Field label="Nytt arbetslag" name="name" hint="Till exempel Smaragden." />
          <SelectField label="Stadium" name="name" options={[{ value: "a", label: "A" }]} />
          <TextArea label="Text" name="name" />
        </form>
      </>,
    );
    const { ids, targets } = idsAndTargets(html);
    expect(new Set(ids).size).toBe(ids.length);
    for (const target of targets) expect(ids).toContain(target);
  });

  it("choices whose values have spaces get ids without spaces, each label tied to its own input", () => {
    const html = renderToString(
      <RadioGroup
        legend="Tema"
        name="theme"
        value="Varningstecken att lägga märke till"
        error="Välj ett tema."
        options={[
          { value: "Vad socialtjänsten gör", label: "Vad socialtjänsten gör" },
          { value: "Varningstecken att lägga märke till", label: "Varningstecken att lägga märke till" },
        ]}
      />,
    );
    const { ids, targets } = idsAndTargets(html);
    expect(ids.length).toBe(3);
    for (const id of ids) expect(id).toMatch(/^[A-Za-z][A-Za-z0-9_-]*$/);
    expect(new Set(ids).size).toBe(ids.length);
    for (const target of targets) expect(ids).toContain(target);
  });
});
