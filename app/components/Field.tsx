import type { InputHTMLAttributes } from "react";
import { useFieldId } from "./field-id";
import { FieldFrame } from "./FieldFrame";

type FieldProps = {
  label: string;
  name: string;
  error?: string | undefined;
  hint?: string;
  /** How the id starts (it is unique on the page either way, see field-id.ts). */
  idPrefix?: string;
} & Omit<InputHTMLAttributes<HTMLInputElement>, "name" | "id">;

/** One labelled input with its hint and error, wired for screen readers. */
export function Field({ label, name, error, hint, idPrefix = "field", ...input }: FieldProps) {
  const id = useFieldId(idPrefix, name);
  return (
    <FieldFrame id={id} label={label} hint={hint} error={error}>
      {(wiring) => <input name={name} {...wiring} {...input} />}
    </FieldFrame>
  );
}
