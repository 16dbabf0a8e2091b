import { ageBandLabel, concernLabel, modeLabel, options, purposeLabel } from "../format/consultation";
import { CheckboxGroup } from "./CheckboxGroup";
import { Field } from "./Field";
import { NameConfirmation } from "./NameConfirmation";
import { RadioGroup } from "./RadioGroup";
import { TextArea } from "./TextArea";

type Props = {
  values: Record<string, string | undefined>;
  errors: Record<string, string | undefined>;
  needsNameConfirmation: boolean;
  questionLabel: string;
};

/**
 * The fields that describe a child's situation without saying who the child is: used by a
 * question to the contact persons and by a case brought to the consultation forum. The
 * server runs the privacy guard on the text; identifying details go only in the consent field.
 */
export function ConsultationFields({ values, errors, needsNameConfirmation, questionLabel }: Props) {
  return (
    <>
      <RadioGroup legend="Vad vill du ha hjälp med?" name="purpose" value={values.purpose} error={errors.purpose} options={options(purposeLabel)} />
      <RadioGroup legend="Vill du berätta vem barnet är?" name="mode" value={values.mode ?? "anonymous"} error={errors.mode} options={options(modeLabel)} />
      <fieldset className="radio-group">
        <legend>Bara med samtycke</legend>
        <p className="field__hint">Fyll bara i det här om vårdnadshavarna har sagt ja. Barnets uppgifter skriver du här, inte i frågan.</p>
        <Field
          label="Vem gav samtycke?"
          name="consentGivenBy"
          hint="Till exempel mamma, pappa eller båda"
          defaultValue={values.consentGivenBy ?? ""}
          error={errors.consentGivenBy}
        />
        <Field label="När gavs samtycket?" name="consentGivenOn" type="date" defaultValue={values.consentGivenOn ?? ""} error={errors.consentGivenOn} />
        <Field
          label="Barnets namn och andra uppgifter"
          name="childDetails"
          maxLength={500}
          defaultValue={values.childDetails ?? ""}
          error={errors.childDetails}
        />
      </fieldset>
      <RadioGroup legend="Hur gammalt är barnet?" name="ageBand" value={values.ageBand} error={errors.ageBand} options={options(ageBandLabel)} />
      <CheckboxGroup
        legend="Vad gäller oron? Välj allt som passar."
        name="concerns"
        values={(values.concerns ?? "").split(",")}
        error={errors.concerns}
        options={options(concernLabel)}
      />
      <TextArea
        label={questionLabel}
        name="question"
        hint="Skriv inte barnets eller familjens namn, personnummer, adress eller telefonnummer."
        maxLength={4000}
        defaultValue={values.question ?? ""}
        error={errors.question}
      />
      {needsNameConfirmation ? <NameConfirmation message={errors.confirmNoName} /> : null}
    </>
  );
}
