// The seven engagement counts as a small horizontal bar chart (plain elements, no chart library).
import { Group, Stack, Text } from "@mantine/core";
import type { Engagements } from "../../bindings";
import { formatCount } from "../../format/time";

const KINDS: { key: keyof Engagements; label: string }[] = [
  { key: "clicks", label: "Clicks" },
  { key: "comments", label: "Comments" },
  { key: "downloads", label: "Downloads" },
  { key: "reactions", label: "Reactions" },
  { key: "shares", label: "Shares" },
  { key: "views", label: "Views" },
  { key: "tasksCompleted", label: "Tasks completed" },
];

export function EngagementChart({ engagements }: { engagements: Engagements | null }) {
  const values = KINDS.map((k) => ({ ...k, n: engagements?.[k.key] ?? null }));
  const max = Math.max(1, ...values.map((v) => v.n ?? 0));
  return (
    <Stack gap={6} data-testid="engagement-chart">
      {values.map((v) => (
        <Group key={v.key} gap="sm" wrap="nowrap">
          <Text size="xs" w={110} c="dimmed">
            {v.label}
          </Text>
          <div style={{ flex: 1, height: 10, background: "var(--mantine-color-default-border)", borderRadius: 4 }}>
            <div
              data-testid={`engagement-bar-${v.key}`}
              style={{ width: `${((v.n ?? 0) / max) * 100}%`, height: "100%", background: "var(--mantine-primary-color-filled)", borderRadius: 4 }}
            />
          </div>
          <Text size="xs" w={56} ta="right" data-testid={`engagement-${v.key}`}>
            {formatCount(v.n)}
          </Text>
        </Group>
      ))}
    </Stack>
  );
}
