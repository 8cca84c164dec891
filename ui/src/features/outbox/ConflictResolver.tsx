// One room's conflicts: for each field, what I set here and what someone set on the
// server, and the choice between them (per field, or for every field at once).
import { Alert, Button, ColorSwatch, Group, Stack, Table, Text } from "@mantine/core";
import { useMutation, useQueryClient } from "@tanstack/react-query";
import type { Conflict, JsonValue, Resolution, RoomField } from "../../bindings";
import { resolveConflict } from "../../api/commands";
import { describeError } from "../../api/errors";
import { queryKeys } from "../../api/queryKeys";
import { FIELD_CATALOGUE } from "../../catalogue";
import { formatValue, swatchOf } from "./conflictValues";

/** The field's label as the editor shows it (the contract name only for a field the catalogue lacks). */
const LABELS = new Map<RoomField, string>(FIELD_CATALOGUE.map((spec) => [spec.name, spec.label]));

type Choice = { field: RoomField; choice: Resolution };

export function ConflictResolver({ roomId, conflicts }: { roomId: string; conflicts: Conflict[] }) {
  const queryClient = useQueryClient();
  const resolve = useMutation({
    mutationFn: async (choices: Choice[]) => {
      // One field at a time: each is its own decision, kept even if a later one fails.
      for (const c of choices) await resolveConflict(roomId, c.field, c.choice);
    },
    onSettled: async () => {
      await queryClient.invalidateQueries({ queryKey: queryKeys.conflicts });
      await queryClient.invalidateQueries({ queryKey: queryKeys.outbox });
      await queryClient.invalidateQueries({ queryKey: queryKeys.rooms });
    },
  });
  const all = (choice: Resolution) => {
    resolve.mutate(conflicts.map((c) => ({ field: c.field, choice })));
  };

  return (
    <Stack gap="xs" data-testid={`conflicts-${roomId}`}>
      <Group justify="space-between">
        <Text size="sm" fw={600} c="red">
          {conflicts.length === 1 ? "1 field" : `${conflicts.length} fields`} changed here and on the server
        </Text>
        <Group gap="xs">
          <Button size="xs" variant="default" disabled={resolve.isPending} onClick={() => { all("keepMine"); }} data-testid="resolve-all-mine">
            Keep all mine
          </Button>
          <Button size="xs" variant="default" disabled={resolve.isPending} onClick={() => { all("takeTheirs"); }} data-testid="resolve-all-theirs">
            Take all theirs
          </Button>
        </Group>
      </Group>
      {resolve.isError && (
        <Alert color="red" data-testid="resolve-error">
          {describeError(resolve.error)}
        </Alert>
      )}
      <Table withTableBorder verticalSpacing="xs" data-testid={`conflict-table-${roomId}`}>
        <Table.Thead>
          <Table.Tr>
            <Table.Th w={150}>Field</Table.Th>
            <Table.Th>Mine (here)</Table.Th>
            <Table.Th>Theirs (server)</Table.Th>
          </Table.Tr>
        </Table.Thead>
        <Table.Tbody>
          {conflicts.map((c) => (
            <Table.Tr key={c.field} data-testid={`conflict-${c.field}`}>
              <Table.Td>
                <Text size="sm" fw={500} data-testid={`conflict-label-${c.field}`}>
                  {LABELS.get(c.field) ?? c.field}
                </Text>
                <Text size="xs" c="dimmed">
                  was {formatValue(c.base)}
                </Text>
              </Table.Td>
              <Table.Td>
                <Side field={c.field} value={c.mine} side="mine" />
                <Button
                  mt={6}
                  size="xs"
                  variant="light"
                  disabled={resolve.isPending}
                  onClick={() => {
                    resolve.mutate([{ field: c.field, choice: "keepMine" }]);
                  }}
                  data-testid={`resolve-${c.field}-mine`}
                >
                  Keep mine
                </Button>
              </Table.Td>
              <Table.Td>
                <Side field={c.field} value={c.theirs} side="theirs" />
                <Button
                  mt={6}
                  size="xs"
                  variant="light"
                  color="gray"
                  disabled={resolve.isPending}
                  onClick={() => {
                    resolve.mutate([{ field: c.field, choice: "takeTheirs" }]);
                  }}
                  data-testid={`resolve-${c.field}-theirs`}
                >
                  Take theirs
                </Button>
              </Table.Td>
            </Table.Tr>
          ))}
        </Table.Tbody>
      </Table>
    </Stack>
  );
}

function Side({ field, value, side }: { field: RoomField; value: JsonValue; side: "mine" | "theirs" }) {
  const swatch = swatchOf(field, value);
  return (
    <Group gap={6} wrap="nowrap">
      {swatch && <ColorSwatch color={swatch} size={18} data-testid={`swatch-${field}-${side}`} />}
      <Text size="sm" style={{ overflowWrap: "anywhere" }} data-testid={`value-${field}-${side}`}>
        {formatValue(value)}
      </Text>
    </Group>
  );
}
