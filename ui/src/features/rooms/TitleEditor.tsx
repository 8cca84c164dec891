// Edit and save a room's title: Save (or Ctrl/Cmd+S) when changed and valid; the core's
// field message under the input when it refuses; a notification when it is saved.
import { Button, Group, Text, TextInput } from "@mantine/core";
import { useHotkeys } from "@mantine/hooks";
import { notifications } from "@mantine/notifications";
import { useState } from "react";
import type { RoomView } from "../../bindings";
import { fieldMessage } from "../../api/errors";
import { useInputProblems, useSaveTitle } from "./roomQueries";
import { charCount, TITLE_MAX_CHARS, titleDraft } from "./titleDraft";

export function TitleEditor({ view }: { view: RoomView }) {
  const saved = view.room.title;
  const [text, setText] = useState(saved);
  const save = useSaveTitle(view.room.id);
  // The core checks the text as it is typed; nothing is asked while it is unchanged.
  const check = useInputProblems(text === saved ? null : { kind: "patch", value: { title: text } });
  const draft = titleDraft(saved, text, check.data && { problems: check.data, current: !check.isPlaceholderData });
  // The core's words win over our early check; a stale error clears once the text changes.
  const coreProblem = save.isError && save.variables === text ? fieldMessage(save.error, "title") : null;
  const problem = coreProblem ?? draft.problem;

  const submit = () => {
    if (!draft.canSave || save.isPending) return;
    save.mutate(text, {
      onSuccess: (next) => {
        setText(next.room.title);
        notifications.show({
          color: "teal",
          title: "Title saved",
          message: `“${next.room.title}”`,
        });
      },
    });
  };

  useHotkeys([["mod+S", submit]], []);

  let status: { text: string; color: string };
  if (save.isPending) status = { text: "Saving…", color: "dimmed" };
  else if (save.isError && !coreProblem && save.variables === text) status = { text: `Not saved: ${save.error.message}`, color: "red" };
  else if (draft.dirty) status = { text: "Unsaved changes", color: "orange" };
  else if (save.isSuccess) status = { text: "Saved", color: "teal" };
  else status = { text: "No changes", color: "dimmed" };

  return (
    <form
      onSubmit={(e) => {
        e.preventDefault();
        submit();
      }}
    >
      <TextInput
        label="Title"
        description={TITLE_MAX_CHARS === null ? undefined : `${charCount(text)}/${TITLE_MAX_CHARS} characters`}
        value={text}
        onChange={(e) => {
          setText(e.currentTarget.value);
        }}
        error={problem}
        errorProps={{ "data-testid": "room-title-error" }}
        data-testid="room-title-input"
        size="md"
      />
      <Group justify="space-between" mt="md">
        <Text size="sm" c={status.color} data-testid="save-status" data-state={save.status}>
          {status.text}
        </Text>
        <Group gap="xs">
          <Button
            variant="default"
            disabled={!draft.dirty || save.isPending}
            onClick={() => {
              setText(saved);
              save.reset();
            }}
            data-testid="room-reset"
          >
            Discard
          </Button>
          <Button type="submit" disabled={!draft.canSave} loading={save.isPending} data-testid="room-save">
            Save
          </Button>
        </Group>
      </Group>
    </form>
  );
}
