import { roleLabel } from "../../format/labels";
import { ADMIN_ROLES } from "../../../db/vocabulary";
import { Field } from "../Field";
import { SelectField } from "../SelectField";

type Props = {
  values: Record<string, string | undefined>;
  errors: Record<string, string | undefined>;
  organisations: { id: number; name: string }[];
  units: { value: string; label: string }[];
};

/** Name, title, role and organisation: the fields of inviting and of changing a person. */
export function PersonFields({ values, errors, organisations, units }: Props) {
  return (
    <>
      <Field label="Namn" name="name" autoComplete="off" defaultValue={values.name ?? ""} error={errors.name} />
      <Field
        label="Arbetar som"
        name="title"
        hint="Till exempel Lärare, Rektor eller Socialsekreterare"
        defaultValue={values.title ?? ""}
        error={errors.title}
      />
      <SelectField
        label="Roll i portalen"
        name="role"
        defaultValue={values.role}
        error={errors.role}
        options={ADMIN_ROLES.map((r) => ({ value: r, label: roleLabel[r] }))}
      />
      <SelectField
        label="Verksamhet"
        name="organisationId"
        placeholder="Ingen (socialtjänsten)"
        defaultValue={values.organisationId}
        error={errors.organisationId}
        options={organisations.map((o) => ({ value: String(o.id), label: o.name }))}
      />
      <SelectField label="Stadium eller arbetslag" name="unit" placeholder="Inget särskilt" defaultValue={values.unit} error={errors.unit} options={units} />
    </>
  );
}
