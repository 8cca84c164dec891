// Every updatable field of a room, grouped as the catalogue says (Basics, CRM links, Cover
// and colors), with the core's field errors as the user types. Save writes to the
// connection, Save offline records a pending edit, a draft saves locally. Ctrl/Cmd+S saves.
import { Alert, Button, Card, Group, SimpleGrid, Stack, Text, Title } from "@mantine/core";
import { useHotkeys } from "@mantine/hooks";
import { notifications } from "@mantine/notifications";
import { useEffect, useMemo, useState } from "react";
import type { FieldError, RoomField, RoomView, Source } from "../../bindings";
import { useCompanyColor, useOrgColor } from "../designer/brandColors";
import { CompanyColor } from "../designer/CompanyColor";
import { DesignStudio } from "../designer/DesignStudio";
import { rememberColors } from "../designer/recentColors";
import { lookOfDraft, savedLook } from "../designer/designValues";
import { usePalettes } from "../palettes/usePalettes";
import { FIELD_CATALOGUE, type FieldGroup, type FieldSpec } from "../../catalogue";
import { initialDraft, isDirty, patchOf, rebaseDraft, setFromRoomdesk, type Draft, type DraftValue } from "./editorDraft";
import { FieldInput, type PickerOption } from "./FieldInput";
import { useLookupList, useStatuses } from "./lookupNames";
import { useFieldErrors } from "./useFieldErrors";
import { useRoomSave } from "./useRoomSave";

const EDITABLE = FIELD_CATALOGUE.filter((s) => s.onUpdate);
const GROUP_TITLES: Record<Exclude<FieldGroup, "design">, string> = { basics: "Basics", crm: "CRM links" };

interface Props {
  view: RoomView;
  /** Tells the page whether there are unsaved changes (its Back asks first). */
  onDirtyChange: (dirty: boolean) => void;
}

