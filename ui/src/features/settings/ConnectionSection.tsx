// Which API the app talks to: the Sandbox (one click) or a Flowla account (its base URL).
// The shell checks and normalises the URL; its words are shown beside the field.
import { Alert, Badge, Button, Group, Stack, Text, TextInput } from "@mantine/core";
import { useMutation, useQueryClient } from "@tanstack/react-query";
import { useState } from "react";
import type { ConnectionInfo, ConnectionKind } from "../../bindings";
import { setConnection } from "../../api/commands";
import { describeError, fieldMessage } from "../../api/errors";
import { afterConnectionChange } from "./connectionChange";

type Props = {
  info: ConnectionInfo;
  /** The kind the user picked (shown before a Flowla connection is saved). */
  chosen: ConnectionKind;
  onChoose: (kind: ConnectionKind) => void;
};

export function ConnectionSection({ info, chosen, onChoose }: Props) {
  const queryClient = useQueryClient();
  const [baseUrl, setBaseUrl] = useState(info.flowlaBaseUrl ?? "");
  const save = useMutation({
    mutationFn: (next: { kind: ConnectionKind; baseUrl: string | null }) => setConnection(next.kind, next.baseUrl),
    onSuccess: async (next) => {
      if (next.flowlaBaseUrl) setBaseUrl(next.flowlaBaseUrl);
      onChoose(next.kind);
      await afterConnectionChange(queryClient, next);
    },
  });
  const urlError = fieldMessage(save.error, "baseUrl");
  const otherError = save.error && !urlError ? describeError(save.error) : null;

  const chooseSandbox = () => {
    onChoose("sandbox");
    save.reset();
    if (info.kind !== "sandbox") save.mutate({ kind: "sandbox", baseUrl: null });
  };
  const chooseFlowla = () => {
    onChoose("flowla");
    save.reset();
  };
  const flowlaActive = info.kind === "flowla";

  return (
    <Stack gap="sm">
      <Group gap="xs">
        <Text size="sm" c="dimmed" w={120}>
          Talk to
        </Text>
        <Button.Group>
          <Button
            variant={chosen === "sandbox" ? "filled" : "default"}
            aria-pressed={chosen === "sandbox"}
            onClick={chooseSandbox}
            loading={save.isPending && save.variables.kind === "sandbox"}
            data-testid="settings-kind-sandbox"
          >
            Sandbox
          </Button>
          <Button
            variant={chosen === "flowla" ? "filled" : "default"}
            aria-pressed={chosen === "flowla"}
            onClick={chooseFlowla}
            data-testid="settings-kind-flowla"
          >
            Flowla account
          </Button>
        </Button.Group>
        <Badge variant="light" tt="none" data-testid="settings-active-kind" data-kind={info.kind}>
          Now: {info.kind === "sandbox" ? "Sandbox" : "Flowla"}
        </Badge>
      </Group>
      <Text size="sm" c="dimmed" data-testid="settings-active-url">
        {chosen === "sandbox"
          ? "The Sandbox runs inside Roomdesk with sample rooms: nothing you do there reaches a real account."
          : "Your Flowla account: the server address below and an API key from your Flowla settings."}{" "}
        {info.baseUrl && (
          <Text span ff="monospace" size="sm">
            Now using {info.baseUrl}
          </Text>
        )}
      </Text>
      {chosen === "flowla" && (
        <form
          onSubmit={(event) => {
            event.preventDefault();
            save.mutate({ kind: "flowla", baseUrl });
          }}
        >
          <Group align="flex-start" gap="xs">
            <TextInput
              label="Flowla base URL"
              placeholder="https://api.flowla.com"
              value={baseUrl}
              onChange={(event) => {
                setBaseUrl(event.currentTarget.value);
                if (save.isError) save.reset();
              }}
              error={urlError}
              w={380}
              spellCheck={false}
              autoComplete="off"
              data-testid="settings-base-url"
            />
            <Button type="submit" mt={25} loading={save.isPending} data-testid="settings-connection-save">
              {flowlaActive ? "Save address" : "Use this Flowla account"}
            </Button>
          </Group>
        </form>
      )}
      {otherError && (
        <Alert color="red" data-testid="settings-connection-error">
          {otherError}
        </Alert>
      )}
    </Stack>
  );
}
