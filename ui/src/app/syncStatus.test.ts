import { describe, expect, it } from "vitest";
import type { SyncReport } from "../bindings";
import { describeSync, progressFraction } from "./syncStatus";

const NOW = Date.parse("2026-03-10T12:00:00Z");
const report = (over: Partial<SyncReport> = {}): SyncReport => ({
  pushed: [],
  conflicts: [],
  failed: [],
  merged: [],
  pulled: 500,
  pullComplete: true,
  outboxRemaining: 0,
  stopped: null,
  ...over,
});

describe("sync status", () => {
  it("computes progress only when the total is known", () => {
    expect(progressFraction({ phase: "pull", done: 50, total: 200 })).toBe(0.25);
    expect(progressFraction({ phase: "pull", done: 50, total: null })).toBeNull();
    expect(progressFraction({ phase: "done", done: 0, total: null })).toBe(1);
    expect(progressFraction(null)).toBeNull();
  });

  it("describes each state", () => {
    expect(describeSync({ kind: "idle" }, NOW)).toBe("Not synced yet");
    expect(describeSync({ kind: "running", progress: { phase: "pull", done: 100, total: 500 } }, NOW)).toBe(
      "Fetching rooms… 100/500",
    );
    expect(describeSync({ kind: "running", progress: { phase: "push", done: 2, total: null } }, NOW)).toBe(
      "Sending changes… 2",
    );
    expect(describeSync({ kind: "done", report: report(), at: NOW - 5 * 60_000 }, NOW)).toBe("Synced 5 minutes ago");
    expect(describeSync({ kind: "failed", message: "offline", at: NOW }, NOW)).toBe("Sync failed: offline");
  });

  it("mentions conflicts, failures and an early stop", () => {
    const conflict = { roomId: "r", field: "title" as const, base: "a", mine: "b", theirs: "c", detectedAtMs: NOW };
    expect(describeSync({ kind: "done", report: report({ conflicts: [conflict] }), at: NOW }, NOW)).toBe(
      "Synced just now · 1 conflict",
    );
    const stopped = report({ stopped: { code: "rate_limited", message: "slow down", field: null, retryable: true } });
    expect(describeSync({ kind: "done", report: stopped, at: NOW }, NOW)).toBe("Sync stopped just now: slow down");
  });
});
