"use client";

import { isServer, QueryClient, QueryClientProvider } from "@tanstack/react-query";
import type { ReactNode } from "react";

function makeQueryClient(): QueryClient {
  return new QueryClient({
    defaultOptions: {
      queries: {
        // Server components render the data; client queries refine it. Avoid refetch storms.
        staleTime: 30_000,
        refetchOnWindowFocus: false,
        retry: 1,
      },
    },
  });
}

let browserQueryClient: QueryClient | undefined;

/**
 * One QueryClient per browser tab, made on first use (TanStack's Next.js pattern): every
 * <QueryProvider> on a page, and on the pages navigated to after it, shares its cache and its
 * mutations. On the server each render gets a fresh one, so no client is ever shared between
 * requests.
 */
function queryClient(): QueryClient {
  if (isServer) return makeQueryClient();
  return (browserQueryClient ??= makeQueryClient());
}

/**
 * React Query for the pages that use it (a grievance's status change, a meeting's outcome form),
 * placed by their segments' layouts rather than the root one: a provider in the root layout puts
 * the library in the first-load JavaScript of every page, the lists included, which never use it.
 */
export function QueryProvider({ children }: { children: ReactNode }) {
  return <QueryClientProvider client={queryClient()}>{children}</QueryClientProvider>;
}
