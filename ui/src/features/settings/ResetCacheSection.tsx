// "Reset local cache": removes the cached rooms (the next listing fetches them again).
// Unsynced work (drafts, pending edits, conflicts) is listed first and only dropped when
// the user ticks the box for it; the shell refuses while a sync runs.
import { Alert, Button, Checkbox, Group, List, Modal, Skeleton, Stack, Text } from "@mantine/core";
import { useMutation, useQuery, useQueryClient } from "@tanstack/react-query";
import { useState } from "react";
import type { CacheCleared } from "../../bindings";
import { listConflicts, listOutbox, resetLocalCache } from "../../api/commands";
import { describeError } from "../../api/errors";
import { queryKeys } from "../../api/queryKeys";
import { useSync } from "../../app/SyncProvider";
import { groupOutbox, type OutboxGroup } from "../outbox/outboxGroups";

function describeWork(group: OutboxGroup): string {
  const parts: string[] = [];
  if (group.isDraft) parts.push(group.mayBeOnServer ? "new room, maybe already on the server" : "new room, never sent");
  const edits = new Set(group.rows.filter((r) => r.action === "Edit").flatMap((r) => r.fields));
  if (edits.size > 0) parts.push(`edits to ${[...edits].join(", ")}`);
  if (group.conflicts.length > 0) parts.push(`${group.conflicts.length} conflict${group.conflicts.length === 1 ? "" : "s"} to resolve`);
  return parts.join("; ");
}

function describeResult(cleared: CacheCleared): string {
  const removed = `Removed ${cleared.roomsRemoved} room${cleared.roomsRemoved === 1 ? "" : "s"} from this computer`;
  if (cleared.changesDropped > 0 || cleared.conflictsDropped > 0) {
    return `${removed} and threw away ${cleared.changesDropped} unsynced change${cleared.changesDropped === 1 ? "" : "s"}.`;
  }
  if (cleared.roomsKept > 0) return `${removed}; kept ${cleared.roomsKept} with unsynced work.`;
  return `${removed}.`;
}

export function ResetCacheSection() {
  const queryClient = useQueryClient();
  const { state: syncState } = useSync();
  const syncing = syncState.kind === "running";
  const [open, setOpen] = useState(false);
  const [dropUnsynced, setDropUnsynced] = useState(false);
  const outbox = useQuery({ queryKey: queryKeys.outbox, queryFn: listOutbox, enabled: open });
  const conflicts = useQuery({ queryKey: queryKeys.conflicts, queryFn: listConflicts, enabled: open });
  const reset = useMutation({
    mutationFn: (drop: boolean) => resetLocalCache(drop),
    onSuccess: async () => {
      setOpen(false);
      await queryClient.invalidateQueries({ predicate: (q) => q.queryKey[0] !== queryKeys.connection[0] });
    },
  });
  const loading = outbox.isPending || conflicts.isPending;
  const groups = outbox.data && conflicts.data ? groupOutbox(outbox.data, conflicts.data, false) : [];
  const close = () => {
    setOpen(false);
  };

  return (
    <Stack gap="sm" align="flex-start">
      <Text size="sm" c="dimmed">
        Removes the rooms kept on this computer for the active connection; they are fetched again from the server.
        Work that has not reached the server is listed first and kept unless you say otherwise.
      </Text>
      <Button
        variant="default"
        color="red"
        disabled={syncing}
        onClick={() => {
          setDropUnsynced(false);
          reset.reset();
          setOpen(true);
        }}
        data-testid="settings-reset-cache"
      >
        Reset local cache…
      </Button>
      {syncing && (
        <Text size="xs" c="dimmed">
          A sync is running: reset when it has finished.
        </Text>
      )}
      {reset.data && (
        <Alert color="green" w="100%" data-testid="settings-reset-result">
          {describeResult(reset.data)}
        </Alert>
      )}
      <Modal opened={open} onClose={close} title="Reset the local cache?" size="lg" data-testid="settings-reset-dialog">
        <Stack gap="sm">
          {loading ? (
            <Skeleton height={60} />
          ) : outbox.isError || conflicts.isError ? (
            <Alert color="red">{describeError(outbox.error ?? conflicts.error)}</Alert>
          ) : groups.length === 0 ? (
            <Text size="sm" data-testid="settings-reset-nothing-unsynced">
              Nothing here is waiting to be sent: only cached copies of server rooms are removed.
            </Text>
          ) : (
            <>
              <Text size="sm">
                {groups.length} room{groups.length === 1 ? " has" : "s have"} work that has not reached the server yet:
              </Text>
              <List size="sm" spacing={4} data-testid="settings-reset-unsynced">
                {groups.map((g) => (
                  <List.Item key={g.roomId} data-testid={`settings-reset-item-${g.roomId}`}>
                    <Text span fw={500} size="sm">
                      {g.title ?? "Untitled room"}
                    </Text>{" "}
                    <Text span c="dimmed" size="sm">
                      ({describeWork(g)})
                    </Text>
                  </List.Item>
                ))}
              </List>
              <Checkbox
                color="red"
                checked={dropUnsynced}
                onChange={(event) => {
                  setDropUnsynced(event.currentTarget.checked);
                }}
                label="Also throw this work away (it cannot be undone)"
                data-testid="settings-reset-drop-unsynced"
              />
              {!dropUnsynced && (
                <Text size="xs" c="dimmed">
                  Left unticked, these rooms and their changes stay and are sent by the next sync.
                </Text>
              )}
            </>
          )}
          {reset.isError && (
            <Alert color="red" data-testid="settings-reset-error">
              {describeError(reset.error)}
            </Alert>
          )}
          <Group justify="flex-end" gap="xs">
            <Button variant="default" onClick={close} data-testid="settings-reset-cancel">
              Cancel
            </Button>
            <Button
              color="red"
              disabled={loading || syncing}
              loading={reset.isPending}
              onClick={() => {
                reset.mutate(dropUnsynced && groups.length > 0);
              }}
              data-testid="settings-reset-confirm"
            >
              {dropUnsynced && groups.length > 0 ? "Reset and throw away unsynced work" : "Reset cache"}
            </Button>
          </Group>
        </Stack>
      </Modal>
    </Stack>
  );
}
