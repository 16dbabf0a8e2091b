import type { InputHTMLAttributes } from "react";
import { FieldFrame } from "./FieldFrame";

type FieldProps = {
  label: string;
  name: string;
  error?: string | undefined;
  hint?: string;
  /** Keeps ids unique when several forms on a page have a field of the same name. */
  idPrefix?: string;
} & Omit<InputHTMLAttributes<HTMLInputElement>, "name" | "id">;

/** One labelled input with its hint and error, wired for screen readers. */
export function Field({ label, name, error, hint, idPrefix = "field", ...input }: FieldProps) {
  return (
    <FieldFrame id={`${idPrefix}-${name}`} label={label} hint={hint} error={error}>
      {(wiring) => <input name={name} {...wiring} {...input} />}
    </FieldFrame>
  );
}
