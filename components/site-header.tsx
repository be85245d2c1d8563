import Link from "next/link";
import { signOutAction } from "@/lib/actions/auth";
import { ROLE_LABELS, type Role } from "@/lib/schemas/user";
import type { SavedViewSummary } from "@/lib/schemas/view";
import { PrimaryNav } from "./primary-nav";
import { SearchForm } from "./search-form";
import { SavedViewsNav } from "./views/saved-views-nav";

/** Who is signed in, as the header shows them, and what the header offers them. */
export type HeaderUser = {
  name: string;
  email: string;
  role: Role;
  /** May log meetings (and write in general). */
  canWrite: boolean;
  /** May manage users. */
  isAdmin: boolean;
  /** The first few saved views, for the header's "Views" menu. */
  views?: readonly SavedViewSummary[];
};

/**
 * The top bar: wordmark, primary nav, the search box, "Log meeting" (for those who may) and
 * who is signed in. Signed out (the sign-in and first-run pages) it shows the wordmark only.
 */
export function SiteHeader({ user }: { user: HeaderUser | null }) {
  return (
    <header className="border-b border-slate-950 bg-slate-900 text-white [&_:focus-visible]:outline-accent-300">
      <div className="mx-auto flex max-w-[1280px] flex-wrap items-center gap-x-5 gap-y-2 px-4 py-2 sm:px-6">
        <Link
          href="/"
          className="flex items-center gap-2 rounded-sm text-[15px] font-semibold tracking-tight text-white"
        >
          <svg
            aria-hidden="true"
            viewBox="0 0 20 20"
            className="size-5 text-accent-300"
            fill="none"
            stroke="currentColor"
            strokeWidth="1.6"
            strokeLinecap="round"
          >
            <path d="M3 6h9M8 14h9" />
            <path d="M12 3l3 3-3 3M8 11l-3 3 3 3" />
          </svg>
          Backchannel
        </Link>
        {user ? (
          <>
            <PrimaryNav />
            {user.views ? <SavedViewsNav views={user.views} /> : null}
            {/* Wraps on a phone: the search box takes the first line, the rest the next, none squeezed. */}
            <div className="ml-auto flex w-full flex-wrap items-center gap-2 sm:w-auto sm:flex-nowrap">
              <SearchForm />
              {user.canWrite ? (
                <Link
                  href="/meetings/new"
                  // No prefetch: the header is on every page, and most visits do not open this form.
                  prefetch={false}
                  className="inline-flex h-8 shrink-0 items-center rounded-md bg-accent-600 px-3 text-sm font-medium whitespace-nowrap text-white hover:bg-accent-500"
                >
                  <span aria-hidden="true" className="mr-1">
                    +
                  </span>
                  Log meeting
                </Link>
              ) : null}
              <div className="flex items-center gap-2 border-l border-slate-700 pl-3 text-xs text-slate-300">
                <span title={user.email}>
                  {user.name} <span className="text-slate-400">· {ROLE_LABELS[user.role]}</span>
                </span>
                {user.isAdmin ? (
                  <Link
                    href="/admin/users"
                    prefetch={false}
                    className="rounded-sm text-slate-200 underline-offset-2 hover:underline"
                  >
                    Users
                  </Link>
                ) : null}
                <form action={signOutAction}>
                  <button type="submit" className="rounded-sm text-slate-200 underline-offset-2 hover:underline">
                    Sign out
                  </button>
                </form>
              </div>
            </div>
          </>
        ) : null}
      </div>
    </header>
  );
}
