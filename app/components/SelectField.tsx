import { useFieldId } from "./field-id";
import { FieldFrame } from "./FieldFrame";

type SelectFieldProps = {
  label: string;
  name: string;
  options: { value: string; label: string }[];
  defaultValue?: string | undefined;
  error?: string | undefined;
  placeholder?: string;
  idPrefix?: string;
};

/** A labelled select with its error, like Field. */
export function SelectField({ label, name, options, defaultValue, error, placeholder = "Välj", idPrefix = "field" }: SelectFieldProps) {
  const id = useFieldId(idPrefix, name);
  return (
    <FieldFrame id={id} label={label} error={error}>
      {(wiring) => (
        <select name={name} defaultValue={defaultValue ?? ""} {...wiring}>
          <option value="">{placeholder}</option>
          {options.map((o) => (
            <option key={o.value} value={o.value}>
              {o.label}
            </option>
          ))}
        </select>
      )}
    </FieldFrame>
  );
}
