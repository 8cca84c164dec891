import { QueryClient } from "@tanstack/react-query";
import { isRetryable } from "../api/errors";

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
