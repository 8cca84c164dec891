// Every TanStack Query key in one place, so screens invalidate what they mean.
import type { ListQuery, RoomInput, Source } from "../bindings";

export const queryKeys = {
  rooms: ["rooms"] as const,
  roomList: (source: Source, query: ListQuery, search: string | null) =>
    ["rooms", "list", source, query, search] as const,
  room: (source: Source, id: string) => ["rooms", "one", source, id] as const,
  connection: ["connection"] as const,
  appInfo: ["app-info"] as const,
  outbox: ["outbox"] as const,
  /** The core's verdict on one input (a pure function of it, so cached for good). */
  inputProblems: (input: RoomInput | null) => ["input-problems", input] as const,
};
