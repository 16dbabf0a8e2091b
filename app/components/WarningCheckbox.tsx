/**
 * A warning the person answers with a box: the form comes back with it, and she ticks the box to
 * go ahead anyway (or changes what she wrote). The box's field is `name`, sent as "yes".
 */
export function WarningCheckbox({ name, message, label }: { name: string; message: string | undefined; label: string }) {
  return (
    <div className="notice notice--warn">
      <p className="field__error" id={`field-${name}-error`}>
        {message}
      </p>
      <div className="radio-group__option">
        <input type="checkbox" id={`field-${name}`} name={name} value="yes" aria-describedby={`field-${name}-error`} />
        <label htmlFor={`field-${name}`}>{label}</label>
      </div>
    </div>
  );
}
