import { cleanup, fireEvent, render, screen, waitFor, within } from "@testing-library/react";
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
      case "adopt_room":
      case "create_again":
        entries = entries.filter((e) => e.roomId !== args.draftId);
        return Promise.resolve(roomView(typeof args.roomId === "string" ? args.roomId : "rm_new", "Acme"));
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

  it("lists the look-alike rooms a lost create may have made and adopts the one the user picks", async () => {
    const twins = [roomView("rm_b", "Acme – Onboarding").room, roomView("rm_a", "Acme – Onboarding").room];
    const calls = renderOutbox({
      entries: [
        createEntry(4, "draft-9", { title: "Acme – Onboarding" }, { state: "uncertain", sentAtMs: 1, candidates: twins, awaitingDecision: true }),
        createEntry(5, "draft-8", { title: "Only uncertain" }, { state: "uncertain", sentAtMs: 1 }),
      ],
      conflicts: [],
    });
    const decision = await screen.findByTestId("outbox-decision-draft-9");
    expect(within(decision).getByTestId("outbox-candidate-rm_a").textContent).toContain("rm_a");
    expect(within(decision).getByTestId("outbox-candidate-rm_b")).toBeTruthy();
    expect(screen.getByTestId("outbox-awaiting-4")).toBeTruthy();
    // A create that is merely uncertain is settled by the next sync: nothing to choose.
    expect(screen.queryByTestId("outbox-decision-draft-8")).toBeNull();
    expect(screen.queryByTestId("outbox-create-again-draft-8")).toBeNull();
    fireEvent.click(within(decision).getByTestId("outbox-adopt-rm_a"));
    await waitFor(() => {
      expect(screen.queryByTestId("outbox-room-draft-9")).toBeNull();
    });
    expect(calls.filter((c) => c.command === "adopt_room").map((c) => c.args)).toEqual([{ draftId: "draft-9", roomId: "rm_a" }]);
    expect(calls.some((c) => c.command === "create_again")).toBe(false);
  });

  it("creates a draft again when none of the look-alikes is it, and shows why it could not", async () => {
    const calls = renderOutbox({
      entries: [createEntry(4, "draft-9", { title: "Acme" }, { state: "uncertain", sentAtMs: 1, candidates: [roomView("rm_a", "Acme").room], awaitingDecision: true })],
      conflicts: [],
    });
    fireEvent.click(await screen.findByTestId("outbox-create-again-draft-9"));
    expect(await screen.findByTestId("outbox-empty")).toBeTruthy();
    expect(calls.filter((c) => c.command === "create_again").map((c) => c.args)).toEqual([{ draftId: "draft-9" }]);

    restore?.();
    restore = null;
    cleanup();
    restore = setInvoker((command) => {
      switch (command) {
        case "outbox":
          return Promise.resolve([createEntry(4, "draft-9", { title: "Acme" }, { state: "uncertain", sentAtMs: 1, candidates: [], awaitingDecision: true })]);
        case "conflicts":
          return Promise.resolve([]);
        default:
          return Promise.reject({ code: "network", message: "cannot reach the server: refused", field: null, retryable: true });
      }
    });
    render(
      <AppProviders client={new QueryClient({ defaultOptions: { queries: { retry: false } } })}>
        <OutboxPage />
      </AppProviders>,
    );
    // No candidates at all (too many rooms since): only "create again" is offered.
    const decision = await screen.findByTestId("outbox-decision-draft-9");
    expect(within(decision).queryByText("Adopt this room")).toBeNull();
    fireEvent.click(within(decision).getByTestId("outbox-create-again-draft-9"));
    expect((await screen.findByTestId("outbox-decision-error-draft-9")).textContent).toContain("cannot reach the server");
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
    // Fields read by their editor labels, not their contract names.
    expect(within(resolver).getByTestId("conflict-label-themeColor").textContent).toBe("Theme color");
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
