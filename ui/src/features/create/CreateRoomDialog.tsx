// The one create dialog: Blank, From template, Duplicate a room (source found by searching
// the local rooms), From a CRM record. The core's field errors show as the user types;
// "Create now" asks the connection, "Save as draft" keeps it here (works offline).
import { Alert, Button, Group, Modal, NativeSelect, Stack, TextInput } from "@mantine/core";
import { useMutation, useQuery, useQueryClient } from "@tanstack/react-query";
import { useMemo, useState } from "react";
import type { NewRoom, RoomView, Source } from "../../bindings";
import { createRoom, listRooms } from "../../api/commands";
import type { CommandError } from "../../api/errors";
import { queryKeys } from "../../api/queryKeys";
import { FIELD_CATALOGUE } from "../../catalogue";
import { FieldInput } from "../rooms/FieldInput";
import { useLookupList, useStatuses } from "../rooms/lookupNames";
import { useFieldErrors } from "../rooms/useFieldErrors";
import { CRM_FIELD, MODE_FIELDS, newRoomBody, type CreateMode, type CreateValues, type CrmKind } from "./newRoomBody";

const MODES: { mode: CreateMode; label: string }[] = [
  { mode: "blank", label: "Blank" },
  { mode: "template", label: "From template" },
  { mode: "duplicate", label: "Duplicate a room" },
  { mode: "crm", label: "From a CRM record" },
];

interface Props {
  opened: boolean;
  onClose: () => void;
  onCreated: (view: RoomView) => void;
}

export function CreateRoomDialog({ opened, onClose, onCreated }: Props) {
  const [mode, setMode] = useState<CreateMode>("blank");
  const [crm, setCrm] = useState<CrmKind>("hubspot");
  const [values, setValues] = useState<CreateValues>({});
  const body = useMemo(() => newRoomBody(mode, values, crm), [mode, values, crm]);
  const touched = Object.keys(body).length > 0;
  const errors = useFieldErrors(touched ? { kind: "newRoom", value: body } : null);
  const queryClient = useQueryClient();
  const create = useMutation<RoomView, CommandError, { body: NewRoom; source: Source }>({
    mutationFn: ({ body: b, source }) => createRoom(source, b),
    onSuccess: async (view) => {
      await queryClient.invalidateQueries({ queryKey: queryKeys.rooms });
      await queryClient.invalidateQueries({ queryKey: queryKeys.outbox });
      setValues({});
      onCreated(view);
    },
  });
  const saveError = create.isError && create.error.field ? [{ field: create.error.field, message: create.error.message }] : [];
  const allErrors = [...errors, ...saveError];
  const canSubmit = touched && errors.length === 0 && !create.isPending;
  const users = useLookupList("users");
  const companies = useLookupList("companies");
  const templates = useLookupList("templates");
  const statuses = useStatuses();
  const options: Partial<Record<keyof NewRoom, { value: string; label: string }[] | null>> = {
    userId: users.data?.map((u) => ({ value: u.id, label: u.name })) ?? null,
    companyId: companies.data?.map((c) => ({ value: c.id, label: c.name })) ?? null,
    templateId: templates.data?.map((t) => ({ value: t.id, label: t.name })) ?? null,
    statusId: statuses.data?.map((s) => ({ value: s.id, label: s.title })) ?? null,
  };

  const fields: (keyof NewRoom)[] = ["title", "description", ...MODE_FIELDS[mode].filter((f) => f !== "duplicateFromId")];
  if (mode === "crm") fields.push(CRM_FIELD[crm]);
  const input = (name: keyof NewRoom) => {
    const spec = FIELD_CATALOGUE.find((s) => s.name === name);
    if (!spec) return null;
    return (
      <FieldInput
        key={name}
        spec={spec}
        value={values[name] ?? ""}
        onChange={(v) => {
          setValues((old) => ({ ...old, [name]: String(v) }));
        }}
        errors={allErrors}
        options={options[name]}
      />
    );
  };

  return (
    <Modal opened={opened} onClose={onClose} title="New room" size="lg" data-testid="create-dialog">
      <Stack gap="sm">
        <Button.Group>
          {MODES.map((m) => (
            <Button
              key={m.mode}
              size="xs"
              variant={mode === m.mode ? "filled" : "default"}
              aria-pressed={mode === m.mode}
              onClick={() => {
                setMode(m.mode);
              }}
              data-testid={`create-mode-${m.mode}`}
            >
              {m.label}
            </Button>
          ))}
        </Button.Group>
        {mode === "crm" && (
          <NativeSelect
            label="CRM"
            data={[
              { value: "hubspot", label: "HubSpot deal" },
              { value: "salesforce", label: "Salesforce opportunity" },
              { value: "attio", label: "Attio deal" },
            ]}
            value={crm}
            onChange={(e) => {
              setCrm(e.currentTarget.value as CrmKind);
            }}
            data-testid="create-crm"
          />
        )}
        {mode === "duplicate" && (
          <DuplicateSource
            value={values.duplicateFromId ?? ""}
            onPick={(id) => {
              setValues((old) => ({ ...old, duplicateFromId: id }));
            }}
            error={allErrors.find((e) => e.field === "duplicateFromId")?.message ?? null}
          />
        )}
        {fields.map(input)}
        {create.isError && saveError.length === 0 && (
          <Alert color="red" data-testid="create-error" data-code={create.error.code}>
            {create.error.message}
          </Alert>
        )}
        <Group justify="flex-end" gap="xs">
          <Button variant="subtle" color="gray" onClick={onClose} data-testid="create-cancel">
            Cancel
          </Button>
          <Button
            variant="default"
            disabled={!canSubmit}
            onClick={() => {
              create.mutate({ body, source: "local" });
            }}
            data-testid="create-draft"
          >
            Save as draft
          </Button>
          <Button
            disabled={!canSubmit}
            loading={create.isPending}
            onClick={() => {
              create.mutate({ body, source: "remote" });
            }}
            data-testid="create-submit"
          >
            Create now
          </Button>
        </Group>
      </Stack>
    </Modal>
  );
}

/** Finds the room to duplicate by searching the local rooms; shows the one picked. */
function DuplicateSource({ value, onPick, error }: { value: string; onPick: (id: string) => void; error: string | null }) {
  const [words, setWords] = useState("");
  const found = useQuery({
    queryKey: ["create", "duplicate-search", words],
    queryFn: () => listRooms("local", { page: 1, limit: 8, sortBy: "updatedAt", sortDirection: "DESC" }, words),
    enabled: words.trim().length > 0,
    retry: false,
  });
  return (
    <Stack gap={4}>
      <TextInput
        label="Room to duplicate"
        placeholder="Search rooms by a word"
        value={words}
        onChange={(e) => {
          setWords(e.currentTarget.value);
        }}
        error={error}
        errorProps={{ "data-testid": "field-error-duplicateFromId" }}
        description={value ? `Picked: ${value}` : "Search, then pick a room"}
        data-testid="create-duplicate-search"
      />
      {(found.data?.rooms ?? []).map((v) => (
        <Button
          key={v.room.id}
          size="compact-sm"
          variant={v.room.id === value ? "light" : "subtle"}
          justify="flex-start"
          onClick={() => {
            onPick(v.room.id);
          }}
          data-testid={`create-duplicate-pick-${v.room.id}`}
        >
          {v.room.title}
        </Button>
      ))}
    </Stack>
  );
}
