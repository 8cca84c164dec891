// Settings › Brand: the brand palettes kept on this computer. Rename or delete any of them
// (the starting ones too); add new ones below. Rooms a palette was applied to keep their look.
import { Button, Group, Stack, Text, TextInput } from "@mantine/core";
import { useState } from "react";
import type { Palette } from "../../bindings";
import { NewPaletteForm } from "./NewPaletteForm";
import { PaletteSwatch } from "./PaletteSwatch";
import { useDeletePalette, usePalettes, useRenamePalette } from "./usePalettes";

function PaletteRow({ palette }: { palette: Palette }) {
  const rename = useRenamePalette();
  const remove = useDeletePalette();
  const [editing, setEditing] = useState<string | null>(null);
  const error = rename.error ?? remove.error;
  return (
    <Stack gap={2} data-testid={`palette-${palette.name}`}>
      <Group gap="xs" justify="space-between" wrap="nowrap">
        {editing === null ? (
          <PaletteSwatch palette={palette} />
        ) : (
          <TextInput
            size="xs"
            aria-label={`New name for ${palette.name}`}
            data-testid="palette-rename-input"
            value={editing}
            autoFocus
            onChange={(e) => { setEditing(e.currentTarget.value); }}
          />
        )}
        <Group gap={4} wrap="nowrap">
          {editing === null ? (
            <>
              <Button size="compact-xs" variant="default" data-testid={`palette-rename-${palette.name}`} onClick={() => { rename.reset(); setEditing(palette.name); }}>
                Rename
              </Button>
              <Button size="compact-xs" variant="subtle" color="red" data-testid={`palette-delete-${palette.name}`} loading={remove.isPending} onClick={() => { remove.mutate(palette.name); }}>
                Delete
              </Button>
            </>
          ) : (
            <>
              <Button
                size="compact-xs"
                data-testid="palette-rename-save"
                loading={rename.isPending}
                onClick={() => {
                  rename.mutate({ name: palette.name, newName: editing }, { onSuccess: () => { setEditing(null); } });
                }}
              >
                Save
              </Button>
              <Button size="compact-xs" variant="default" data-testid="palette-rename-cancel" onClick={() => { rename.reset(); setEditing(null); }}>
                Cancel
              </Button>
            </>
          )}
        </Group>
      </Group>
      {error ? (
        <Text size="xs" c="red" data-testid="palette-row-error">
          {error.message}
        </Text>
      ) : null}
    </Stack>
  );
}

export function PaletteManager() {
  const palettes = usePalettes();
  return (
    <Stack gap="sm" data-testid="settings-palettes">
      <Text size="sm" c="dimmed">
        Brand palettes: a theme color, a navigation color or mode and cover defaults, applied to a room in its
        designer or to many rooms at once from the room list. Kept on this computer.
      </Text>
      {palettes.isError ? (
        <Text size="sm" c="red" data-testid="palettes-load-error">
          {palettes.error.message}
        </Text>
      ) : null}
      {palettes.data?.length === 0 ? (
        <Text size="sm" c="dimmed" data-testid="palettes-empty">
          No palettes: add one below.
        </Text>
      ) : null}
      {palettes.data?.map((p) => <PaletteRow key={p.name} palette={p} />)}
      <NewPaletteForm />
    </Stack>
  );
}
