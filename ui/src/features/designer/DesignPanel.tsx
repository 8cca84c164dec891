// The editor's "Cover and colors" group: theme and navigation color, cover title,
// description and whether the cover is shown, with the core's errors. A simple first
// version; the designer deepens it behind the same props.
import { SimpleGrid, Stack } from "@mantine/core";
import type { FieldError, RoomField, RoomView } from "../../bindings";
import { FIELD_CATALOGUE } from "../../catalogue";
import type { Draft, DraftValue } from "../rooms/editorDraft";
import { FieldInput } from "../rooms/FieldInput";

interface Props {
  /** The room being edited; null for a new room. */
  room: RoomView | null;
  draft: Draft;
  onChange: (field: RoomField, value: DraftValue) => void;
  errors: readonly FieldError[];
}

const spec = (name: RoomField) => FIELD_CATALOGUE.find((s) => s.name === name);

export function DesignPanel({ draft, onChange, errors }: Props) {
  const input = (name: RoomField) => {
    const s = spec(name);
    if (!s) return null;
    return (
      <FieldInput
        key={name}
        spec={s}
        value={draft[name] ?? (s.kind === "bool" ? false : "")}
        onChange={(v) => {
          onChange(name, v);
        }}
        errors={errors}
      />
    );
  };
  return (
    <Stack gap="sm" data-testid="design-panel">
      <SimpleGrid cols={{ base: 1, sm: 2 }} spacing="sm">
        {input("themeColor")}
        {input("navColor")}
      </SimpleGrid>
      {input("coverTitle")}
      {input("coverDescription")}
      {input("coverDisabled")}
    </Stack>
  );
}
