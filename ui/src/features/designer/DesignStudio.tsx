// The editor's "Cover and colors" group: cover title, description and visibility, theme
// and navigation colors (a mode switch for the org / company keywords), contrast badges,
// undo / redo, and the buyer's view live beside the controls (desktop and mobile, with the
// saved look beneath while it differs). Values go to the editor's draft as typed; the
// core's messages show beside each field.
import { Button, Checkbox, Group, Stack, Text, TextInput, Textarea, Title } from "@mantine/core";
import { useState, type ReactNode } from "react";
import type { FieldError, Palette, Room } from "../../bindings";
import { PalettePicker } from "../palettes/PalettePicker";
import { paletteFields } from "../palettes/paletteLook";
import { fieldError } from "../rooms/FieldInput";
import { BuyerPreview } from "./BuyerPreview";
import { ColorField } from "./ColorField";
import { ContrastBadge } from "./ContrastBadge";
import { emptyHistory, record, recordAll, redo, undo } from "./designHistory";
import type { DesignField, DesignLook, DesignValue } from "./designValues";
import { sameLook, savedLook } from "./designValues";
import { displayHex } from "./hexColor";
import type { NavMode } from "./navColor";
import { navValueFor, resolveNavColor } from "./navColor";

export type DesignStudioProps = {
  /** The room as saved (server or cache); null for a new room. */
  room: Room | null;
  /** The look being edited (the editor's draft). */
  look: DesignLook;
  onChange: (field: DesignField, value: DesignValue) => void;
  errors: readonly FieldError[];
  /** Org brand color from Settings, if any. */
  orgColor?: string | null;
  /** This room's company color kept locally, if any. */
  companyColor?: string | null;
  /** Shown under the navigation controls in company mode (the local company color editor). */
  companyTools?: ReactNode;
  /** Brand palettes offered above the fields (one click applies one, undoably). */
  palettes?: readonly Palette[];
};

const MODES: { mode: NavMode; label: string }[] = [
  { mode: "custom", label: "Custom" },
  { mode: "org", label: "Org brand" },
  { mode: "company", label: "Company" },
];

