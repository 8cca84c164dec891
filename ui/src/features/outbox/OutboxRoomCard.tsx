// One room in the outbox: its changes and their states, retry, discard, and the
// conflict resolver when fields changed here and on the server.
import { Alert, Badge, Button, Card, Group, Stack, Table, Text } from "@mantine/core";
import { useMutation, useQueryClient } from "@tanstack/react-query";
import { useState } from "react";
import { discardDraft, discardLocalChanges } from "../../api/commands";
import { describeError } from "../../api/errors";
import { queryKeys } from "../../api/queryKeys";
import { formatRoute } from "../../app/routes";
import { ConflictResolver } from "./ConflictResolver";
import { UncertainCreateChoice } from "./UncertainCreateChoice";
import type { ChangeStatus, OutboxGroup, OutboxRow } from "./outboxGroups";

const STATUS_LOOK: Record<ChangeStatus, { label: string; color: string }> = {
  queued: { label: "Queued", color: "gray" },
  sending: { label: "Sending", color: "blue" },
  failed: { label: "Failed", color: "red" },
  uncertain: { label: "Uncertain", color: "orange" },
  conflict: { label: "Conflict", color: "grape" },
};

export function StatusBadge({ status, testId }: { status: ChangeStatus; testId: string }) {
  const look = STATUS_LOOK[status];
  return (
    <Badge variant="light" color={look.color} data-testid={testId} data-status={status}>
      {look.label}
    </Badge>
  );
}

type Props = { group: OutboxGroup; syncing: boolean; onRetry: () => void };

export function OutboxRoomCard({ group, syncing, onRetry }: Props) {
  const queryClient = useQueryClient();
  const [confirming, setConfirming] = useState(false);
  // A draft is thrown away whole; a server room loses its pending edits (and their
  // conflicts) and shows the server's last version again.
  const discard = useMutation({
    mutationFn: () => (group.isDraft ? discardDraft(group.roomId) : discardLocalChanges(group.roomId)),
    onSuccess: async () => {
      setConfirming(false);
      await queryClient.invalidateQueries({ queryKey: queryKeys.outbox });
      await queryClient.invalidateQueries({ queryKey: queryKeys.conflicts });
      await queryClient.invalidateQueries({ queryKey: queryKeys.rooms });
    },
  });
  const canDiscard = group.isDraft ? !group.mayBeOnServer : group.rows.length > 0 || group.conflicts.length > 0;
  const needsRetry = group.rows.some((r) => r.status === "failed" || r.status === "uncertain");

  return (
    <Card withBorder radius="md" padding="md" data-testid={`outbox-room-${group.roomId}`} data-status={group.status}>
      <Group justify="space-between" wrap="nowrap" mb="xs">
        <Group gap="xs" wrap="nowrap" miw={0}>
          <Text fw={600} truncate="end" data-testid={`outbox-title-${group.roomId}`}>
            {group.title ?? "Untitled room"}
          </Text>
          {group.isDraft && (
            <Badge variant="outline" color="indigo" size="sm">
              Draft
            </Badge>
          )}
          <StatusBadge status={group.status} testId={`outbox-room-status-${group.roomId}`} />
        </Group>
        <Group gap="xs" wrap="nowrap">
          <Button
            size="xs"
            variant="subtle"
            component="a"
            href={formatRoute({ name: "room", id: group.roomId })}
            data-testid={`outbox-open-${group.roomId}`}
          >
            Open room
          </Button>
          {needsRetry && (
            <Button size="xs" variant="light" loading={syncing} onClick={onRetry} data-testid={`outbox-retry-${group.roomId}`}>
              Retry
            </Button>
          )}
          {canDiscard && !confirming && (
            <Button
              size="xs"
              variant="subtle"
              color="red"
              onClick={() => {
                setConfirming(true);
              }}
              data-testid={`outbox-discard-${group.roomId}`}
            >
              {group.isDraft ? "Discard draft" : "Discard pending edits"}
            </Button>
          )}
          {confirming && (
            <>
              <Text size="xs" c="red">
                {group.isDraft ? "Throw this draft away?" : "Throw your edits away? The room shows the server's version again."}
              </Text>
              <Button
                size="xs"
                color="red"
                loading={discard.isPending}
                onClick={() => {
                  discard.mutate();
                }}
                data-testid={`outbox-discard-confirm-${group.roomId}`}
              >
                Discard
              </Button>
              <Button
                size="xs"
                variant="default"
                onClick={() => {
                  setConfirming(false);
                }}
                data-testid={`outbox-discard-cancel-${group.roomId}`}
              >
                Keep
              </Button>
            </>
          )}
        </Group>
      </Group>
      <Text size="xs" c="dimmed" ff="monospace" mb="xs">
        {group.roomId}
      </Text>
      {discard.isError && (
        <Alert color="red" mb="xs" data-testid={`outbox-discard-error-${group.roomId}`}>
          {describeError(discard.error)}
        </Alert>
      )}
      <Stack gap="sm">
        {group.rows.length > 0 && (
          <Table verticalSpacing={6} horizontalSpacing="sm">
            <Table.Tbody>
              {group.rows.map((row) => (
                <ChangeRow key={row.entry.seq} row={row} />
              ))}
            </Table.Tbody>
          </Table>
        )}
        {group.rows
          .filter((row) => row.entry.awaitingDecision)
          .map((row) => (
            <UncertainCreateChoice key={row.entry.seq} draftId={group.roomId} candidates={row.entry.candidates} />
          ))}
        {group.conflicts.length > 0 && <ConflictResolver roomId={group.roomId} conflicts={group.conflicts} />}
      </Stack>
    </Card>
  );
}

function ChangeRow({ row }: { row: OutboxRow }) {
  const { entry } = row;
  return (
    <Table.Tr data-testid={`outbox-entry-${entry.seq}`} data-status={row.status}>
      <Table.Td w={50}>
        <Text size="xs" c="dimmed">
          #{entry.seq}
        </Text>
      </Table.Td>
      <Table.Td>
        <Text size="sm">
          {row.action} · {row.fields.length > 0 ? row.fields.join(", ") : "no fields"}
        </Text>
        {row.status === "uncertain" && !entry.awaitingDecision && (
          <Text size="xs" c="orange">
            Sent, but the answer was lost: the next sync looks for this room on the server before sending it again.
          </Text>
        )}
        {entry.awaitingDecision && (
          <Text size="xs" c="orange" data-testid={`outbox-awaiting-${entry.seq}`}>
            Sent, but the answer was lost: waiting for your decision below.
          </Text>
        )}
        {row.reason && row.status !== "uncertain" && (
          <Text size="xs" c="red" data-testid={`outbox-reason-${entry.seq}`}>
            {row.reason}
          </Text>
        )}
      </Table.Td>
      <Table.Td w={150} ta="right">
        <StatusBadge status={row.status} testId={`outbox-status-${entry.seq}`} />
        {entry.attempts > 0 && (
          <Text size="xs" c="dimmed">
            {entry.attempts} attempt{entry.attempts === 1 ? "" : "s"}
          </Text>
        )}
      </Table.Td>
    </Table.Tr>
  );
}
