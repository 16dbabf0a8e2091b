import { WarningCheckbox } from "./WarningCheckbox";

/**
 * Shown when the privacy guard thinks the text holds a name: the asker confirms that it is
 * not the child's or the family's name, or removes it.
 */
export function NameConfirmation({ message }: { message?: string | undefined }) {
  return <WarningCheckbox name="confirmNoName" message={message} label="Det är inte barnets eller familjens namn" />;
}
