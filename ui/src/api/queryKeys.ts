// Every TanStack Query key in one place, so screens invalidate what they mean.
import type { ListQuery, LookupKind, Source } from "../bindings";

export const queryKeys = {
  rooms: ["rooms"] as const,
  roomList: (source: Source, query: ListQuery, search: string | null) =>
    ["rooms", "list", source, query, search] as const,
  room: (source: Source, id: string) => ["rooms", "one", source, id] as const,
  connection: ["connection"] as const,
  appInfo: ["app-info"] as const,
  outbox: ["outbox"] as const,
  conflicts: ["conflicts"] as const,
  statuses: ["statuses"] as const,
  lookup: (kind: LookupKind) => ["lookup", kind] as const,
  orgColor: ["brand-color", "org"] as const,
  palettes: ["palettes"] as const,
  companyColor: (companyId: string) => ["brand-color", "company", companyId] as const,
};
