// The building blocks of the settings page: a titled card and a table of facts.
import { Alert, Card, Group, Skeleton, Table, Text } from "@mantine/core";
import type { ReactNode } from "react";

/** Rows whose values are paths or addresses. */
const MONOSPACE_LABELS = new Set(["API address", "Flowla base URL", "Data folder", "Sandbox"]);

type SectionProps = {
  title: string;
  testId?: string;
  pending?: boolean;
  error?: string;
  children: ReactNode;
};

export function Section({ title, testId, pending = false, error, children }: SectionProps) {
  return (
    <Card withBorder radius="md" padding="lg" data-testid={testId}>
      <Text fw={600} mb="sm">
        {title}
      </Text>
      {pending ? <Skeleton height={80} /> : error ? <Alert color="red">{error}</Alert> : children}
    </Card>
  );
}

export function Facts({ rows, testId }: { rows: [string, ReactNode][]; testId: string }) {
  return (
    <Table data-testid={testId} withRowBorders={false} verticalSpacing={6}>
      <Table.Tbody>
        {rows.map(([label, value]) => (
          <Table.Tr key={label}>
            <Table.Td w={180}>
              <Text size="sm" c="dimmed">
                {label}
              </Text>
            </Table.Td>
            <Table.Td>
              <Group gap="xs">
                {typeof value === "string" ? (
                  <Text size="sm" ff={MONOSPACE_LABELS.has(label) ? "monospace" : undefined}>
                    {value}
                  </Text>
                ) : (
                  value
                )}
              </Group>
            </Table.Td>
          </Table.Tr>
        ))}
      </Table.Tbody>
    </Table>
  );
}
