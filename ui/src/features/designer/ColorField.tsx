import { ColorSwatch, Group, Stack, Text, TextInput, Tooltip } from "@mantine/core";
import { displayHex } from "./hexColor";
import { useRecentColors } from "./recentColors";

type Props = {
  label: string;
  /** Test id of the hex input; the picker is `<testId>-picker`, the normalised value `<testId>-shown`. */
  testId: string;
  /** Test id of the error message. */
  errorTestId: string;
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
 * normalised (`#RRGGBB`, as the core stores it). The colors applied lately are offered
 * as swatches underneath (`<testId>-recent-<RRGGBB>`).
 */
export function ColorField({ label, testId, errorTestId, value, error, description, onChange }: Props) {
  const shown = error ? null : displayHex(value);
  const recent = useRecentColors();
  return (
    <Stack gap={4} style={{ flex: 1 }}>
      <Group align="flex-start" gap="xs" wrap="nowrap">
        <input
          type="color"
          aria-label={`${label} picker`}
          data-testid={`${testId}-picker`}
          value={(displayHex(value) ?? "#000000").toLowerCase()}
          onChange={(event) => {
            onChange(event.currentTarget.value.toUpperCase());
          }}
          style={{ width: 36, height: 36, marginTop: 24, padding: 0, border: "none", background: "none", flex: "none" }}
        />
        <TextInput
          label={label}
          data-testid={testId}
          value={value}
          placeholder="#RRGGBB"
          error={error}
          errorProps={{ "data-testid": errorTestId }}
          description={
            shown && shown !== value ? (
              <Text span size="xs" data-testid={`${testId}-shown`}>
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
      {recent.length > 0 ? (
        <Group gap={4} pl={44} data-testid={`${testId}-recent`} aria-label={`Recent colors for ${label}`}>
          {recent.map((color) => (
            <Tooltip key={color} label={color} openDelay={300}>
              <ColorSwatch
                component="button"
                type="button"
                color={color}
                size={18}
                aria-label={`Use ${color}`}
                data-testid={`${testId}-recent-${color.slice(1)}`}
                style={{ cursor: "pointer" }}
                onClick={() => {
                  onChange(color);
                }}
              />
            </Tooltip>
          ))}
        </Group>
      ) : null}
    </Stack>
  );
}
