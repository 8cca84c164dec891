// Names for the ids a room carries (owner, company, status), from the server's lookups.
// A lookup the server does not offer, or one that fails, leaves the id as it is.
import { useQuery, type QueryClient } from "@tanstack/react-query";
import { useMemo } from "react";
import type { Lookup, LookupKind, Status } from "../../bindings";
import { listStatuses, lookup } from "../../api/commands";
import { queryKeys } from "../../api/queryKeys";

export interface NameLookup {
  user: (id: string | null) => string | null;
  company: (id: string | null) => string | null;
  status: (id: string | null) => string | null;
}

/** Lookups change rarely: read once per window, on demand. */
const LOOKUP_STALE_MS = 10 * 60_000;

/** One lookup's query: shared by the screens and the start-up prefetch. */
export function lookupQuery(kind: LookupKind) {
  return { queryKey: queryKeys.lookup(kind), queryFn: () => lookup(kind), staleTime: LOOKUP_STALE_MS, retry: false } as const;
}

/** The statuses' query: shared by the screens and the start-up prefetch. */
export function statusesQuery() {
  return { queryKey: queryKeys.statuses, queryFn: listStatuses, staleTime: LOOKUP_STALE_MS, retry: false } as const;
}

/** Starts loading the lookups `useNames` reads (the start-up prefetch). A failure stays
 * in the cache for the screens; the promises may reject. */
export function prefetchNames(client: QueryClient): Promise<unknown>[] {
  return [client.query(lookupQuery("users")), client.query(lookupQuery("companies")), client.query(statusesQuery())];
}

export function useLookupList(kind: LookupKind) {
  return useQuery(lookupQuery(kind));
}

export function useStatuses() {
  return useQuery(statusesQuery());
}

function namer(entries: readonly { id: string; name: string }[] | null | undefined) {
  const map = new Map((entries ?? []).map((e) => [e.id, e.name]));
  return (id: string | null) => (id === null ? null : (map.get(id) ?? id));
}

export function buildNames(users: Lookup[] | null | undefined, companies: Lookup[] | null | undefined, statuses: Status[] | undefined): NameLookup {
  return {
    user: namer(users),
    company: namer(companies),
    status: namer(statuses?.map((s) => ({ id: s.id, name: s.title }))),
  };
}

export function useNames(): NameLookup {
  const users = useLookupList("users");
  const companies = useLookupList("companies");
  const statuses = useStatuses();
  return useMemo(() => buildNames(users.data, companies.data, statuses.data), [users.data, companies.data, statuses.data]);
}
