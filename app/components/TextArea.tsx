import type { TextareaHTMLAttributes } from "react";
import { useFieldId } from "./field-id";
import { FieldFrame } from "./FieldFrame";

type TextAreaProps = { label: string; name: string; error?: string | undefined; hint?: string | undefined; idPrefix?: string } & Omit<
  TextareaHTMLAttributes<HTMLTextAreaElement>,
  "name" | "id"
>;

/** A labelled text area with its hint and error, like Field. */
export function TextArea({ label, name, error, hint, idPrefix = "field", ...rest }: TextAreaProps) {
  const id = useFieldId(idPrefix, name);
  return (
    <FieldFrame id={id} label={label} hint={hint} error={error}>
      {(wiring) => <textarea name={name} rows={6} {...wiring} {...rest} />}
    </FieldFrame>
  );
}
