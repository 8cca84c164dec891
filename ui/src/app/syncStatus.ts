// What the header says about syncing, from the last progress event or report.
import type { SyncProgress, SyncReport } from "../bindings";
import { formatRelative } from "../format/time";

export type SyncState =
  | { kind: "idle" }
  | { kind: "running"; progress: SyncProgress | null }
  | { kind: "done"; report: SyncReport; at: number }
  | { kind: "failed"; message: string; at: number };

/** Fraction done in the current phase (0–1), or null when the total is unknown. */
export function progressFraction(p: SyncProgress | null): number | null {
  if (!p) return null;
  if (p.phase === "done") return 1;
  if (p.total === null || p.total === 0) return null;
  return Math.min(1, p.done / p.total);
}

export function describeSync(state: SyncState, now: number): string {
  switch (state.kind) {
    case "idle":
      return "Not synced yet";
    case "running": {
      const p = state.progress;
      if (!p) return "Syncing…";
      const step = p.phase === "push" ? "Sending changes" : p.phase === "pull" ? "Fetching rooms" : "Finishing";
      return p.total === null ? `${step}… ${p.done}` : `${step}… ${p.done}/${p.total}`;
    }
    case "done": {
      const r = state.report;
      const when = formatRelative(new Date(state.at).toISOString(), now);
      if (r.stopped) return `Sync stopped ${when}: ${r.stopped.message}`;
      const extra: string[] = [];
      if (r.conflicts.length > 0) extra.push(`${r.conflicts.length} conflict${r.conflicts.length === 1 ? "" : "s"}`);
      if (r.failed.length > 0) extra.push(`${r.failed.length} failed`);
      return `Synced ${when}${extra.length > 0 ? ` · ${extra.join(", ")}` : ""}`;
    }
    case "failed":
      return `Sync failed: ${state.message}`;
  }
}

/** What the summary after a sync shows: counts the user can act on. */
export type SyncSummary = {
  sent: number;
  received: number;
  conflicts: number;
  failures: number;
  merged: number;
  /** Changes still waiting in the outbox. */
  waiting: number;
  /** Why the sync stopped early, if it did. */
  stopped: string | null;
  /** Whether the outbox needs a look (conflicts, failures or changes left). */
  needsOutbox: boolean;
};

export function summarizeSync(report: SyncReport): SyncSummary {
  const summary = {
    sent: report.pushed.length,
    received: report.pulled,
    conflicts: report.conflicts.length,
    failures: report.failed.length,
    merged: report.merged.length,
    waiting: report.outboxRemaining,
    stopped: report.stopped?.message ?? null,
  };
  return { ...summary, needsOutbox: summary.conflicts > 0 || summary.failures > 0 || summary.waiting > 0 };
}
