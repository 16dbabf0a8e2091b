import type { ReactNode } from "react";
import { useFieldId } from "./field-id";

type Option = { value: string; label: string; extra?: ReactNode };

/** A fieldset of radio buttons or checkboxes sharing one name, with a legend and one error. */
export function ChoiceGroup({
  type,
  legend,
  name,
  options,
  checked,
  error,
}: {
  type: "radio" | "checkbox";
  legend: string;
  name: string;
  options: Option[];
  checked: (value: string) => boolean;
  error?: string | undefined;
}) {
  // Option values can be free text with spaces (a meeting theme): the ids use the option's place instead.
  const id = useFieldId("field", name);
  const errorId = `${id}-error`;
  return (
    <fieldset className="radio-group" aria-describedby={error ? errorId : undefined}>
      <legend>{legend}</legend>
      {error ? (
        <p className="field__error" id={errorId}>
          {error}
        </p>
      ) : null}
      {options.map((option, index) => (
        <div key={option.value} className="radio-group__option">
          <input type={type} id={`${id}-${index}`} name={name} value={option.value} defaultChecked={checked(option.value)} />
          <label htmlFor={`${id}-${index}`}>{option.label}</label>
          {option.extra ? <div className="radio-group__extra">{option.extra}</div> : null}
        </div>
      ))}
    </fieldset>
  );
}
