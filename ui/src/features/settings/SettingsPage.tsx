// Settings, read-only for now: the connection and where the app keeps its data.
// Switching connection and managing the key come next (ROADMAP "Rooms workspace UI").
import { Alert, Badge, Card, Group, Skeleton, Stack, Table, Text, Title } from "@mantine/core";
import { useQuery } from "@tanstack/react-query";
import type { ReactNode } from "react";
import { getAppInfo, getConnection } from "../../api/commands";
import { queryKeys } from "../../api/queryKeys";
import { ComingNext } from "../../app/ComingNext";
import { OrgBrandColor } from "./OrgBrandColor";

/** Rows whose values are paths or addresses. */
const MONOSPACE_LABELS = new Set(["API address", "Flowla base URL", "Data folder", "Sandbox"]);

export function SettingsPage() {
  const connection = useQuery({ queryKey: queryKeys.connection, queryFn: getConnection });
  const app = useQuery({ queryKey: queryKeys.appInfo, queryFn: getAppInfo });

  return (
    <Stack gap="md" maw={800}>
      <Title order={2}>Settings</Title>
      <ComingNext testId="settings-coming-next">
        Switching between the Sandbox and a Flowla account, and storing the API key in the OS keyring, arrive
        with the next release. Below is what the app uses now.
      </ComingNext>
      <Section title="Connection" pending={connection.isPending} error={connection.error?.message}>
        {connection.data && (
          <Facts
            rows={[
              ["Connection", <Badge key="k" variant="light" tt="none">{connection.data.kind === "sandbox" ? "Sandbox" : "Flowla"}</Badge>],
              ["API address", connection.data.baseUrl ?? "—"],
              ["Flowla base URL", connection.data.flowlaBaseUrl ?? "not set"],
              [
                "API key",
                connection.data.keyConfigured ? `stored, ends in …${connection.data.keyHint ?? ""}` : "not stored",
              ],
              ["Key store", connection.data.keyringError ?? connection.data.keyStore],
            ]}
            testId="settings-connection"
          />
        )}
      </Section>
      <Section title="This app" pending={app.isPending} error={app.error?.message}>
        {app.data && (
          <Facts
            rows={[
              ["Version", `${app.data.version}${app.data.devBuild ? " (development build)" : ""}`],
              ["Data folder", app.data.dataDir],
              ["Sandbox", app.data.sandboxUrl],
            ]}
            testId="settings-app"
          />
        )}
      </Section>
      <OrgBrandColor />
    </Stack>
  );
}

function Section({ title, pending, error, children }: { title: string; pending: boolean; error?: string; children: ReactNode }) {
  return (
    <Card withBorder radius="md" padding="lg">
      <Text fw={600} mb="sm">
        {title}
      </Text>
      {pending ? <Skeleton height={80} /> : error ? <Alert color="red">{error}</Alert> : children}
    </Card>
  );
}

function Facts({ rows, testId }: { rows: [string, ReactNode][]; testId: string }) {
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
