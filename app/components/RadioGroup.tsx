import type { ComponentProps } from "react";
import { ChoiceGroup } from "./ChoiceGroup";

type Props = Omit<ComponentProps<typeof ChoiceGroup>, "type" | "checked"> & { value?: string | undefined };

/** Radio buttons: one choice. */
export function RadioGroup({ value, ...props }: Props) {
  return <ChoiceGroup type="radio" checked={(v) => v === value} {...props} />;
}
