import { fireEvent, render, screen, waitFor, within } from "@testing-library/react";
import { QueryClient } from "@tanstack/react-query";
import { afterEach, describe, expect, it } from "vitest";
import type { Conflict, OutboxEntry } from "../../bindings";
import { setInvoker } from "../../api/commands";
import { AppProviders } from "../../app/AppProviders";
import { roomView } from "../../test/fixtures";
import { conflict, createEntry, patchEntry } from "../../test/outboxFixtures";
import { OutboxPage } from "./OutboxPage";

type Call = { command: string; args: Record<string, unknown> };

let restore: (() => void) | null = null;
afterEach(() => {
  restore?.();
  restore = null;
});

/** A fake shell holding an outbox and conflicts; resolving and discarding change them. */
function renderOutbox(initial: { entries: OutboxEntry[]; conflicts: Conflict[] }) {
  let entries = [...initial.entries];
  let conflicts = [...initial.conflicts];
  const calls: Call[] = [];
  restore = setInvoker((command, args) => {
    calls.push({ command, args });
    switch (command) {
      case "outbox":
        return Promise.resolve(entries);
      case "conflicts":
        return Promise.resolve(conflicts);
      case "resolve_conflict":
        conflicts = conflicts.filter((c) => !(c.roomId === args.roomId && c.field === args.field));
        return Promise.resolve(null);
      case "discard_draft":
        entries = entries.filter((e) => e.roomId !== args.id);
        return Promise.resolve(null);
      case "discard_local_changes":
        entries = entries.filter((e) => e.roomId !== args.id);
        conflicts = conflicts.filter((c) => c.roomId !== args.id);
        return Promise.resolve({ kind: "editsDiscarded", value: roomView(String(args.id), "Acme") });
      default:
        return Promise.reject(new Error(`unexpected ${command}`));
    }
  });
  render(
    <AppProviders client={new QueryClient({ defaultOptions: { queries: { retry: false } } })}>
      <OutboxPage />
    </AppProviders>,
  );
  return calls;
}

