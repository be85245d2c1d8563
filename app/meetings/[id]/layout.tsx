import type { ReactNode } from "react";
import { QueryProvider } from "@/app/providers";

/** This segment's pages hold React Query state (see QueryProvider for why it is not in the root layout). */
export default function QueryLayout({ children }: { children: ReactNode }) {
  return <QueryProvider>{children}</QueryProvider>;
}
