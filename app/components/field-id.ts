import { useId } from "react";

/**
 * The id of a form control: unique on the page, because two forms on one page may have a field
 * of the same name (an organisation's new name and a new staff team's name), and valid HTML
 * (no spaces) whatever the name. React's useId gives the same id on the server and in the browser.
 */
export function useFieldId(prefix: string, name: string): string {
  const unique = useId().replace(/[^A-Za-z0-9]/g, "");
  return `${prefix}-${idPart(name)}-${unique}`;
}

/** Text made safe for an id: letters, digits, "_" and "-" only. */
export function idPart(text: string): string {
  return text.replace(/[^A-Za-z0-9_-]+/g, "_");
}
