// A draft whose create may have made one of several look-alike rooms (or whose room could
// not be told apart from others): Roomdesk does not guess. The user adopts the room that is
// theirs, or has the room created again.
import { Alert, Button, Group, Stack, Table, Text } from "@mantine/core";
import { useMutation, useQueryClient } from "@tanstack/react-query";
import type { Room } from "../../bindings";
import { adoptRoom, createAgain } from "../../api/commands";
import { describeError } from "../../api/errors";
import { queryKeys } from "../../api/queryKeys";

type Decision = { kind: "adopt"; roomId: string } | { kind: "createAgain" };

export function UncertainCreateChoice({ draftId, candidates }: { draftId: string; candidates: Room[] }) {
  const queryClient = useQueryClient();
  const decide = useMutation({
    mutationFn: (d: Decision) => (d.kind === "adopt" ? adoptRoom(draftId, d.roomId) : createAgain(draftId)),
    onSettled: async () => {
      await queryClient.invalidateQueries({ queryKey: queryKeys.outbox });
      await queryClient.invalidateQueries({ queryKey: queryKeys.conflicts });
      await queryClient.invalidateQueries({ queryKey: queryKeys.rooms });
    },
  });
  const pending = decide.isPending ? decide.variables : undefined;
  return (
    <Stack gap="xs" data-testid={`outbox-decision-${draftId}`}>
      <Text size="sm" c="orange">
        {candidates.length > 0
          ? "This draft was sent, but the answer was lost, and these rooms on the server all look like it. Adopt the one that is yours, or create it again if none is."
          : "This draft was sent, but the answer was lost, and too many rooms were made since to tell whether one is yours. Create it again if it is not on the server."}
      </Text>
      {candidates.length > 0 && (
        <Table verticalSpacing={4} horizontalSpacing="sm">
          <Table.Tbody>
            {candidates.map((room) => (
              <Table.Tr key={room.id} data-testid={`outbox-candidate-${room.id}`}>
                <Table.Td>
                  <Text size="sm">{room.title}</Text>
                  <Text size="xs" c="dimmed" ff="monospace">
                    {room.id} · created {room.createdAt}
                  </Text>
                </Table.Td>
                <Table.Td w={160} ta="right">
                  <Button
                    size="xs"
                    variant="light"
                    disabled={decide.isPending}
                    loading={pending?.kind === "adopt" && pending.roomId === room.id}
                    onClick={() => {
                      decide.mutate({ kind: "adopt", roomId: room.id });
                    }}
                    data-testid={`outbox-adopt-${room.id}`}
                  >
                    Adopt this room
                  </Button>
                </Table.Td>
              </Table.Tr>
            ))}
          </Table.Tbody>
        </Table>
      )}
      <Group justify="flex-end">
        <Button
          size="xs"
          variant="default"
          disabled={decide.isPending}
          loading={pending?.kind === "createAgain"}
          onClick={() => {
            decide.mutate({ kind: "createAgain" });
          }}
          data-testid={`outbox-create-again-${draftId}`}
        >
          Create again
        </Button>
      </Group>
      {decide.isError && (
        <Alert color="red" data-testid={`outbox-decision-error-${draftId}`}>
          {describeError(decide.error)}
        </Alert>
      )}
    </Stack>
  );
}
