import type { TextareaHTMLAttributes } from "react";
import { FieldFrame } from "./FieldFrame";

type TextAreaProps = { label: string; name: string; error?: string | undefined; hint?: string | undefined; idPrefix?: string } & Omit<
  TextareaHTMLAttributes<HTMLTextAreaElement>,
  "name" | "id"
>;

/** A labelled text area with its hint and error, like Field. */
export function TextArea({ label, name, error, hint, idPrefix = "field", ...rest }: TextAreaProps) {
  return (
    <FieldFrame id={`${idPrefix}-${name}`} label={label} hint={hint} error={error}>
      {(wiring) => <textarea name={name} rows={6} {...wiring} {...rest} />}
    </FieldFrame>
  );
}
