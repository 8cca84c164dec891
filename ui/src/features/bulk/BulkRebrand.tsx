// Bulk re-brand of the selected rooms (or every room matching the search): a palette or
// one design field, previewed on a few of them, then saved as pending edits for the next
// sync (one transaction) or applied now with a progress bar and a result per room.
// Nothing is lost: "Apply now" records the edits first, and a room that was not sent
// keeps its pending edit ("Retry failed" sends those again).
import { Alert, Button, Group, Modal, Progress, ScrollArea, Stack, Text } from "@mantine/core";
import { useQuery, useQueryClient } from "@tanstack/react-query";
import { useState } from "react";
import type { BulkProgress, BulkRoomResult, BulkSaved, RoomPatch } from "../../bindings";
import { applyNow, savePendingEdits, sendPendingEdits } from "../../api/commands";
import type { CommandError } from "../../api/errors";
import { queryKeys } from "../../api/queryKeys";
import { usePalettes } from "../palettes/usePalettes";
import { BulkChoice, patchOfChoice, type BulkChoiceValue } from "./BulkChoice";
import { BulkPreview } from "./BulkPreview";
import { countResults, describeCounts, errorReasons, failedIds, knownTitles, matchingIds, mergeRetry, STATUS_LABEL } from "./bulkResults";

/** Which rooms: the selected ones, or every local room matching a search. */
export type BulkTarget = { kind: "selection"; ids: readonly string[] } | { kind: "search"; q: string };

type Props = { target: BulkTarget; onClose: () => void };

type Phase =
  | { kind: "choosing" }
  | { kind: "running"; progress: BulkProgress | null }
  | { kind: "saved"; saved: BulkSaved }
  | { kind: "applied"; results: BulkRoomResult[] };

export function BulkRebrand({ target, onClose }: Props) {
  const queryClient = useQueryClient();
  const palettes = usePalettes();
  const ids = useQuery<string[]>({
    queryKey: ["bulk-target", target],
    queryFn: () => (target.kind === "selection" ? Promise.resolve([...target.ids]) : matchingIds(target.q)),
    retry: false,
  });
  const [choice, setChoice] = useState<BulkChoiceValue>({ mode: "palette", palette: "", field: "themeColor", value: "" });
  const [phase, setPhase] = useState<Phase>({ kind: "choosing" });
  const [error, setError] = useState<CommandError | null>(null);
  const roomIds = ids.data ?? [];
  const patch = patchOfChoice(choice, palettes.data ?? []);
  const running = phase.kind === "running";

  const refresh = () =>
    Promise.all([
      queryClient.invalidateQueries({ queryKey: queryKeys.rooms }),
      queryClient.invalidateQueries({ queryKey: queryKeys.outbox }),
      queryClient.invalidateQueries({ queryKey: queryKeys.conflicts }),
    ]);
  const run = async (work: () => Promise<Phase>) => {
    setError(null);
    setPhase({ kind: "running", progress: null });
    try {
      setPhase(await work());
    } catch (e) {
      setError(e as CommandError);
      setPhase({ kind: "choosing" });
    } finally {
      await refresh();
    }
  };
  // A channel message can arrive after the command answered: it never reopens a run.
  const onProgress = (progress: BulkProgress) => { setPhase((now) => (now.kind === "running" ? { kind: "running", progress } : now)); };
  const save = (p: RoomPatch) => run(async () => ({ kind: "saved", saved: await savePendingEdits(roomIds, p) }));
  const apply = (p: RoomPatch) => run(async () => ({ kind: "applied", results: await applyNow(roomIds, p, onProgress) }));
  const retry = (previous: BulkRoomResult[]) =>
    run(async () => ({ kind: "applied", results: mergeRetry(previous, await sendPendingEdits(failedIds(previous), onProgress)) }));

  const count = roomIds.length.toLocaleString("en");
  return (
    <Modal opened onClose={running ? () => undefined : onClose} size="xl" title={`Re-brand ${ids.isSuccess ? count : "…"} rooms`} data-testid="bulk-dialog">
      <Stack gap="sm">
        {ids.isError ? <Alert color="red" data-testid="bulk-error">{ids.error.message}</Alert> : null}
        <BulkChoice value={choice} palettes={palettes.data ?? []} onChange={setChoice} disabled={running || phase.kind === "applied"} />
        {ids.isSuccess && roomIds.length > 0 ? <BulkPreview ids={roomIds} patch={patch} /> : null}
        {error ? (
          <Alert color="red" data-testid="bulk-error" data-code={error.code}>
            {error.message}
          </Alert>
        ) : null}
        <Group justify="flex-end" gap="xs">
          <Button variant="default" data-testid="bulk-close" disabled={running} onClick={onClose}>
            {phase.kind === "choosing" ? "Cancel" : "Close"}
          </Button>
          {phase.kind === "choosing" ? (
            <>
              <Button variant="default" data-testid="bulk-save-pending" disabled={!patch || roomIds.length === 0} onClick={() => { if (patch) void save(patch); }}>
                Save as pending edits
              </Button>
              <Button data-testid="bulk-apply" disabled={!patch || roomIds.length === 0} onClick={() => { if (patch) void apply(patch); }}>
                Apply now
              </Button>
            </>
          ) : null}
        </Group>
        {phase.kind === "running" ? <RunProgress progress={phase.progress} /> : null}
        {phase.kind === "saved" ? (
          <Alert color="green" data-testid="bulk-saved">
            Saved as pending edits on {phase.saved.saved.toLocaleString("en")} rooms; they are sent with the next sync.
            {phase.saved.missing.length > 0 ? ` ${String(phase.saved.missing.length)} rooms were not found.` : ""}
          </Alert>
        ) : null}
        {phase.kind === "applied" ? <Results results={phase.results} onRetry={() => void retry(phase.results)} /> : null}
      </Stack>
    </Modal>
  );
}