export function RoomEditor({ view, onDirtyChange }: Props) {
  const room = view.room;
  const [draft, setDraft] = useState<Draft>(() => initialDraft(room, EDITABLE));
  // A fresher copy of the room arrived (the cached copy was shown first, or a sync changed
  // it): the form follows it, except in the fields the user has changed.
  const [shownRoom, setShownRoom] = useState(room);
  if (shownRoom !== room) {
    setShownRoom(room);
    setDraft(rebaseDraft(shownRoom, room, EDITABLE, draft));
  }
  const patch = useMemo(() => patchOf(room, EDITABLE, draft), [room, draft]);
  const dirty = isDirty(patch);
  const coreErrors = useFieldErrors(dirty ? { kind: "patch", value: patch } : null);
  const save = useRoomSave(room.id);
  const isDraft = view.state === "draft";
  const options = usePickerOptions();
  const palettes = usePalettes();
  // A new studio (fresh undo history) after a save or a discard: its steps are of a draft
  // that is gone.
  const [studioRound, setStudioRound] = useState(0);
  const look = lookOfDraft(draft, savedLook(room));
  // The company the room will have: the one being picked, else the saved one.
  const companyId = typeof draft.companyId === "string" ? draft.companyId.trim() || null : room.companyId;
  const orgColor = useOrgColor();
  const companyColor = useCompanyColor(companyId);

  useEffect(() => {
    onDirtyChange(dirty);
  }, [dirty, onDirtyChange]);

  // A refusal from the save, beside its field, until that field changes again.
  const saveErrors: FieldError[] =
    save.isError && save.error.code === "validation" && save.error.field && save.variables.patch === patch
      ? [{ field: save.error.field, message: save.error.message }]
      : [];
  const errors = [...coreErrors, ...saveErrors.filter((e) => !coreErrors.some((c) => c.field === e.field))];
  const canSave = dirty && errors.length === 0 && !save.isPending;

  const submit = (source: Source) => {
    if (!canSave) return;
    save.mutate(
      { patch, source: isDraft ? "local" : source },
      {
        onSuccess: (next) => {
          rememberColors([patch.themeColor, patch.navColor]);
          setDraft(initialDraft(next.room, EDITABLE));
          setStudioRound((n) => n + 1);
          notifications.show({
            color: "teal",
            title: source === "local" || isDraft ? "Saved on this computer" : "Room saved",
            message: source === "local" || isDraft ? "Sent on the next sync." : `“${next.room.title}”`,
          });
        },
      },
    );
  };
  useHotkeys([["mod+S", () => { submit("remote"); }]], []);

  const set = (field: RoomField, value: DraftValue) => {
    setDraft((d) => ({ ...d, [field]: value }));
  };
  const input = (spec: FieldSpec) => (
    <FieldInput
      key={spec.name}
      spec={spec}
      value={draft[spec.name] ?? ""}
      onChange={(v) => {
        set(spec.name, v);
      }}
      errors={errors}
      options={options[spec.name]}
      note={setFromRoomdesk(room, spec) ? "Last set from Roomdesk (the API does not return it)" : undefined}
    />
  );

  let status: { text: string; color: string };
  if (save.isPending) status = { text: "Saving…", color: "dimmed" };
  else if (save.isError && saveErrors.length === 0 && save.variables.patch === patch) status = { text: `Not saved: ${save.error.message}`, color: "red" };
  else if (dirty) status = { text: "Unsaved changes", color: "orange" };
  else if (save.isSuccess) status = { text: "Saved", color: "teal" };
  else status = { text: "No changes", color: "dimmed" };

  return (
    <form
      onSubmit={(e) => {
        e.preventDefault();
        submit("remote");
      }}
    >
      <Stack gap="md">
        {(["basics", "crm"] as const).map((group) => (
          <Card key={group} withBorder padding="md" radius="md" data-testid={`group-${group}`}>
            <Title order={4} mb="sm">
              {GROUP_TITLES[group]}
            </Title>
            <SimpleGrid cols={{ base: 1, sm: 2 }} spacing="sm">
              {EDITABLE.filter((s) => s.group === group).map(input)}
            </SimpleGrid>
          </Card>
        ))}
        <Card withBorder padding="md" radius="md" data-testid="group-design">
          <Title order={4} mb="sm">
            Cover and colors
          </Title>
          <DesignStudio
            key={`${room.updatedAt}:${String(studioRound)}`}
            room={room}
            look={look}
            onChange={set}
            errors={errors}
            orgColor={orgColor.data ?? null}
            companyColor={companyColor.data ?? null}
            companyTools={<CompanyColor companyId={companyId} stored={companyColor.data ?? null} />}
            palettes={palettes.data ?? []}
          />
        </Card>
        {save.isError && saveErrors.length === 0 && save.error.code !== "validation" && (
          <Alert color="red" data-testid="save-error" data-code={save.error.code}>
            {save.error.message}
            {save.error.code === "network" || save.error.code === "timeout" ? " Use Save offline to keep the change for the next sync." : ""}
          </Alert>
        )}
        <Group justify="space-between">
          <Text size="sm" c={status.color} data-testid="save-status" data-state={save.status}>
            {status.text}
          </Text>
          <Group gap="xs">
            <Button
              variant="default"
              disabled={!dirty || save.isPending}
              onClick={() => {
                setDraft(initialDraft(room, EDITABLE));
                setStudioRound((n) => n + 1);
                save.reset();
              }}
              data-testid="room-reset"
            >
              Discard
            </Button>
            {!isDraft && (
              <Button
                variant="light"
                disabled={!canSave}
                onClick={() => {
                  submit("local");
                }}
                data-testid="room-save-offline"
              >
                Save offline
              </Button>
            )}
            <Button type="submit" disabled={!canSave} loading={save.isPending} data-testid="room-save">
              {isDraft ? "Save draft" : "Save"}
            </Button>
          </Group>
        </Group>
      </Stack>
    </form>
  );
}

/** Picker choices per field from the lookups; a field without one takes a typed ID. */
function usePickerOptions(): Partial<Record<RoomField, PickerOption[] | null>> {
  const users = useLookupList("users");
  const companies = useLookupList("companies");
  const statuses = useStatuses();
  return useMemo(
    () => ({
      userId: users.data?.map((u) => ({ value: u.id, label: u.name })) ?? null,
      companyId: companies.data?.map((c) => ({ value: c.id, label: c.name })) ?? null,
      statusId: statuses.data?.map((s) => ({ value: s.id, label: s.title })) ?? null,
    }),
    [users.data, companies.data, statuses.data],
  );
}
