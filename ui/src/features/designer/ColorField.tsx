import { Group, Text, TextInput } from "@mantine/core";
import { useState } from "react";
import { normaliseHex } from "./hexColor";

type Props = {
  label: string;
  /** Test id stem: `<stem>-hex` and `<stem>-picker`. */
  stem: string;
  value: string | null;
  error: string | undefined;
  onChange: (hex: string) => void;
};

/** A color picker and a hex field taking #RGB or #RRGGBB, showing the normalised value. */
export function ColorField({ label, stem, value, error, onChange }: Props) {
  const [typed, setTyped] = useState<string | null>(null);
  // What the user typed stays while it is incomplete or still means the value; an undo
  // or a pick replaces it.
  const typedReading = typed === null ? null : normaliseHex(typed);
  const keepTyped = typedReading !== null && (!typedReading.ok || typedReading.hex === value);
  const shown = keepTyped && typed !== null ? typed : (value ?? "");
  const reading = shown ? normaliseHex(shown) : null;
  const problem = error ?? (reading && !reading.ok ? reading.message : undefined);
  return (
    <Group align="flex-start" gap="xs" wrap="nowrap">
      <input
        type="color"
        aria-label={`${label} picker`}
        data-testid={`${stem}-picker`}
        value={reading?.ok ? reading.hex : "#000000"}
        onChange={(event) => {
          setTyped(null);
          onChange(event.currentTarget.value);
        }}
        style={{ width: 36, height: 36, padding: 0, border: "none", background: "none" }}
      />
      <TextInput
        label={label}
        data-testid={`${stem}-hex`}
        value={shown}
        error={problem}
        description={reading?.ok ? <Text span size="xs" data-testid={`${stem}-normalised`}>{reading.hex}</Text> : undefined}
        onChange={(event) => {
          const next = event.currentTarget.value;
          setTyped(next);
          const parsed = normaliseHex(next);
          if (parsed.ok) onChange(parsed.hex);
        }}
        onBlur={() => {
          if (typedReading?.ok) setTyped(null);
        }}
      />
    </Group>
  );
}
