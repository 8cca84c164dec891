import { Button, Checkbox, Group, Stack, Text, TextInput, Textarea, Title } from "@mantine/core";
import { useState } from "react";
import type { FieldError, RoomView } from "../../bindings";
import { BuyerPreview } from "./BuyerPreview";
import { ColorField } from "./ColorField";
import { ContrastBadge } from "./ContrastBadge";
import { emptyHistory, record, redo, undo } from "./designHistory";
import type { DesignDraft, DesignField, DesignValue } from "./designValues";
import { editedLook, sameLook, savedLook } from "./designValues";
import type { NavMode } from "./navColor";
import { navValueFor, resolveNavColor } from "./navColor";

export type DesignStudioProps = {
  room: RoomView | null;
  draft: DesignDraft;
  onChange: (field: DesignField, value: DesignValue) => void;
  errors: FieldError[];
  /** Org brand color from Settings (get_org_color), if any. */
  orgColor?: string | null;
  /** This room's company color kept locally, if any. */
  companyColor?: string | null;
};

const MODES: { mode: NavMode; label: string }[] = [
  { mode: "custom", label: "Custom" },
  { mode: "org", label: "Org brand" },
  { mode: "company", label: "Company" },
];

/** Cover and colors of a room, with the buyer's view live beside the controls. */
export function DesignStudio({ room, draft, onChange, errors, orgColor = null, companyColor = null }: DesignStudioProps) {
  const [history, setHistory] = useState(emptyHistory);
  const [lastCustomNav, setLastCustomNav] = useState<string | null>(null);
  const look = editedLook(room, draft);
  const before = savedLook(room);
  const context = { orgColor, companyColor };
  const nav = resolveNavColor(look.navColor, context);
  const errorOf = (field: DesignField) => errors.find((error) => error.field === field)?.message;
  const roomTitle = room?.room.title ?? "";

  const change = (field: DesignField, value: DesignValue) => {
    setHistory((current) => record(current, { field, before: look[field], after: value }));
    onChange(field, value);
  };
  const step = (direction: "undo" | "redo") => {
    const moved = direction === "undo" ? undo(history) : redo(history);
    if (!moved) return;
    setHistory(moved.history);
    onChange(moved.step.field, direction === "undo" ? moved.step.before : moved.step.after);
  };
  const pickMode = (mode: NavMode) => {
    if (nav.mode === "custom" && look.navColor) setLastCustomNav(look.navColor);
    const customHex = lastCustomNav ?? look.themeColor ?? "#1a73e8";
    change("navColor", navValueFor(mode, customHex));
  };
  const showBefore = room !== null && !sameLook(look, before);

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
      <Group align="flex-start" gap="xl">
        <Stack gap="sm" w={320}>
          <Checkbox
            label="Hide the cover page"
            data-testid="cover-disabled"
            checked={look.coverDisabled}
            onChange={(event) => { change("coverDisabled", event.currentTarget.checked); }}
          />
          <TextInput
            label="Cover title"
            data-testid="cover-title"
            value={look.coverTitle}
            error={errorOf("coverTitle")}
            onChange={(event) => { change("coverTitle", event.currentTarget.value); }}
          />
          <Textarea
            label="Cover description"
            data-testid="cover-description"
            rows={2}
            value={look.coverDescription}
            error={errorOf("coverDescription")}
            onChange={(event) => { change("coverDescription", event.currentTarget.value); }}
          />
          <ColorField
            label="Theme color"
            stem="theme"
            value={look.themeColor}
            error={errorOf("themeColor")}
            onChange={(hex) => { change("themeColor", hex); }}
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
                stem="nav"
                value={look.navColor}
                error={errorOf("navColor")}
                onChange={(hex) => { change("navColor", hex); }}
              />
            ) : null}
            {nav.note ? <Text size="xs" c="dimmed" data-testid="nav-note">{nav.note}</Text> : null}
            {nav.mode !== "custom" && errorOf("navColor") ? <Text size="xs" c="red">{errorOf("navColor")}</Text> : null}
          </Stack>
          <Stack gap={4}>
            {look.coverDisabled ? null : (
              <ContrastBadge
                surface="cover"
                label="Cover text"
                background={look.themeColor}
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
