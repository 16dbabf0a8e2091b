import type { ReactNode } from "react";

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
  const errorId = `field-${name}-error`;
  return (
    <fieldset className="radio-group" aria-describedby={error ? errorId : undefined}>
      <legend>{legend}</legend>
      {error ? (
        <p className="field__error" id={errorId}>
          {error}
        </p>
      ) : null}
      {options.map((option) => (
        <div key={option.value} className="radio-group__option">
          <input type={type} id={`field-${name}-${option.value}`} name={name} value={option.value} defaultChecked={checked(option.value)} />
          <label htmlFor={`field-${name}-${option.value}`}>{option.label}</label>
          {option.extra ? <div className="radio-group__extra">{option.extra}</div> : null}
        </div>
      ))}
    </fieldset>
  );
}
