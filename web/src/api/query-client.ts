/**
 * The web's one query cache. A 4xx answer (401, 403, 404, 409, 422, …) is the server's answer and is
 * shown at once; a network failure or a 5xx is tried again twice before the page says so. Data is
 * fetched again whenever a page mounts (staleTime 0), as before; a refocused window does not refetch,
 * so a form being filled in is never reset under the user's hands.
 */
import { QueryClient } from '@tanstack/react-query';
import { ApiError } from './client';

const RETRIES = 2;

/** Whether a failed query is worth asking again: only for network failures and server errors. */
export function shouldRetry(failureCount: number, error: unknown): boolean {
  if (failureCount >= RETRIES) return false;
  if (error instanceof ApiError) return error.status === 0 || error.status >= 500;
  // anything else (a bug in a query function, a TypeError) would only fail again
  return false;
}

export function makeQueryClient(): QueryClient {
  return new QueryClient({
    defaultOptions: {
      queries: {
        retry: shouldRetry,
        retryDelay: (attempt) => Math.min(500 * 2 ** attempt, 4000),
        refetchOnWindowFocus: false,
        staleTime: 0,
      },
    },
  });
}

/** the app's cache (main.tsx provides it; the session clears it when the user changes) */
export const queryClient = makeQueryClient();
