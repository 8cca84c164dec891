// The Flowla API key: entered once, kept in the OS keyring by the shell, never shown
// back (only "ends in ····abcd"). Removing it asks first.
import { Alert, Button, Group, PasswordInput, Stack, Text } from "@mantine/core";
import { useMutation, useQueryClient } from "@tanstack/react-query";
import { useState } from "react";
import type { ConnectionInfo } from "../../bindings";
import { removeApiKey, setApiKey } from "../../api/commands";
import { describeError, fieldMessage } from "../../api/errors";
import { afterConnectionChange, keyHint } from "./connectionChange";

export function ApiKeySection({ info }: { info: ConnectionInfo }) {
  const queryClient = useQueryClient();
  const [key, setKey] = useState("");
  const [confirmingRemove, setConfirmingRemove] = useState(false);
  const save = useMutation({
    mutationFn: (value: string) => setApiKey(value),
    onSuccess: async (next) => {
      setKey("");
      await afterConnectionChange(queryClient, next);
    },
  });
  const remove = useMutation({
    mutationFn: removeApiKey,
    onSuccess: async (next) => {
      setConfirmingRemove(false);
      await afterConnectionChange(queryClient, next);
    },
  });

  if (!info.flowlaBaseUrl) {
    return (
      <Text size="sm" c="dimmed" data-testid="settings-key-hint">
        Save the Flowla base URL first: the key is stored for that address.
      </Text>
    );
  }
  const keyError = fieldMessage(save.error, "apiKey");
  const otherError = (save.error && !keyError ? describeError(save.error) : null) ?? (remove.error ? describeError(remove.error) : null);

  return (
    <Stack gap="sm">
      <Group gap="xs">
        <Text size="sm" c="dimmed" w={120}>
          Stored key
        </Text>
        <Text size="sm" fw={500} data-testid="settings-key-hint" data-configured={info.keyConfigured}>
          {keyHint(info)}
        </Text>
        <Text size="xs" c="dimmed">
          (in the {info.keyStore} for {info.flowlaBaseUrl})
        </Text>
      </Group>
      {info.keyringError && (
        <Alert color="orange" data-testid="settings-keyring-error">
          {info.keyringError}
        </Alert>
      )}
      <form
        onSubmit={(event) => {
          event.preventDefault();
          save.mutate(key);
        }}
      >
        <Group align="flex-start" gap="xs">
          <PasswordInput
            label={info.keyConfigured ? "Replace the API key" : "API key"}
            placeholder="Paste the key from your Flowla settings"
            value={key}
            onChange={(event) => {
              setKey(event.currentTarget.value);
              if (save.isError) save.reset();
            }}
            error={keyError}
            w={380}
            autoComplete="off"
            data-testid="settings-api-key"
          />
          <Button type="submit" mt={25} loading={save.isPending} disabled={key.length === 0} data-testid="settings-api-key-save">
            {info.keyConfigured ? "Replace key" : "Save key"}
          </Button>
          {info.keyConfigured && !confirmingRemove && (
            <Button
              mt={25}
              variant="subtle"
              color="red"
              onClick={() => {
                setConfirmingRemove(true);
              }}
              data-testid="settings-api-key-remove"
            >
              Remove key
            </Button>
          )}
        </Group>
      </form>
      {confirmingRemove && (
        <Alert color="red" variant="light" data-testid="settings-api-key-remove-ask">
          <Group justify="space-between">
            <Text size="sm">Remove the stored key? Roomdesk cannot reach this Flowla account until you enter it again.</Text>
            <Group gap="xs">
              <Button
                size="xs"
                color="red"
                loading={remove.isPending}
                onClick={() => {
                  remove.mutate();
                }}
                data-testid="settings-api-key-remove-confirm"
              >
                Remove
              </Button>
              <Button
                size="xs"
                variant="default"
                onClick={() => {
                  setConfirmingRemove(false);
                }}
                data-testid="settings-api-key-remove-cancel"
              >
                Keep
              </Button>
            </Group>
          </Group>
        </Alert>
      )}
      {otherError && (
        <Alert color="red" data-testid="settings-key-error">
          {otherError}
        </Alert>
      )}
    </Stack>
  );
}
