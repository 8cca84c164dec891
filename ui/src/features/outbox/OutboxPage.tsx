// The outbox: every local change waiting for the server, grouped by room, with where it
// stands (queued, sending, failed and why, uncertain, conflict); retry, discard, and the
// conflict resolver for fields changed here and on the server.
import { Alert, Button, Group, Skeleton, Stack, Text, Title } from "@mantine/core";
import { useQuery } from "@tanstack/react-query";
import { listConflicts, listOutbox } from "../../api/commands";
import { queryKeys } from "../../api/queryKeys";
import { useSync } from "../../app/SyncProvider";
import { SyncIcon } from "../../app/icons";
import { countByStatus, groupOutbox, type ChangeStatus } from "./outboxGroups";
import { OutboxRoomCard } from "./OutboxRoomCard";

const STATUS_WORDS: [ChangeStatus, string][] = [
  ["conflict", "in conflict"],
  ["uncertain", "uncertain"],
  ["failed", "failed"],
  ["sending", "sending"],
  ["queued", "queued"],
];

export function OutboxPage() {
  const outbox = useQuery({ queryKey: queryKeys.outbox, queryFn: listOutbox });
  const conflicts = useQuery({ queryKey: queryKeys.conflicts, queryFn: listConflicts });
  const sync = useSync();
  const syncing = sync.state.kind === "running";

  const error = outbox.error ?? conflicts.error;
  const groups = outbox.data && conflicts.data ? groupOutbox(outbox.data, conflicts.data, syncing) : null;
  const counts = groups ? countByStatus(groups) : null;
  const countLine = counts
    ? STATUS_WORDS.filter(([s]) => counts[s] > 0)
        .map(([s, words]) => `${counts[s]} ${words}`)
        .join(" · ")
    : "";

  return (
    <Stack gap="md" maw={1000}>
      <Group justify="space-between">
        <Stack gap={0}>
          <Title order={2}>Outbox</Title>
          <Text size="sm" c="dimmed">
            Drafts and offline edits wait here until a sync sends them.
          </Text>
        </Stack>
        {groups && groups.length > 0 && (
          <Button leftSection={<SyncIcon size={16} />} loading={syncing} onClick={sync.start} data-testid="outbox-sync">
            Send all now
          </Button>
        )}
      </Group>
      {error ? (
        <Alert color="red" data-testid="outbox-error" data-code={error.code}>
          {error.message}
        </Alert>
      ) : !groups ? (
        <Skeleton height={120} />
      ) : groups.length === 0 ? (
        <Text c="dimmed" ta="center" py="xl" data-testid="outbox-empty">
          Nothing waiting: every change has reached the server.
        </Text>
      ) : (
        <>
          <Text size="sm" data-testid="outbox-counts">
            {countLine}
          </Text>
          <Stack gap="sm" data-testid="outbox-list">
            {groups.map((g) => (
              <OutboxRoomCard key={g.roomId} group={g} syncing={syncing} onRetry={sync.start} />
            ))}
          </Stack>
        </>
      )}
    </Stack>
  );
}
