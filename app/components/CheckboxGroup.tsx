import type { ComponentProps } from "react";
import { ChoiceGroup } from "./ChoiceGroup";

type Props = Omit<ComponentProps<typeof ChoiceGroup>, "type" | "checked"> & { values?: string[] };

/** Checkboxes: any number of choices, sent as a repeated field. */
export function CheckboxGroup({ values = [], ...props }: Props) {
  return <ChoiceGroup type="checkbox" checked={(v) => values.includes(v)} {...props} />;
}
