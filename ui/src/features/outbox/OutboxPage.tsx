// The outbox, read-only for now: local changes waiting for the next sync. The per-field
// conflict resolver comes next (ROADMAP "Rooms workspace UI").
import { Alert, Badge, Card, Skeleton, Stack, Table, Text, Title } from "@mantine/core";
import { useQuery } from "@tanstack/react-query";
import type { OutboxEntry } from "../../bindings";
import { listOutbox } from "../../api/commands";
import { queryKeys } from "../../api/queryKeys";
import { ComingNext } from "../../app/ComingNext";

/** "Create" or "Edit", and the fields the change sets. */
export function describeChange(entry: OutboxEntry): { action: string; fields: string[] } {
  const fields = Object.keys(entry.op.payload);
  return { action: entry.op.kind === "create" ? "Create" : "Edit", fields };
}

export function OutboxPage() {
  const outbox = useQuery({ queryKey: queryKeys.outbox, queryFn: listOutbox });

  return (
    <Stack gap="md" maw={1000}>
      <Title order={2}>Outbox</Title>
      <ComingNext testId="outbox-coming-next">
        Offline edits and drafts wait here until the next sync. Resolving conflicts field by field comes next.
      </ComingNext>
      <Card withBorder radius="md" padding={0}>
        {outbox.isPending ? (
          <Skeleton height={120} />
        ) : outbox.isError ? (
          <Alert color="red" m="md" data-testid="outbox-error" data-code={outbox.error.code}>
            {outbox.error.message}
          </Alert>
        ) : outbox.data.length === 0 ? (
          <Text c="dimmed" ta="center" py="xl" data-testid="outbox-empty">
            Nothing waiting: every change has reached the server.
          </Text>
        ) : (
          <Table data-testid="outbox-list" verticalSpacing="sm" horizontalSpacing="md">
            <Table.Thead>
              <Table.Tr>
                <Table.Th w={60}>#</Table.Th>
                <Table.Th>Room</Table.Th>
                <Table.Th>Change</Table.Th>
                <Table.Th>Status</Table.Th>
              </Table.Tr>
            </Table.Thead>
            <Table.Tbody>
              {outbox.data.map((entry) => {
                const change = describeChange(entry);
                return (
                  <Table.Tr key={entry.seq} data-testid={`outbox-entry-${entry.seq}`}>
                    <Table.Td>{entry.seq}</Table.Td>
                    <Table.Td>
                      <Text size="sm" ff="monospace">
                        {entry.roomId}
                      </Text>
                    </Table.Td>
                    <Table.Td>
                      <Text size="sm">
                        {change.action} · {change.fields.join(", ")}
                      </Text>
                    </Table.Td>
                    <Table.Td>
                      <Badge variant="light" color={entry.state === "uncertain" ? "orange" : "gray"}>
                        {entry.state}
                      </Badge>
                      {entry.lastError && (
                        <Text size="xs" c="red" mt={4}>
                          {entry.lastError}
                        </Text>
                      )}
                    </Table.Td>
                  </Table.Tr>
                );
              })}
            </Table.Tbody>
          </Table>
        )}
      </Card>
    </Stack>
  );
}
