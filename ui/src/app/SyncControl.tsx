// The header's sync button, its progress bar (phase and counts from the sync channel),
// its one-line status and, when a run ends, a summary that links to the outbox.
import { Button, Group, Progress, Stack, Text } from "@mantine/core";
import { lazy, Suspense, useEffect, useState } from "react";
import { SyncIcon } from "./icons";
import { useSync } from "./SyncProvider";
import { describeSync, progressFraction } from "./syncStatus";
import { useNow } from "./useNow";

const SyncSummaryPopover = lazy(() => import("./SyncSummaryPopover").then((m) => ({ default: m.SyncSummaryPopover })));

export function SyncControl() {
  const now = useNow();
  const { state, start } = useSync();
  // The summary opens when a run ends, until the user closes it (each run has its own `at`).
  const [dismissed, setDismissed] = useState<number | null>(null);
  const summaryOpen = state.kind === "done" && dismissed !== state.at;

  const fraction = state.kind === "running" ? progressFraction(state.progress) : null;
  const status = describeSync(state, now);
  const tone = state.kind === "failed" || (state.kind === "done" && state.report.stopped) ? "red" : "dimmed";
  const close = () => {
    if (state.kind === "done") setDismissed(state.at);
  };
  // While the summary is open, notifications move left of it (notifications.css) rather
  // than lie over it: both live at the top right.
  useEffect(() => {
    if (!summaryOpen) return;
    document.body.dataset.syncSummaryOpen = "";
    return () => {
      delete document.body.dataset.syncSummaryOpen;
    };
  }, [summaryOpen]);

  return (
    <div style={{ position: "relative" }}>
      <Group gap="sm" wrap="nowrap">
        <Stack gap={2} w={220} align="flex-end">
          {/* Native tooltip: the whole status when it is truncated. */}
          <Text size="xs" c={tone} truncate="end" maw={220} title={status} data-testid="sync-status">
            {status}
          </Text>
          {state.kind === "running" && (
            <Progress
              w="100%"
              size="sm"
              value={fraction === null ? 100 : fraction * 100}
              animated={fraction === null}
              striped={fraction === null}
              data-testid="sync-progress"
              data-phase={state.progress?.phase ?? "starting"}
            />
          )}
        </Stack>
        <Button
          variant="light"
          leftSection={<SyncIcon size={16} />}
          loading={state.kind === "running"}
          onClick={start}
          data-testid="sync-button"
        >
          Sync
        </Button>
      </Group>
      {summaryOpen && (
        <Suspense fallback={null}>
          <SyncSummaryPopover report={state.report} onClose={close} />
        </Suspense>
      )}
    </div>
  );
}
