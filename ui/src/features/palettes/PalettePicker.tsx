// The designer's palette picker: a click puts the palette's look into the room being
// edited (one undoable step); nothing is saved until the editor saves.
import { Group, Stack, Text, UnstyledButton } from "@mantine/core";
import type { Palette } from "../../bindings";
import { PaletteSwatch } from "./PaletteSwatch";

type Props = { palettes: readonly Palette[]; onPick: (palette: Palette) => void };

export function PalettePicker({ palettes, onPick }: Props) {
  return (
    <Stack gap={4} data-testid="palette-picker">
      <Text size="sm" fw={500}>
        Brand palettes
      </Text>
      {palettes.length === 0 ? (
        <Text size="xs" c="dimmed" data-testid="palette-picker-empty">
          No palettes yet: make one in Settings › Brand.
        </Text>
      ) : (
        <Group gap="xs">
          {palettes.map((p) => (
            <UnstyledButton
              key={p.name}
              data-testid={`palette-${p.name}`}
              title={`Apply ${p.name} to this room (undo reverts it)`}
              onClick={() => { onPick(p); }}
              px={6}
              py={4}
              style={{ border: "1px solid #dee2e6", borderRadius: 6 }}
            >
              <PaletteSwatch palette={p} />
            </UnstyledButton>
          ))}
        </Group>
      )}
    </Stack>
  );
}
