import { Group, Text, TextInput } from "@mantine/core";
import { displayHex } from "./hexColor";

type Props = {
  label: string;
  /** The editor field this edits: test ids `room-field-<field>`, `-picker`, `-shown`, `field-error-<field>`. */
  field: "themeColor" | "navColor";
  /** The value as typed ("" when unset). */
  value: string;
  /** The core's message for this field, if it refuses the value. */
  error: string | undefined;
  description?: string;
  onChange: (text: string) => void;
};

/**
 * A color picker and a hex field. What is typed goes to the draft as it is, so the core
 * judges it (its message shows under the field); a value culori can read is also shown
 * normalised (`#RRGGBB`, as the core stores it).
 */
export function ColorField({ label, field, value, error, description, onChange }: Props) {
  const shown = error ? null : displayHex(value);
  return (
    <Group align="flex-start" gap="xs" wrap="nowrap">
      <input
        type="color"
        aria-label={`${label} picker`}
        data-testid={`room-field-${field}-picker`}
        value={(displayHex(value) ?? "#000000").toLowerCase()}
        onChange={(event) => {
          onChange(event.currentTarget.value.toUpperCase());
        }}
        style={{ width: 36, height: 36, marginTop: 24, padding: 0, border: "none", background: "none", flex: "none" }}
      />
      <TextInput
        label={label}
        data-testid={`room-field-${field}`}
        value={value}
        placeholder="#RRGGBB"
        error={error}
        errorProps={{ "data-testid": `field-error-${field}` }}
        description={
          shown && shown !== value ? (
            <Text span size="xs" data-testid={`room-field-${field}-shown`}>
              Shown as {shown}
            </Text>
          ) : (
            description
          )
        }
        onChange={(event) => {
          onChange(event.currentTarget.value);
        }}
        style={{ flex: 1 }}
      />
    </Group>
  );
}
