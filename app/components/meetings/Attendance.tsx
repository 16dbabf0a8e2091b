import { Form } from "@remix-run/react";
import { CheckboxGroup } from "../CheckboxGroup";

type Member = { personId: number; name: string; title: string; organisationName: string; present: boolean | null };

/** The group's members; after the meeting the host ticks who came. */
export function Attendance({ members, canMark, error }: { members: Member[]; canMark: boolean; error?: string | undefined }) {
  const marked = members.some((m) => m.present !== null);
  if (canMark) {
    return (
      <Form method="post" noValidate>
        <input type="hidden" name="intent" value="attendance" />
        <CheckboxGroup
          legend="Vilka var med?"
          name="present"
          values={members.filter((m) => m.present).map((m) => String(m.personId))}
          error={error}
          options={members.map((m) => ({ value: String(m.personId), label: `${m.name}, ${m.title}, ${m.organisationName}` }))}
        />
        <button type="submit">Spara närvaron</button>
      </Form>
    );
  }
  return (
    <ul>
      {members.map((m) => (
        <li key={m.personId}>
          {m.name}, {m.title}, {m.organisationName}
          {marked ? (m.present ? " (var med)" : " (var inte med)") : null}
        </li>
      ))}
    </ul>
  );
}
