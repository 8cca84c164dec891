// Settings › Brand: a new palette. The core checks it (name free and not empty, colors
// as the room fields take them) and its message shows beside the field it names.
import { Button, Group, NativeSelect, SegmentedControl, Stack, Text, TextInput } from "@mantine/core";
import { useState } from "react";
import type { Palette } from "../../bindings";
import { ColorField } from "../designer/ColorField";
import { NAV_COMPANY_COLOR, NAV_ORG_COLOR, navValueFor, type NavMode } from "../designer/navColor";
import { useCreatePalette } from "./usePalettes";

const COVER_CHOICES = [
  { value: "leave", label: "Leave as it is" },
  { value: "show", label: "Show the cover" },
  { value: "hide", label: "Hide the cover" },
];

const blankIsNull = (text: string) => (text.trim() === "" ? null : text);

export function NewPaletteForm() {
  const create = useCreatePalette();
  const [name, setName] = useState("");
  const [theme, setTheme] = useState("#1A73E8");
  const [navMode, setNavMode] = useState<NavMode>("custom");
  const [navHex, setNavHex] = useState("#0B3D91");
  const [coverTitle, setCoverTitle] = useState("");
  const [coverDescription, setCoverDescription] = useState("");
  const [cover, setCover] = useState("leave");
  const errorFor = (field: string) => (create.error?.field === field ? create.error.message : undefined);
  const otherError = create.error && !["paletteName", "themeColor", "navColor", "coverTitle", "coverDescription"].includes(create.error.field ?? "") ? create.error.message : null;

  const submit = () => {
    const palette: Palette = {
      name,
      themeColor: theme,
      navColor: navValueFor(navMode, navHex),
      coverTitle: blankIsNull(coverTitle),
      coverDescription: blankIsNull(coverDescription),
      coverDisabled: cover === "leave" ? null : cover === "hide",
    };
    create.mutate(palette, {
      onSuccess: () => {
        setName("");
        setCoverTitle("");
        setCoverDescription("");
      },
    });
  };

  return (
    <Stack gap="xs" data-testid="palette-new">
      <Text size="sm" fw={500}>
        New palette
      </Text>
      <TextInput
        label="Name"
        data-testid="palette-new-name"
        value={name}
        error={errorFor("paletteName")}
        errorProps={{ "data-testid": "palette-error-paletteName" }}
        onChange={(e) => { setName(e.currentTarget.value); }}
      />
      <ColorField label="Theme color" testId="palette-new-theme" errorTestId="palette-error-themeColor" value={theme} error={errorFor("themeColor")} onChange={setTheme} />
      <Stack gap={4}>
        <Text size="sm">Navigation color</Text>
        <SegmentedControl
          size="xs"
          data-testid="palette-new-nav-mode"
          value={navMode}
          onChange={(v) => { setNavMode(v); }}
          data={[
            { value: "custom", label: "Custom" },
            { value: "org", label: "Org brand" },
            { value: "company", label: "Company" },
          ]}
        />
        {navMode === "custom" ? (
          <ColorField label="Navigation hex" testId="palette-new-nav" errorTestId="palette-error-navColor" value={navHex} error={errorFor("navColor")} onChange={setNavHex} />
        ) : (
          <Text size="xs" c="dimmed">
            Rooms get {navMode === "org" ? NAV_ORG_COLOR : NAV_COMPANY_COLOR}: Flowla paints it from {navMode === "org" ? "the org brand color" : "the room's company"}.
          </Text>
        )}
      </Stack>
      <TextInput
        label="Cover title (blank leaves each room's)"
        data-testid="palette-new-cover-title"
        value={coverTitle}
        error={errorFor("coverTitle")}
        onChange={(e) => { setCoverTitle(e.currentTarget.value); }}
      />
      <TextInput
        label="Cover description (blank leaves each room's)"
        data-testid="palette-new-cover-description"
        value={coverDescription}
        error={errorFor("coverDescription")}
        onChange={(e) => { setCoverDescription(e.currentTarget.value); }}
      />
      <NativeSelect label="Cover page" data-testid="palette-new-cover-disabled" data={COVER_CHOICES} value={cover} onChange={(e) => { setCover(e.currentTarget.value); }} />
      {otherError ? (
        <Text size="sm" c="red" data-testid="palette-error">
          {otherError}
        </Text>
      ) : null}
      <Group>
        <Button size="xs" data-testid="palette-create" loading={create.isPending} onClick={submit}>
          Add palette
        </Button>
      </Group>
    </Stack>
  );
}
