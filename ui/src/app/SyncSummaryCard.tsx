// What the last sync did, in four counts, and the way to the outbox when something waits.
import { Anchor, CloseButton, Group, SimpleGrid, Stack, Text } from "@mantine/core";
import type { SyncReport } from "../bindings";
import { formatRoute } from "./routes";
import { summarizeSync } from "./syncStatus";

export function SyncSummaryCard({ report, onClose }: { report: SyncReport; onClose: () => void }) {
  const s = summarizeSync(report);
  const counts: [string, number, string, boolean][] = [
    ["Sent", s.sent, "sent", false],
    ["Received", s.received, "received", false],
    ["Conflicts", s.conflicts, "conflicts", s.conflicts > 0],
    ["Failures", s.failures, "failed", s.failures > 0],
  ];
  return (
    <Stack gap="sm" data-testid="sync-summary" data-needs-outbox={s.needsOutbox}>
      <Group justify="space-between" wrap="nowrap">
        <Text fw={600} size="sm">
          {s.stopped ? "Sync stopped early" : "Sync finished"}
        </Text>
        <CloseButton size="sm" onClick={onClose} aria-label="Close the summary" data-testid="sync-summary-close" />
      </Group>
      {s.stopped && (
        <Text size="xs" c="red" data-testid="sync-summary-stopped">
          {s.stopped}
        </Text>
      )}
      <SimpleGrid cols={4} spacing="xs">
        {counts.map(([label, value, id, alarm]) => (
          <Stack key={id} gap={0} align="center">
            <Text fw={700} size="lg" c={alarm ? "red" : undefined} data-testid={`sync-summary-${id}`}>
              {value}
            </Text>
            <Text size="xs" c="dimmed">
              {label}
            </Text>
          </Stack>
        ))}
      </SimpleGrid>
      {s.merged > 0 && (
        <Text size="xs" c="dimmed">
          {s.merged} field{s.merged === 1 ? "" : "s"} changed only on the server were merged without asking.
        </Text>
      )}
      <Group justify="space-between">
        <Text size="xs" c={s.waiting > 0 ? "orange" : "dimmed"} data-testid="sync-summary-waiting">
          {s.waiting === 0 ? "Nothing left to send." : `${s.waiting} change${s.waiting === 1 ? "" : "s"} still waiting.`}
        </Text>
        <Anchor size="xs" href={formatRoute({ name: "outbox" })} onClick={onClose} data-testid="sync-summary-outbox">
          Open the outbox
        </Anchor>
      </Group>
    </Stack>
  );
}
