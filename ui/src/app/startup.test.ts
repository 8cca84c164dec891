import { afterEach, describe, expect, it, vi } from "vitest";
import { setInvoker } from "../api/commands";
import { PAGE_SIZE } from "../features/rooms/paging";
import { queryKeys } from "../api/queryKeys";
import { outboxQuery, roomListQuery } from "../features/rooms/roomQueries";
import { createQueryClient } from "./queryClient";
import { EXTRAS_GRACE_MS, prefetchFirstScreen, waitAtMost } from "./startup";

let restore: (() => void) | null = null;
afterEach(() => {
  restore?.();
  restore = null;
  vi.useRealTimers();
});

const PAGE = { rooms: [], page: 3, limit: PAGE_SIZE, total: 0 };

describe("startup prefetch", () => {
  it("loads the route's page from the cache and the connection, under the keys the list screen reads", async () => {
    const calls: { command: string; args: Record<string, unknown> }[] = [];
    restore = setInvoker((command, args) => {
      calls.push({ command, args });
      return Promise.resolve(PAGE);
    });
    const client = createQueryClient();
    await prefetchFirstScreen(client, "#/rooms?page=3&sort=createdAt:ASC");
    expect(calls.filter((c) => c.command === "list_rooms")).toEqual([
      {
        command: "list_rooms",
        args: {
          source: "local",
          query: { page: 3, limit: PAGE_SIZE, sortBy: "createdAt", sortDirection: "ASC" },
          search: null,
        },
      },
      {
        command: "list_rooms",
        args: {
          source: "remote",
          query: { page: 3, limit: PAGE_SIZE, sortBy: "createdAt", sortDirection: "ASC" },
          search: null,
        },
      },
    ]);
    const { queryKey } = roomListQuery({ page: 3, sortBy: "createdAt", sortDirection: "ASC" });
    expect(client.getQueryData(queryKey)).toEqual(PAGE);
    const local = roomListQuery({ page: 3, sortBy: "createdAt", sortDirection: "ASC", source: "local" });
    expect(client.getQueryData(local.queryKey)).toEqual(PAGE);
  });

  it("asks for the rows' names and the outbox with the first page, under the keys the list reads", async () => {
    const calls: string[] = [];
    const answers: Record<string, unknown> = {
      list_rooms: PAGE,
      lookup: [{ id: "usr_1", name: "Ada" }],
      statuses: [{ id: "st_1", title: "Open" }],
      outbox: [],
    };
    restore = setInvoker((command, args) => {
      calls.push(command === "lookup" ? `lookup:${String(args.kind)}` : command);
      return Promise.resolve(answers[command]);
    });
    const client = createQueryClient();
    await prefetchFirstScreen(client, "");
    expect([...calls].sort()).toEqual(["list_rooms", "list_rooms", "lookup:companies", "lookup:users", "outbox", "statuses"]);
    for (const key of [queryKeys.lookup("users"), queryKeys.lookup("companies"), queryKeys.statuses, outboxQuery().queryKey]) {
      expect(client.getQueryState(key)?.status).toBe("success");
    }
  });

  it("waits for the names, but a failing lookup neither rejects nor holds the list", async () => {
    restore = setInvoker((command) => (command === "list_rooms" ? Promise.resolve(PAGE) : Promise.reject(new Error("no lookups here"))));
    const client = createQueryClient();
    await expect(prefetchFirstScreen(client, "")).resolves.toBeUndefined();
    const { queryKey } = roomListQuery({ page: 1, sortBy: "updatedAt", sortDirection: "DESC" });
    expect(client.getQueryData(queryKey)).toEqual(PAGE);
    expect(client.getQueryState(outboxQuery().queryKey)?.status).toBe("error");
  });

  it("does not hold the first page longer than EXTRAS_GRACE_MS for slow names", async () => {
    vi.useFakeTimers();
    restore = setInvoker((command) => (command === "list_rooms" ? Promise.resolve(PAGE) : new Promise(() => undefined)));
    let ready = false;
    const waiting = prefetchFirstScreen(createQueryClient(), "").then(() => {
      ready = true;
    });
    await vi.advanceTimersByTimeAsync(EXTRAS_GRACE_MS - 1);
    expect(ready).toBe(false);
    await vi.advanceTimersByTimeAsync(1);
    expect(ready).toBe(true);
    await waiting;
  });

  it("a search reads only the cache; the live source only the connection", async () => {
    const calls: Record<string, unknown>[] = [];
    restore = setInvoker((command, args) => {
      if (command === "list_rooms") calls.push(args);
      return Promise.resolve(PAGE);
    });
    await prefetchFirstScreen(createQueryClient(), "#/rooms?q=acme");
    await prefetchFirstScreen(createQueryClient(), "#/rooms?source=remote");
    expect(calls.map((a) => [a.source, a.search])).toEqual([
      ["local", "acme"],
      ["remote", null],
    ]);
  });

  it("asks for nothing on screens that are not the list", async () => {
    const calls: string[] = [];
    restore = setInvoker((command) => {
      calls.push(command);
      return Promise.resolve(PAGE);
    });
    const client = createQueryClient();
    await prefetchFirstScreen(client, "#/rooms/r_1");
    await prefetchFirstScreen(client, "#/settings");
    expect(calls).toEqual([]);
  });

  it("a failing shell leaves no data and does not reject (the screen shows the error)", async () => {
    restore = setInvoker(() => Promise.reject(new Error("shell down")));
    const client = createQueryClient();
    await expect(prefetchFirstScreen(client, "")).resolves.toBeUndefined();
    const { queryKey } = roomListQuery({ page: 1, sortBy: "updatedAt", sortDirection: "DESC" });
    expect(client.getQueryData(queryKey)).toBeUndefined();
  });
});

describe("waitAtMost", () => {
  it("resolves as soon as the promise settles", async () => {
    vi.useFakeTimers();
    let settled = false;
    const waiting = waitAtMost(Promise.resolve(), 10_000).then(() => {
      settled = true;
    });
    await vi.advanceTimersByTimeAsync(0);
    expect(settled).toBe(true);
    await waiting;
  });

  it("gives up after the cap when the promise hangs, and never rejects", async () => {
    vi.useFakeTimers();
    let settled = false;
    const waiting = waitAtMost(new Promise(() => undefined), 150).then(() => {
      settled = true;
    });
    await vi.advanceTimersByTimeAsync(149);
    expect(settled).toBe(false);
    await vi.advanceTimersByTimeAsync(1);
    expect(settled).toBe(true);
    await waiting;
    await expect(waitAtMost(Promise.reject(new Error("x")), 150)).resolves.toBeUndefined();
  });
});
