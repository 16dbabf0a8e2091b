import type { TextareaHTMLAttributes } from "react";

type TextAreaProps = { label: string; name: string; error?: string | undefined; hint?: string; idPrefix?: string } & Omit<
  TextareaHTMLAttributes<HTMLTextAreaElement>,
  "name" | "id"
>;

/** A labelled text area with its hint and error, like Field. */
export function TextArea({ label, name, error, hint, idPrefix = "field", ...rest }: TextAreaProps) {
  const id = `${idPrefix}-${name}`;
  const describedBy = [hint ? `${id}-hint` : null, error ? `${id}-error` : null].filter(Boolean).join(" ");
  return (
    <div className="field">
      <label htmlFor={id}>{label}</label>
      {hint ? (
        <span className="field__hint" id={`${id}-hint`}>
          {hint}
        </span>
      ) : null}
      {error ? (
        <span className="field__error" id={`${id}-error`}>
          {error}
        </span>
      ) : null}
      <textarea id={id} name={name} rows={6} aria-invalid={error ? true : undefined} aria-describedby={describedBy || undefined} {...rest} />
    </div>
  );
}
