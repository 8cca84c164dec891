// One sync for the whole window: the header's button, the outbox's Retry and the summary
// all read and start the same run, so a second click never starts a second sync.
import { notifications } from "@mantine/notifications";
import { useMutation, useQueryClient } from "@tanstack/react-query";
import { createContext, useCallback, useContext, useMemo, useState, type ReactNode } from "react";
import { runSync } from "../api/commands";
import { describeError } from "../api/errors";
import { queryKeys } from "../api/queryKeys";
import type { SyncState } from "./syncStatus";

type SyncContextValue = {
  state: SyncState;
  /** Starts a sync unless one is running. */
  start: () => void;
};

const SyncContext = createContext<SyncContextValue | null>(null);

export function SyncProvider({ children }: { children: ReactNode }) {
  const queryClient = useQueryClient();
  const [state, setState] = useState<SyncState>({ kind: "idle" });

  const sync = useMutation({
    mutationFn: () =>
      runSync((progress) => {
        setState({ kind: "running", progress });
      }),
    onMutate: () => {
      setState({ kind: "running", progress: null });
    },
    onSuccess: async (report) => {
      setState({ kind: "done", report, at: Date.now() });
      await queryClient.invalidateQueries({ queryKey: queryKeys.rooms });
      await queryClient.invalidateQueries({ queryKey: queryKeys.outbox });
      await queryClient.invalidateQueries({ queryKey: queryKeys.conflicts });
    },
    onError: async (error) => {
      setState({ kind: "failed", message: describeError(error), at: Date.now() });
      notifications.show({ color: "red", title: "Sync failed", message: describeError(error) });
      // A failed attempt is recorded on the entries (attempts, last error).
      await queryClient.invalidateQueries({ queryKey: queryKeys.outbox });
    },
  });

  const { isPending, mutate } = sync;
  const start = useCallback(() => {
    if (!isPending) mutate();
  }, [isPending, mutate]);
  const value = useMemo(() => ({ state, start }), [state, start]);
  return <SyncContext.Provider value={value}>{children}</SyncContext.Provider>;
}

/** The window's sync: its state and a way to start it. */
export function useSync(): SyncContextValue {
  const value = useContext(SyncContext);
  if (!value) throw new Error("useSync needs a SyncProvider (AppProviders sets one up)");
  return value;
}
