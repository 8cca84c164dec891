import { act, fireEvent, render, screen, waitFor } from "@testing-library/react";
import { QueryClient } from "@tanstack/react-query";
import { afterEach, describe, expect, it, vi } from "vitest";
import type { OutboxEntry, RoomPage } from "../../bindings";
import { setInvoker } from "../../api/commands";
import { AppProviders } from "../../app/AppProviders";
import { DEFAULT_LIST, type ListParams } from "../../app/routes";
import { roomView } from "../../test/fixtures";
import { recordRefresh } from "./lastRefresh";
import { RoomList } from "./RoomList";
import { OFFLINE_RECHECK_MS } from "./roomQueries";

let restore: (() => void) | null = null;
afterEach(() => {
  restore?.();
  restore = null;
  window.localStorage.clear();
  vi.useRealTimers();
});

type Args = Record<string, unknown>;
interface Answers {
  local?: (args: Args) => Promise<RoomPage>;
  remote?: (args: Args) => Promise<RoomPage>;
  outbox?: OutboxEntry[];
}

const page = (rooms: RoomPage["rooms"], total: number | null = rooms.length): RoomPage => ({ rooms, page: 1, limit: 25, total });
const never = () => new Promise<RoomPage>(() => undefined);

function renderList(answers: Answers, over: Partial<ListParams> = {}) {
  const calls: Args[] = [];
  restore = setInvoker((command, args) => {
    if (command === "list_rooms") {
      calls.push(args);
      const answer = args.source === "local" ? answers.local : answers.remote;
      return (answer ?? never)(args);
    }
    if (command === "outbox") return Promise.resolve(answers.outbox ?? []);
    if (command === "lookup") return Promise.resolve(args.kind === "users" ? [{ id: "u_1", name: "Ada Owner" }] : null);
    if (command === "statuses") return Promise.resolve([{ id: "s_live", title: "Live", defaultStatus: true }]);
    return Promise.reject(new Error(`unexpected ${command}`));
  });
  const onOpen = vi.fn();
  const onChange = vi.fn();
  const onNew = vi.fn();
  const client = new QueryClient({ defaultOptions: { queries: { retry: false } } });
  const params = { ...DEFAULT_LIST, ...over };
  const tree = (shown: ListParams) => (
    <AppProviders client={client}>
      <RoomList params={shown} onOpen={onOpen} onChange={onChange} onNew={onNew} />
    </AppProviders>
  );
  const view = render(tree(params));
  /** The same list, moved to other params (as a route change does). */
  const moveTo = (next: Partial<ListParams>) => {
    view.rerender(tree({ ...params, ...next }));
  };
  return { calls, onOpen, onChange, onNew, params, client, moveTo };
}

