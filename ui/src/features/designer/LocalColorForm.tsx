// A color kept on this computer (org brand color, a company's color): a picker and hex
// field, and Save. The core checks the color; its message shows under the field.
import { Button, Group, Text } from "@mantine/core";
import type { UseMutationResult } from "@tanstack/react-query";
import { useState } from "react";
import type { CommandError } from "../../api/errors";
import { ColorField } from "./ColorField";
import { rememberColors } from "./recentColors";

type Props = {
  label: string;
  /** Stem of the test ids: `<stem>-input`, `<stem>-save`, `<stem>-error`, `<stem>-status`. */
  stem: string;
  stored: string | null;
  save: UseMutationResult<string | null, CommandError, string | null>;
  description?: string;
};

export function LocalColorForm({ label, stem, stored, save, description }: Props) {
  // What the user typed since the last save; null shows the stored value.
  const [typed, setTyped] = useState<string | null>(null);
  const value = typed ?? stored ?? "";
  const changed = typed !== null && typed !== (stored ?? "");
  const error = save.isError && save.variables === typed ? save.error.message : undefined;
  return (
    <Group align="flex-start" gap="xs" wrap="nowrap">
      <ColorField
        label={label}
        testId={`${stem}-input`}
        errorTestId={`${stem}-error`}
        value={value}
        error={error}
        description={description}
        onChange={(text) => {
          setTyped(text);
          save.reset();
        }}
      />
      <Button
        size="sm"
        variant="light"
        disabled={!changed || save.isPending}
        loading={save.isPending}
        data-testid={`${stem}-save`}
        mt={25}
        onClick={() => {
          const color = typed?.trim() ? typed : null;
          save.mutate(color, {
            onSuccess: (stored) => {
              rememberColors([stored]);
              setTyped(null);
            },
          });
        }}
      >
        Save
      </Button>
      {save.isSuccess && typed === null ? (
        <Text size="xs" c="teal" data-testid={`${stem}-status`} mt={33}>
          Saved
        </Text>
      ) : null}
    </Group>
  );
}