/** Cover and colors of a room, with the buyer's view live beside the controls. */
export function DesignStudio({ room, look, onChange, errors, orgColor = null, companyColor = null, companyTools, palettes }: DesignStudioProps) {
  const [history, setHistory] = useState(emptyHistory);
  const [lastCustomNav, setLastCustomNav] = useState<string | null>(null);
  const before = savedLook(room);
  const context = { orgColor, companyColor };
  const nav = resolveNavColor(look.navColor, context);
  const errorOf = (field: DesignField) => fieldError(errors, field) ?? undefined;
  const roomTitle = room?.title ?? "";

  const change = (field: DesignField, value: DesignValue) => {
    setHistory((current) => record(current, { field, before: look[field], after: value }));
    onChange(field, value);
  };
  const step = (direction: "undo" | "redo") => {
    const moved = direction === "undo" ? undo(history) : redo(history);
    if (!moved) return;
    setHistory(moved.history);
    const changes = direction === "undo" ? [...moved.step.changes].reverse() : moved.step.changes;
    for (const c of changes) onChange(c.field, direction === "undo" ? c.before : c.after);
  };
  const applyPalette = (palette: Palette) => {
    const changes = paletteFields(palette).map(([field, after]) => ({ field, before: look[field], after }));
    setHistory((current) => recordAll(current, changes));
    for (const c of changes) onChange(c.field, c.after);
  };
  const pickMode = (mode: NavMode) => {
    if (mode === nav.mode) return;
    if (nav.mode === "custom" && look.navColor) setLastCustomNav(look.navColor);
    const customHex = lastCustomNav ?? displayHex(look.themeColor) ?? "#1A73E8";
    change("navColor", navValueFor(mode, customHex));
  };
  const showBefore = room !== null && !sameLook(look, before);
  const navError = errorOf("navColor");

  return (
    <Stack gap="md" data-testid="design-panel">
      <Group gap="xs">
        <Button size="xs" variant="default" data-testid="design-undo" disabled={history.done.length === 0} onClick={() => { step("undo"); }}>
          Undo
        </Button>
        <Button size="xs" variant="default" data-testid="design-redo" disabled={history.undone.length === 0} onClick={() => { step("redo"); }}>
          Redo
        </Button>
      </Group>
      {palettes ? <PalettePicker palettes={palettes} onPick={applyPalette} /> : null}
      <Group align="flex-start" gap="xl">
        <Stack gap="sm" w={340}>
          <TextInput
            label="Cover title"
            data-testid="room-field-coverTitle"
            value={look.coverTitle}
            error={errorOf("coverTitle")}
            errorProps={{ "data-testid": "field-error-coverTitle" }}
            onChange={(event) => { change("coverTitle", event.currentTarget.value); }}
          />
          <Textarea
            label="Cover description"
            data-testid="room-field-coverDescription"
            rows={2}
            value={look.coverDescription}
            error={errorOf("coverDescription")}
            errorProps={{ "data-testid": "field-error-coverDescription" }}
            onChange={(event) => { change("coverDescription", event.currentTarget.value); }}
          />
          <Checkbox
            label="Hide the cover page"
            data-testid="room-field-coverDisabled"
            checked={look.coverDisabled}
            error={errorOf("coverDisabled") && <span data-testid="field-error-coverDisabled">{errorOf("coverDisabled")}</span>}
            onChange={(event) => { change("coverDisabled", event.currentTarget.checked); }}
          />
          <ColorField
            label="Theme color"
            testId="room-field-themeColor"
            errorTestId="field-error-themeColor"
            value={look.themeColor}
            error={errorOf("themeColor")}
            description="Cover background, #RGB or #RRGGBB"
            onChange={(text) => { change("themeColor", text); }}
          />
          <Stack gap={4}>
            <Text size="sm" fw={500}>Navigation color</Text>
            <Group gap={4}>
              {MODES.map(({ mode, label }) => (
                <Button
                  key={mode}
                  size="compact-sm"
                  data-testid={`nav-mode-${mode}`}
                  aria-pressed={nav.mode === mode}
                  variant={nav.mode === mode ? "filled" : "default"}
                  onClick={() => { pickMode(mode); }}
                >
                  {label}
                </Button>
              ))}
            </Group>
            {nav.mode === "custom" ? (
              <ColorField
                label="Navigation hex"
                testId="room-field-navColor"
                errorTestId="field-error-navColor"
                value={look.navColor}
                error={navError}
                onChange={(text) => { change("navColor", text); }}
              />
            ) : null}
            {nav.note ? <Text size="xs" c="dimmed" data-testid="nav-note">{nav.note}</Text> : null}
            {nav.mode === "company" ? companyTools : null}
            {nav.mode !== "custom" && navError ? <Text size="xs" c="red" data-testid="field-error-navColor">{navError}</Text> : null}
          </Stack>
          <Stack gap={4}>
            {look.coverDisabled ? null : (
              <ContrastBadge
                surface="cover"
                label="Cover text"
                background={displayHex(look.themeColor)}
                onSuggest={(hex) => { change("themeColor", hex); }}
              />
            )}
            <ContrastBadge
              surface="nav"
              label="Navigation text"
              background={nav.color}
              onSuggest={nav.mode === "custom" ? (hex) => { change("navColor", hex); } : null}
            />
          </Stack>
        </Stack>
        <Stack gap="xs">
          <Title order={6}>{showBefore ? "After (not saved)" : "Buyer preview"}</Title>
          <Group align="flex-start" gap="sm">
            <BuyerPreview look={look} navColor={nav.color} width="desktop" testPrefix="preview" roomTitle={roomTitle} />
            <BuyerPreview look={look} navColor={nav.color} width="mobile" testPrefix="preview" roomTitle={roomTitle} />
          </Group>
          {showBefore ? (
            <>
              <Title order={6}>Before (as saved)</Title>
              <Group align="flex-start" gap="sm" data-testid="design-before">
                <BuyerPreview look={before} navColor={resolveNavColor(before.navColor, context).color} width="desktop" testPrefix="before" roomTitle={roomTitle} />
                <BuyerPreview look={before} navColor={resolveNavColor(before.navColor, context).color} width="mobile" testPrefix="before" roomTitle={roomTitle} />
              </Group>
            </>
          ) : null}
        </Stack>
      </Group>
    </Stack>
  );
}
