import { describe, expect, it } from "vitest";
import { formatRoute, navSection, parseRoute, type Route } from "./routes";

describe("routes", () => {
  it("reads every screen from the hash", () => {
    expect(parseRoute("")).toEqual({ name: "rooms", page: 1, sort: null });
    expect(parseRoute("#/rooms")).toEqual({ name: "rooms", page: 1, sort: null });
    expect(parseRoute("#/rooms?page=3")).toEqual({ name: "rooms", page: 3, sort: null });
    expect(parseRoute("#/rooms/r_42")).toEqual({ name: "room", id: "r_42" });
    expect(parseRoute("#/rooms?page=2&sort=totalEngagements:DESC")).toEqual({
      name: "rooms",
      page: 2,
      sort: "totalEngagements:DESC",
    });
    expect(parseRoute("#/outbox")).toEqual({ name: "outbox" });
    expect(parseRoute("#/settings")).toEqual({ name: "settings" });
  });

  it("falls back to the first page of rooms on anything odd", () => {
    expect(parseRoute("#/rooms?page=0")).toEqual({ name: "rooms", page: 1, sort: null });
    expect(parseRoute("#/rooms?page=abc")).toEqual({ name: "rooms", page: 1, sort: null });
    expect(parseRoute("#/nowhere/at/all")).toEqual({ name: "rooms", page: 1, sort: null });
  });

  it("round-trips, including ids that need escaping", () => {
    const routes: Route[] = [
      { name: "rooms", page: 1, sort: null },
      { name: "rooms", page: 12, sort: "createdAt:ASC" },
      { name: "room", id: "local:draft/1 é" },
      { name: "outbox" },
      { name: "settings" },
    ];
    for (const r of routes) expect(parseRoute(formatRoute(r))).toEqual(r);
  });

  it("keeps a room page under Rooms in the navbar", () => {
    expect(navSection({ name: "room", id: "x" })).toBe("rooms");
    expect(navSection({ name: "settings" })).toBe("settings");
  });
});
