import { Button, Group, Progress, Stack, Text } from "@mantine/core";
import { notifications } from "@mantine/notifications";
import { useMutation, useQueryClient } from "@tanstack/react-query";
import { useState } from "react";
import { runSync } from "../api/commands";
import { describeError } from "../api/errors";
import { queryKeys } from "../api/queryKeys";
import { SyncIcon } from "./icons";
import { describeSync, progressFraction, type SyncState } from "./syncStatus";
import { useNow } from "./useNow";

/** The header's sync button, its progress bar and its one-line status. */
export function SyncControl() {
  const queryClient = useQueryClient();
  const now = useNow();
  const [state, setState] = useState<SyncState>({ kind: "idle" });

  const sync = useMutation({
    mutationFn: () =>
      runSync((progress) => {
        setState({ kind: "running", progress });
      }),
    onMutate: () => {
      setState({ kind: "running", progress: null });
    },
    onSuccess: async (report) => {
      setState({ kind: "done", report, at: Date.now() });
      await queryClient.invalidateQueries({ queryKey: queryKeys.rooms });
      await queryClient.invalidateQueries({ queryKey: queryKeys.outbox });
    },
    onError: (error) => {
      setState({ kind: "failed", message: describeError(error), at: Date.now() });
      notifications.show({ color: "red", title: "Sync failed", message: describeError(error) });
    },
  });

  const fraction = state.kind === "running" ? progressFraction(state.progress) : null;
  const status = describeSync(state, now);
  const tone = state.kind === "failed" || (state.kind === "done" && state.report.stopped) ? "red" : "dimmed";

  return (
    <Group gap="sm" wrap="nowrap">
      <Stack gap={2} w={220} align="flex-end">
        {/* Native tooltip: the whole status when it is truncated. */}
        <Text size="xs" c={tone} truncate="end" maw={220} title={status} data-testid="sync-status">
          {status}
        </Text>
        {state.kind === "running" && (
          <Progress
            w="100%"
            size="xs"
            value={fraction === null ? 100 : fraction * 100}
            animated={fraction === null}
            striped={fraction === null}
            data-testid="sync-progress"
          />
        )}
      </Stack>
      <Button
        variant="light"
        leftSection={<SyncIcon size={16} />}
        loading={sync.isPending}
        onClick={() => {
          sync.mutate();
        }}
        data-testid="sync-button"
      >
        Sync
      </Button>
    </Group>
  );
}