describe("OutboxPage", () => {
  it("says so when nothing waits", async () => {
    renderOutbox({ entries: [], conflicts: [] });
    expect(await screen.findByTestId("outbox-empty")).toBeTruthy();
  });

  it("shows each room's changes with their state and the failure's reason", async () => {
    renderOutbox({
      entries: [
        createEntry(1, "draft-1", { title: "Fresh room" }),
        patchEntry(2, "rm_a", "Acme", { coverTitle: "Spring" }, { attempts: 2, lastError: "server error 503: try again" }),
        createEntry(3, "draft-2", { title: "Maybe sent" }, { state: "uncertain", sentAtMs: 1 }),
      ],
      conflicts: [],
    });
    const draft = await screen.findByTestId("outbox-room-draft-1");
    expect(within(draft).getByTestId("outbox-entry-1").textContent).toContain("Create · title");
    expect(screen.getByTestId("outbox-status-1").dataset.status).toBe("queued");
    expect(screen.getByTestId("outbox-status-2").dataset.status).toBe("failed");
    expect(screen.getByTestId("outbox-reason-2").textContent).toBe("server error 503: try again");
    expect(screen.getByTestId("outbox-status-3").dataset.status).toBe("uncertain");
    expect(screen.getByTestId("outbox-counts").textContent).toBe("1 uncertain · 1 failed · 1 queued");
    // A create that may be on the server cannot be thrown away; a plain draft can.
    expect(screen.queryByTestId("outbox-discard-draft-2")).toBeNull();
    expect(screen.getByTestId("outbox-discard-draft-1")).toBeTruthy();
    expect(screen.getByTestId("outbox-retry-rm_a")).toBeTruthy();
  });

  it("discards a draft only after the user confirms", async () => {
    const calls = renderOutbox({ entries: [createEntry(1, "draft-1", { title: "Fresh room" })], conflicts: [] });
    fireEvent.click(await screen.findByTestId("outbox-discard-draft-1"));
    fireEvent.click(screen.getByTestId("outbox-discard-cancel-draft-1"));
    expect(calls.some((c) => c.command === "discard_draft")).toBe(false);
    fireEvent.click(screen.getByTestId("outbox-discard-draft-1"));
    fireEvent.click(screen.getByTestId("outbox-discard-confirm-draft-1"));
    expect(await screen.findByTestId("outbox-empty")).toBeTruthy();
    expect(calls.filter((c) => c.command === "discard_draft").map((c) => c.args)).toEqual([{ id: "draft-1" }]);
  });

  it("discards a room's pending edits only after the user confirms, and only that room's", async () => {
    const calls = renderOutbox({
      entries: [
        patchEntry(2, "rm_a", "Acme", { coverTitle: "Spring" }),
        patchEntry(3, "rm_b", "Globex", { title: "Globex 2" }),
      ],
      conflicts: [conflict("rm_a", "coverTitle", "Spring", "Summer")],
    });
    const button = await screen.findByTestId("outbox-discard-rm_a");
    expect(button.textContent).toBe("Discard pending edits");
    fireEvent.click(button);
    fireEvent.click(screen.getByTestId("outbox-discard-cancel-rm_a"));
    expect(calls.some((c) => c.command === "discard_local_changes")).toBe(false);
    expect(screen.getByTestId("outbox-room-rm_a")).toBeTruthy();

    fireEvent.click(screen.getByTestId("outbox-discard-rm_a"));
    fireEvent.click(screen.getByTestId("outbox-discard-confirm-rm_a"));
    await waitFor(() => {
      expect(screen.queryByTestId("outbox-room-rm_a")).toBeNull();
    });
    expect(screen.getByTestId("outbox-room-rm_b")).toBeTruthy();
    expect(calls.filter((c) => c.command === "discard_local_changes").map((c) => c.args)).toEqual([{ id: "rm_a" }]);
    expect(calls.some((c) => c.command === "discard_draft")).toBe(false);
  });

  it("resolves a conflict per field: keep mine for one, take theirs for another", async () => {
    const calls = renderOutbox({
      entries: [patchEntry(5, "rm_c", "Initech", { title: "Mine", themeColor: "#112233" })],
      conflicts: [conflict("rm_c", "title", "Mine", "Theirs", "Initech"), conflict("rm_c", "themeColor", "#112233", "#445566", null)],
    });
    const resolver = await screen.findByTestId("conflicts-rm_c");
    expect(screen.getByTestId("outbox-status-5").dataset.status).toBe("conflict");
    expect(within(resolver).getByTestId("value-title-mine").textContent).toBe("Mine");
    expect(within(resolver).getByTestId("value-title-theirs").textContent).toBe("Theirs");
    // Colors come with swatches; text fields do not.
    expect(within(resolver).getByTestId("swatch-themeColor-mine")).toBeTruthy();
    expect(within(resolver).getByTestId("swatch-themeColor-theirs")).toBeTruthy();
    expect(within(resolver).queryByTestId("swatch-title-mine")).toBeNull();

    fireEvent.click(within(resolver).getByTestId("resolve-title-mine"));
    await waitFor(() => {
      expect(screen.queryByTestId("conflict-title")).toBeNull();
    });
    fireEvent.click(screen.getByTestId("resolve-themeColor-theirs"));
    await waitFor(() => {
      expect(screen.queryByTestId("conflicts-rm_c")).toBeNull();
    });
    expect(calls.filter((c) => c.command === "resolve_conflict").map((c) => c.args)).toEqual([
      { roomId: "rm_c", field: "title", choice: "keepMine" },
      { roomId: "rm_c", field: "themeColor", choice: "takeTheirs" },
    ]);
  });

  it("resolves every field of a room at once", async () => {
    const calls = renderOutbox({
      entries: [patchEntry(5, "rm_c", "Initech", { title: "Mine", coverDisabled: true })],
      conflicts: [conflict("rm_c", "title", "Mine", "Theirs"), conflict("rm_c", "coverDisabled", true, false)],
    });
    expect((await screen.findByTestId("value-coverDisabled-mine")).textContent).toBe("yes");
    fireEvent.click(screen.getByTestId("resolve-all-theirs"));
    await waitFor(() => {
      expect(screen.queryByTestId("conflicts-rm_c")).toBeNull();
    });
    expect(calls.filter((c) => c.command === "resolve_conflict").map((c) => c.args)).toEqual([
      { roomId: "rm_c", field: "title", choice: "takeTheirs" },
      { roomId: "rm_c", field: "coverDisabled", choice: "takeTheirs" },
    ]);
  });

  it("shows the shell's error with its code", async () => {
    restore = setInvoker(() => Promise.reject({ code: "storage", message: "the local database is locked", field: null, retryable: true }));
    render(
      <AppProviders client={new QueryClient({ defaultOptions: { queries: { retry: false } } })}>
        <OutboxPage />
      </AppProviders>,
    );
    const alert = await screen.findByTestId("outbox-error");
    expect(alert.dataset.code).toBe("storage");
    expect(alert.textContent).toContain("the local database is locked");
  });
});
