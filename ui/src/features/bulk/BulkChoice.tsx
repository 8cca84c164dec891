// What a bulk re-brand applies: a palette, or one design field set to one value.
import { NativeSelect, SegmentedControl, Stack, TextInput } from "@mantine/core";
import type { Palette, RoomPatch } from "../../bindings";
import type { DesignField } from "../designer/designValues";
import { fieldPatch, palettePatch } from "../palettes/paletteLook";

export type BulkChoiceValue = { mode: "palette" | "field"; palette: string; field: DesignField; value: string };

export const FIELD_LABELS: Record<DesignField, string> = {
  themeColor: "Theme color",
  navColor: "Navigation color (hex, flow-org-color or target-company-color)",
  coverTitle: "Cover title",
  coverDescription: "Cover description",
  coverDisabled: "Cover page",
};

/** The edit the choice makes, or null when nothing is chosen yet. */
export function patchOfChoice(choice: BulkChoiceValue, palettes: readonly Palette[]): RoomPatch | null {
  if (choice.mode === "palette") {
    const p = palettes.find((q) => q.name === choice.palette);
    return p ? palettePatch(p) : null;
  }
  if (choice.field === "coverDisabled") return fieldPatch("coverDisabled", choice.value === "hide");
  return fieldPatch(choice.field, choice.value);
}

type Props = { value: BulkChoiceValue; palettes: readonly Palette[]; onChange: (next: BulkChoiceValue) => void; disabled: boolean };

export function BulkChoice({ value, palettes, onChange, disabled }: Props) {
  const set = (over: Partial<BulkChoiceValue>) => { onChange({ ...value, ...over }); };
  return (
    <Stack gap="xs">
      <SegmentedControl
        data-testid="bulk-mode"
        disabled={disabled}
        value={value.mode}
        onChange={(mode) => { set({ mode: mode }); }}
        data={[
          { value: "palette", label: "A palette" },
          { value: "field", label: "One field" },
        ]}
      />
      {value.mode === "palette" ? (
        <NativeSelect
          label="Palette"
          data-testid="bulk-palette"
          disabled={disabled}
          value={value.palette}
          onChange={(e) => { set({ palette: e.currentTarget.value }); }}
          data={[{ value: "", label: "Pick a palette…" }, ...palettes.map((p) => ({ value: p.name, label: p.name }))]}
        />
      ) : (
        <>
          <NativeSelect
            label="Field"
            data-testid="bulk-field"
            disabled={disabled}
            value={value.field}
            onChange={(e) => { set({ field: e.currentTarget.value as DesignField, value: e.currentTarget.value === "coverDisabled" ? "hide" : "" }); }}
            data={Object.entries(FIELD_LABELS).map(([v, label]) => ({ value: v, label }))}
          />
          {value.field === "coverDisabled" ? (
            <NativeSelect
              label="Cover page"
              data-testid="bulk-value"
              disabled={disabled}
              value={value.value}
              onChange={(e) => { set({ value: e.currentTarget.value }); }}
              data={[
                { value: "hide", label: "Hide the cover" },
                { value: "show", label: "Show the cover" },
              ]}
            />
          ) : (
            <TextInput label="New value" data-testid="bulk-value" disabled={disabled} value={value.value} onChange={(e) => { set({ value: e.currentTarget.value }); }} />
          )}
        </>
      )}
    </Stack>
  );
}
