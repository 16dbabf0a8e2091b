/**
 * Shown when the privacy guard thinks the text holds a name: the asker confirms that it is
 * not the child's or the family's name, or removes it.
 */
export function NameConfirmation({ message }: { message?: string | undefined }) {
  return (
    <div className="notice notice--warn">
      <p className="field__error" id="field-confirmNoName-error">
        {message}
      </p>
      <div className="radio-group__option">
        <input type="checkbox" id="field-confirmNoName" name="confirmNoName" value="yes" aria-describedby="field-confirmNoName-error" />
        <label htmlFor="field-confirmNoName">Det är inte barnets eller familjens namn</label>
      </div>
    </div>
  );
}
