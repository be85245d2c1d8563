import type { Metadata, Viewport } from "next";
import type { ReactNode } from "react";
import { KeyboardShortcuts } from "@/components/keyboard/keyboard-shortcuts";
import { SiteHeader, type HeaderUser } from "@/components/site-header";
import { can } from "@/lib/server/authz";
import { currentActor } from "@/lib/server/session";
import { listViews, NAV_VIEW_LIMIT } from "@/lib/server/views";
import "./globals.css";
import "@/components/ui/components.css";

export const metadata: Metadata = {
  title: {
    template: "%s · Backchannel",
    default: "Backchannel",
  },
  description: "A tracker of the grievances raised between states at diplomatic meetings.",
  applicationName: "Backchannel",
};

export const viewport: Viewport = {
  themeColor: "#0f172a",
  colorScheme: "light",
};

/** The signed-in user for the header; null signed out (sign-in, first run) and for the system. */
async function headerUser(): Promise<HeaderUser | null> {
  const actor = await currentActor();
  if (actor?.kind !== "user") return null;
  const { name, email, role } = actor;
  // The header lists the first few saved views with their counts: bounded, however many there are.
  const views = await listViews(actor, { limit: NAV_VIEW_LIMIT });
  return { name, email, role, canWrite: can(actor, "write"), isAdmin: can(actor, "admin"), views };
}

export default async function RootLayout({ children }: { children: ReactNode }) {
  const user = await headerUser();
  return (
    <html lang="en">
      <body className="min-h-dvh">
        <a
          href="#main"
          className="sr-only rounded-md bg-white text-sm font-medium text-accent-800 shadow-lg focus:not-sr-only focus:fixed focus:top-2 focus:left-2 focus:z-50 focus:px-3 focus:py-2"
        >
          Skip to content
        </a>
        <SiteHeader user={user} />
        <main
          id="main"
          tabIndex={-1}
          className="mx-auto w-full max-w-[1280px] px-4 py-6 focus:outline-none sm:px-6 lg:py-8"
        >
          {children}
        </main>
        {user ? <KeyboardShortcuts /> : null}
      </body>
    </html>
  );
}
