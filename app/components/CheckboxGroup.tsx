type Option = { value: string; label: string };

/** A fieldset of checkboxes sharing one name, with a legend and one error. */
export function CheckboxGroup({ legend, name, options, values = [], error }: { legend: string; name: string; options: Option[]; values?: string[]; error?: string | undefined }) {
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
          <input type="checkbox" id={`field-${name}-${option.value}`} name={name} value={option.value} defaultChecked={values.includes(option.value)} />
          <label htmlFor={`field-${name}-${option.value}`}>{option.label}</label>
        </div>
      ))}
    </fieldset>
  );
}
