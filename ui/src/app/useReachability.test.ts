import { QueryClient } from "@tanstack/react-query";
import { describe, expect, it } from "vitest";
import { CommandError } from "../api/errors";
import { lastRemoteUnreachable } from "./useReachability";

const unreachable = new CommandError("list_rooms", { code: "network", message: "connection refused", field: null, retryable: false });
const refused = new CommandError("list_rooms", { code: "unauthorized", message: "The API key was refused", field: null, retryable: false });

function cacheWith(entries: { key: unknown[]; data?: unknown; error?: CommandError; at: number }[]) {
  const client = new QueryClient();
  const cache = client.getQueryCache();
  for (const e of entries) {
    const query = cache.build(client, { queryKey: e.key });
    if (e.error !== undefined) {
      query.setState({ ...query.state, status: "error", error: e.error, errorUpdatedAt: e.at });
    } else {
      query.setState({ ...query.state, status: "success", data: e.data, dataUpdatedAt: e.at });
    }
  }
  return cache.getAll();
}

describe("lastRemoteUnreachable", () => {
  it("is false with no remote answer yet", () => {
    expect(lastRemoteUnreachable(cacheWith([]))).toBe(false);
    expect(lastRemoteUnreachable(cacheWith([{ key: ["rooms", "list", "local", {}], error: unreachable, at: 5 }]))).toBe(false);
  });

  it("follows the latest remote rooms answer, list or single room", () => {
    const offline = cacheWith([
      { key: ["rooms", "list", "remote", { page: 1 }], data: { rooms: [] }, at: 1 },
      { key: ["rooms", "one", "remote", "r_1"], error: unreachable, at: 2 },
    ]);
    expect(lastRemoteUnreachable(offline)).toBe(true);
    const back = cacheWith([
      { key: ["rooms", "one", "remote", "r_1"], error: unreachable, at: 2 },
      { key: ["rooms", "list", "remote", { page: 2 }], data: { rooms: [] }, at: 3 },
    ]);
    expect(lastRemoteUnreachable(back)).toBe(false);
  });

  it("does not call a refused request offline", () => {
    expect(lastRemoteUnreachable(cacheWith([{ key: ["rooms", "list", "remote", {}], error: refused, at: 4 }]))).toBe(false);
  });
});