describe("RoomList, offline-first", () => {
  it("shows the cached page at once, then the live page from the connection", async () => {
    let answerRemote: (p: RoomPage) => void = () => undefined;
    const { calls } = renderList({
      local: () => Promise.resolve(page([roomView("r_1", "Acme (cached)")], 1)),
      remote: () => new Promise((resolve) => (answerRemote = resolve)),
    });
    expect((await screen.findByTestId("room-title-r_1")).textContent).toBe("Acme (cached)");
    expect(screen.getByTestId("page-label").textContent).toContain("1–1 of 1");
    act(() => {
      answerRemote(page([roomView("r_1", "Acme"), roomView("r_2", "Globex", { totalEngagements: 1234 })], null));
    });
    await waitFor(() => {
      expect(screen.getByTestId("room-title-r_1").textContent).toBe("Acme");
    });
    expect(screen.getByTestId("room-engagements-r_2").textContent).toBe("1,234");
    expect(screen.queryByTestId("offline-banner")).toBeNull();
    expect(calls).toContainEqual({ source: "remote", query: { page: 1, limit: 25, sortBy: "updatedAt", sortDirection: "DESC" }, search: null });
    expect(calls).toContainEqual({ source: "local", query: { page: 1, limit: 25, sortBy: "updatedAt", sortDirection: "DESC" }, search: null });
  });

  it("a live answer only marks the cached page stale; the cache is read again when the connection drops", async () => {
    const unreachable = { code: "network", message: "connection refused", field: null, retryable: false };
    let localCalls = 0;
    let reachable = true;
    const { client } = renderList({
      local: () => {
        localCalls += 1;
        return Promise.resolve(page([roomView("r_1", localCalls === 1 ? "Acme (cached)" : "Acme (cached, refreshed)")], 1));
      },
      remote: () => (reachable ? Promise.resolve(page([roomView("r_1", "Acme")], 1)) : Promise.reject(unreachable)),
    });
    await waitFor(() => {
      expect(screen.getByTestId("room-title-r_1").textContent).toBe("Acme");
    });
    await act(async () => {
      await new Promise((resolve) => setTimeout(resolve, 50));
    });
    // The live rows are on screen: reading the cache again now would only re-render the table.
    expect(localCalls).toBe(1);
    reachable = false;
    await act(async () => {
      await client.refetchQueries({ queryKey: ["rooms", "list", "remote"] });
    });
    await screen.findByTestId("offline-banner");
    await waitFor(() => {
      expect(screen.getByTestId("room-title-r_1").textContent).toBe("Acme (cached, refreshed)");
    });
    expect(localCalls).toBe(2);
  });

  it("switching to the local workspace after a live answer reads the cache again", async () => {
    let localCalls = 0;
    const { moveTo } = renderList({
      local: () => {
        localCalls += 1;
        return Promise.resolve(page([roomView("r_1", localCalls === 1 ? "Acme (cached)" : "Acme (cached, refreshed)")], 1));
      },
      remote: () => Promise.resolve(page([roomView("r_1", "Acme")], 1)),
    });
    await waitFor(() => {
      expect(screen.getByTestId("room-title-r_1").textContent).toBe("Acme");
    });
    expect(localCalls).toBe(1);
    moveTo({ source: "local" });
    await waitFor(() => {
      expect(screen.getByTestId("room-title-r_1").textContent).toBe("Acme (cached, refreshed)");
    });
    expect(localCalls).toBe(2);
  });

  it("keeps the cached rooms with the offline banner and their time when the connection is unreachable", async () => {
    recordRefresh(Date.parse("2026-03-01T10:30:00Z"));
    renderList({
      local: () => Promise.resolve(page([roomView("r_1", "Acme")], 1)),
      remote: () => Promise.reject({ code: "network", message: "connection refused", field: null, retryable: false }),
    });
    const banner = await screen.findByTestId("offline-banner");
    expect(banner.textContent).toContain("Offline, showing cached rooms from");
    expect(banner.textContent).toContain("2026");
    expect(screen.getByTestId("room-title-r_1").textContent).toBe("Acme");
    expect(screen.queryByTestId("room-list-error")).toBeNull();
  });

  it("comes back online from the banner's Try again", async () => {
    let reachable = false;
    let remoteCalls = 0;
    renderList({
      local: () => Promise.resolve(page([roomView("r_1", "Acme (cached)")], 1)),
      remote: () => {
        remoteCalls += 1;
        return reachable
          ? Promise.resolve(page([roomView("r_1", "Acme")], 1))
          : Promise.reject({ code: "network", message: "connection refused", field: null, retryable: false });
      },
    });
    await screen.findByTestId("offline-banner");
    // Still unreachable: Try again asks once more and the banner stays.
    const before = remoteCalls;
    fireEvent.click(screen.getByTestId("offline-retry"));
    await waitFor(() => {
      expect(remoteCalls).toBe(before + 1);
    });
    expect(screen.getByTestId("offline-banner")).toBeTruthy();
    // The connection is back: the next ask shows the live rooms and the banner goes.
    reachable = true;
    fireEvent.click(screen.getByTestId("offline-retry"));
    await waitFor(() => {
      expect(screen.getByTestId("room-title-r_1").textContent).toBe("Acme");
    });
    expect(screen.queryByTestId("offline-banner")).toBeNull();
  });

  it("asks an unreachable connection again on its own, every OFFLINE_RECHECK_MS", async () => {
    vi.useFakeTimers({ shouldAdvanceTime: true });
    let remoteCalls = 0;
    renderList({
      local: () => Promise.resolve(page([roomView("r_1", "Acme")], 1)),
      remote: () => {
        remoteCalls += 1;
        return Promise.reject({ code: "network", message: "connection refused", field: null, retryable: false });
      },
    });
    await screen.findByTestId("offline-banner");
    const before = remoteCalls;
    await act(async () => {
      await vi.advanceTimersByTimeAsync(OFFLINE_RECHECK_MS + 100);
    });
    expect(remoteCalls).toBeGreaterThan(before);
  });

  it("the live source shows a refused request as an error with its code, and retries", async () => {
    let attempts = 0;
    renderList(
      {
        remote: () => {
          attempts += 1;
          return attempts === 1
            ? Promise.reject({ code: "unauthorized", message: "The API key was refused", field: null, retryable: false })
            : Promise.resolve(page([roomView("r_1", "Acme")]));
        },
      },
      { source: "remote" },
    );
    const error = await screen.findByTestId("room-list-error");
    expect(error.getAttribute("data-code")).toBe("unauthorized");
    expect(error.textContent).toContain("The API key was refused");
    fireEvent.click(screen.getByTestId("room-list-retry"));
    expect(await screen.findByTestId("room-row-r_1")).toBeTruthy();
  });

  it("the local source and a search read only the cache, the search words passed on", async () => {
    const { calls } = renderList({ local: () => Promise.resolve(page([])) }, { q: "renewal", size: 50, page: 2 });
    await screen.findByTestId("room-list-empty");
    expect(calls).toEqual([{ source: "local", query: { page: 2, limit: 50, sortBy: "updatedAt", sortDirection: "DESC" }, search: "renewal" }]);
  });
});

