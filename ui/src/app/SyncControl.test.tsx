import { act, fireEvent, render, screen, waitFor } from "@testing-library/react";
import { QueryClient } from "@tanstack/react-query";
import type { Channel } from "@tauri-apps/api/core";
import { afterEach, beforeEach, describe, expect, it } from "vitest";
import type { SyncProgress, SyncReport } from "../bindings";
import { setInvoker } from "../api/commands";
import { conflict } from "../test/outboxFixtures";
import { AppProviders } from "./AppProviders";
import { SyncControl } from "./SyncControl";

const report = (over: Partial<SyncReport> = {}): SyncReport => ({
  pushed: [],
  conflicts: [],
  failed: [],
  merged: [],
  pulled: 0,
  pullComplete: true,
  outboxRemaining: 0,
  stopped: null,
  ...over,
});

type Pending = { channel: Channel<SyncProgress>; finish: (r: SyncReport) => void };

let restore: (() => void) | null = null;
let running: Pending | null = null;
let syncCalls = 0;

beforeEach(() => {
  // The Channel constructor registers its callback with Tauri's internals; jsdom has none.
  Object.defineProperty(window, "__TAURI_INTERNALS__", {
    configurable: true,
    value: { transformCallback: () => 1, unregisterCallback: () => undefined },
  });
  syncCalls = 0;
  restore = setInvoker((command, args) => {
    if (command !== "sync") return Promise.reject(new Error(`unexpected ${command}`));
    syncCalls += 1;
    return new Promise((resolve) => {
      running = { channel: args.onProgress as Channel<SyncProgress>, finish: resolve };
    });
  });
});
afterEach(() => {
  restore?.();
  restore = null;
  running = null;
});

function renderControl() {
  render(
    <AppProviders client={new QueryClient({ defaultOptions: { queries: { retry: false } } })}>
      <SyncControl />
    </AppProviders>,
  );
}

/** Clicks Sync and waits until the shell has the call (mutations start on a later tick). */
async function startSync() {
  fireEvent.click(screen.getByTestId("sync-button"));
  await waitFor(() => {
    expect(running).not.toBeNull();
  });
}

function progress(p: SyncProgress) {
  act(() => {
    running?.channel.onmessage(p);
  });
}

async function finish(r: SyncReport) {
  await act(async () => {
    running?.finish(r);
    await Promise.resolve();
  });
}

describe("SyncControl", () => {
  it("shows the phase and counts while running, then a summary that links to the outbox", async () => {
    renderControl();
    await startSync();
    expect(screen.getByTestId("sync-status").textContent).toBe("Syncing…");
    progress({ phase: "push", done: 1, total: 3 });
    expect(screen.getByTestId("sync-status").textContent).toBe("Sending changes… 1/3");
    expect(screen.getByTestId("sync-progress").dataset.phase).toBe("push");
    progress({ phase: "pull", done: 200, total: 500 });
    expect(screen.getByTestId("sync-status").textContent).toBe("Fetching rooms… 200/500");
    // A second click while running does not start a second sync.
    fireEvent.click(screen.getByTestId("sync-button"));
    expect(syncCalls).toBe(1);

    await finish(
      report({
        pushed: [
          { kind: "create", localId: "draft-1", roomId: "rm_9", fields: ["title"], adopted: false },
          { kind: "patch", localId: "rm_2", roomId: "rm_2", fields: ["title"], adopted: false },
        ],
        conflicts: [conflict("rm_3", "title", "a", "b")],
        failed: [
          {
            kind: "patch",
            roomId: "rm_4",
            error: { code: "not_found", message: "room rm_4 is gone", field: null, retryable: false },
          },
        ],
        pulled: 500,
        outboxRemaining: 2,
      }),
    );
    const summary = await screen.findByTestId("sync-summary");
    expect(summary.dataset.needsOutbox).toBe("true");
    expect(screen.getByTestId("sync-summary-sent").textContent).toBe("2");
    expect(screen.getByTestId("sync-summary-received").textContent).toBe("500");
    expect(screen.getByTestId("sync-summary-conflicts").textContent).toBe("1");
    expect(screen.getByTestId("sync-summary-failed").textContent).toBe("1");
    expect(screen.getByTestId("sync-summary-waiting").textContent).toBe("2 changes still waiting.");
    expect(screen.getByTestId("sync-summary-outbox").getAttribute("href")).toBe("#/outbox");
    expect(screen.queryByTestId("sync-progress")).toBeNull();
  });

  it("says why a sync stopped early, and closes the summary on request", async () => {
    renderControl();
    await startSync();
    await finish(
      report({ stopped: { code: "network", message: "the server cannot be reached", field: null, retryable: true }, pullComplete: false }),
    );
    expect((await screen.findByTestId("sync-summary-stopped")).textContent).toBe("the server cannot be reached");
    // While the summary is open, notifications are told to make room for it.
    expect(document.body.dataset.syncSummaryOpen).toBe("");
    fireEvent.click(screen.getByTestId("sync-summary-close"));
    await waitFor(() => {
      expect(screen.queryByTestId("sync-summary")).toBeNull();
    });
    expect(document.body.dataset.syncSummaryOpen).toBeUndefined();
    expect(screen.getByTestId("sync-status").textContent).toContain("Sync stopped");
  });
});
