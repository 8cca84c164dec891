import { QueryClient } from "@tanstack/react-query";
import { isRetryable, type CommandError } from "../api/errors";

// Every query and mutation calls the shell through api/commands, which only ever rejects
// with a CommandError: tell TanStack Query so screens can read `error.code`.
declare module "@tanstack/react-query" {
  interface Register {
    defaultError: CommandError;
  }
}

/** At most this many automatic retries, and only for errors the core calls retryable. */
export const MAX_AUTO_RETRIES = 2;

export function shouldRetry(failureCount: number, error: unknown): boolean {
  return failureCount < MAX_AUTO_RETRIES && isRetryable(error);
}

export function createQueryClient(): QueryClient {
  return new QueryClient({
    defaultOptions: {
      queries: {
        retry: shouldRetry,
        staleTime: 30_000,
        // A desktop window gains focus all the time; refetching on each is noise.
        refetchOnWindowFocus: false,
      },
      mutations: { retry: false },
    },
  });
}
