// What the settings page does after the shell changed the connection or the cache:
// everything read from the old one (rooms, outbox, lookups) is stale.
import type { QueryClient } from "@tanstack/react-query";
import type { ConnectionInfo } from "../../bindings";
import { queryKeys } from "../../api/queryKeys";

/**
 * Stores the shell's new answer and forgets everything read through the old connection
 * (rooms, outbox, lookups), so no screen shows the old account's rooms while the new
 * ones load.
 */
export async function afterConnectionChange(queryClient: QueryClient, info: ConnectionInfo): Promise<void> {
  queryClient.setQueryData(queryKeys.connection, info);
  await queryClient.resetQueries({ predicate: (q) => q.queryKey[0] !== queryKeys.connection[0] && q.queryKey[0] !== queryKeys.appInfo[0] });
}

/** How the stored key is shown: never the key, at most its last 4 characters. */
export function keyHint(info: ConnectionInfo): string {
  if (!info.keyConfigured) return "No API key stored";
  return info.keyHint ? `Set, ends in ····${info.keyHint}` : "Set";
}