function RunProgress({ progress }: { progress: BulkProgress | null }) {
  const pct = progress && progress.total > 0 ? (100 * progress.done) / progress.total : 0;
  return (
    <Stack gap={2}>
      <Progress value={pct} data-testid="bulk-progress" animated />
      <Text size="xs" c="dimmed" data-testid="bulk-progress-text">
        {progress ? `${progress.done.toLocaleString("en")} of ${progress.total.toLocaleString("en")} rooms${progress.failed ? ` · ${String(progress.failed)} not sent` : ""}` : "Recording the edits…"}
      </Text>
    </Stack>
  );
}

function Results({ results, onRetry }: { results: BulkRoomResult[]; onRetry: () => void }) {
  const titles = knownTitles(useQueryClient());
  const counts = countResults(results);
  // Failures first: they are what needs attention.
  const ordered = [...results.filter((r) => r.status !== "sent"), ...results.filter((r) => r.status === "sent")];
  const reasons = errorReasons(results);
  return (
    <Stack gap={4}>
      <Group justify="space-between">
        <Text size="sm" fw={500} data-testid="bulk-summary">
          {describeCounts(counts)}
        </Text>
        {counts.failed > 0 ? (
          <Button size="xs" data-testid="bulk-retry" onClick={onRetry}>
            Retry failed
          </Button>
        ) : null}
      </Group>
      {reasons.length > 0 ? (
        <Stack gap={2} data-testid="bulk-reasons">
          {reasons.map(([message, n]) => (
            <Text key={message} size="xs" c="red">
              {n === 1 ? "1 room" : `${String(n)} rooms`}: {message}
            </Text>
          ))}
        </Stack>
      ) : null}
      <ScrollArea.Autosize mah={200}>
        <Stack gap={2} data-testid="bulk-results">
          {ordered.map((r) => (
            <Text key={r.roomId} size="xs" data-testid={`bulk-result-${r.roomId}`} data-status={r.status} title={r.error?.message} c={r.status === "sent" ? undefined : "orange"}>
              {titles.get(r.roomId) ?? r.roomId}: {STATUS_LABEL[r.status]}
            </Text>
          ))}
        </Stack>
      </ScrollArea.Autosize>
    </Stack>
  );
}