describe("RoomList, controls", () => {
  const rows = Array.from({ length: 5 }, (_, i) => roomView(`r_${i}`, `Room ${i}`));
  const withRows = () => renderList({ local: () => Promise.resolve(page(rows, 60)) }, { source: "local" });

  it("sorts by a header click, flipping the direction of the active one, and shows it", async () => {
    const { onChange, params } = withRows();
    await screen.findByTestId("room-row-r_0");
    expect(screen.getByTestId("sort-updatedAt").dataset.direction).toBe("DESC");
    expect(screen.getByTestId("sort-createdAt").dataset.direction).toBe("none");
    fireEvent.click(screen.getByTestId("sort-updatedAt"));
    expect(onChange).toHaveBeenLastCalledWith({ ...params, sort: "updatedAt:ASC", page: 1 });
    fireEvent.click(screen.getByTestId("sort-totalEngagements"));
    expect(onChange).toHaveBeenLastCalledWith({ ...params, sort: "totalEngagements:DESC", page: 1 });
  });

  it("asks for the order the route names", async () => {
    const { calls } = renderList({ local: () => Promise.resolve(page([])) }, { source: "local", sort: "lastEngagedAt:ASC", page: 3 });
    await screen.findByTestId("room-list-empty");
    expect(calls[0]).toMatchObject({ query: { page: 3, sortBy: "lastEngagedAt", sortDirection: "ASC" } });
    expect(screen.getByTestId("sort-lastEngagedAt").dataset.direction).toBe("ASC");
  });

  it("changes the page size and the page through the route", async () => {
    const { onChange, params } = withRows();
    await screen.findByTestId("room-row-r_0");
    fireEvent.change(screen.getByTestId("page-size"), { target: { value: "100" } });
    expect(onChange).toHaveBeenLastCalledWith({ ...params, size: 100, page: 1 });
    await waitFor(() => {
      expect(screen.getByTestId<HTMLButtonElement>("page-next").disabled).toBe(false);
    });
    fireEvent.click(screen.getByTestId("page-next"));
    expect(onChange).toHaveBeenLastCalledWith({ ...params, page: 2 });
  });

  it("switches the source", async () => {
    const { onChange, params } = withRows();
    await screen.findByTestId("room-row-r_0");
    expect(screen.getByTestId("source-local").getAttribute("aria-pressed")).toBe("true");
    fireEvent.click(screen.getByTestId("source-remote"));
    expect(onChange).toHaveBeenLastCalledWith({ ...params, source: "remote", page: 1 });
  });

  it("puts the typed search in the route once typing pauses", async () => {
    const { onChange, params } = withRows();
    await screen.findByTestId("room-row-r_0");
    fireEvent.change(screen.getByTestId("room-search"), { target: { value: "kickoff" } });
    expect(onChange).not.toHaveBeenCalled();
    await waitFor(() => {
      expect(onChange).toHaveBeenLastCalledWith({ ...params, q: "kickoff", page: 1 });
    });
  });

  it("selects rows one by one, in shift-click ranges, and all on the page", async () => {
    withRows();
    await screen.findByTestId("room-row-r_0");
    fireEvent.click(screen.getByTestId("room-select-r_1"));
    fireEvent.click(screen.getByTestId("room-select-r_3"), { shiftKey: true });
    expect(screen.getByTestId("selection-count").textContent).toBe("3 selected");
    expect(screen.getByTestId<HTMLInputElement>("room-select-r_2").checked).toBe(true);
    expect(screen.getByTestId<HTMLInputElement>("room-select-r_4").checked).toBe(false);
    fireEvent.click(screen.getByTestId("room-select-all"));
    expect(screen.getByTestId("selection-count").textContent).toBe("5 selected");
    fireEvent.click(screen.getByTestId("room-select-all"));
    expect(screen.queryByTestId("selection-bar")).toBeNull();
  });

  it("a checkbox click does not open the room; a row click and Enter do", async () => {
    const { onOpen } = withRows();
    fireEvent.click(await screen.findByTestId("room-select-r_0"));
    expect(onOpen).not.toHaveBeenCalled();
    fireEvent.click(screen.getByTestId("room-row-r_1"));
    fireEvent.keyDown(screen.getByTestId("room-row-r_2"), { key: "Enter" });
    expect(onOpen.mock.calls).toEqual([["r_1"], ["r_2"]]);
  });

  it("keyboard: / focuses the search, j and k move between rows, n starts a new room", async () => {
    const { onNew } = withRows();
    await screen.findByTestId("room-row-r_0");
    fireEvent.keyDown(document.body, { key: "/" });
    expect(document.activeElement).toBe(screen.getByTestId("room-search"));
    fireEvent.keyDown(document.activeElement ?? document.body, { key: "n" });
    expect(onNew).not.toHaveBeenCalled(); // typing in the search box
    (document.activeElement as HTMLElement).blur();
    fireEvent.keyDown(document.body, { key: "j" });
    expect(document.activeElement).toBe(screen.getByTestId("room-row-r_0"));
    fireEvent.keyDown(document.activeElement ?? document.body, { key: "j" });
    fireEvent.keyDown(document.activeElement ?? document.body, { key: "j" });
    fireEvent.keyDown(document.activeElement ?? document.body, { key: "k" });
    expect(document.activeElement).toBe(screen.getByTestId("room-row-r_1"));
    fireEvent.keyDown(document.body, { key: "n" });
    expect(onNew).toHaveBeenCalledTimes(1);
  });

  it("shows owner and status names from the lookups and the badges of drafts, pending edits, conflicts and uncertain sends", async () => {
    const uncertain: OutboxEntry = {
      seq: 1,
      roomId: "d_1",
      op: { kind: "create", payload: { title: "Maybe" } },
      base: null,
      state: "uncertain",
      sentAtMs: 1,
      attempts: 1,
      lastError: null,
      createdAtMs: 1,
      candidates: [],
      awaitingDecision: false,
    };
    renderList(
      {
        local: () =>
          Promise.resolve(
            page([
              { ...roomView("d_1", "Maybe"), state: "draft" },
              { ...roomView("r_2", "Edited", { userId: "u_1", statusId: "s_live" }), state: "pending", pendingFields: ["title"] },
              { ...roomView("r_3", "Clash"), state: "conflict", pendingFields: ["title"] },
              roomView("r_4", "Calm"),
            ]),
          ),
        outbox: [uncertain],
      },
      { source: "local" },
    );
    expect(await screen.findByTestId("badge-draft-d_1")).toBeTruthy();
    expect(await screen.findByTestId("badge-uncertain-d_1")).toBeTruthy();
    expect(screen.getByTestId("badge-pending-r_2").textContent).toBe("Pending changes");
    expect(screen.getByTestId("badge-conflict-r_3")).toBeTruthy();
    expect(screen.getByTestId("room-row-r_4").querySelector("[data-testid^=badge-]")).toBeNull();
    await waitFor(() => {
      expect(screen.getByTestId("room-owner-r_2").textContent).toBe("Ada Owner");
    });
    // Status has its own column, named from the server's statuses; a room without one shows a dash.
    await waitFor(() => {
      expect(screen.getByTestId("room-status-r_2").textContent).toBe("Live");
    });
    expect(screen.getByTestId("room-status-r_4").textContent).toBe("—");
  });
});
