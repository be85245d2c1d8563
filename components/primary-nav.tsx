"use client";

import Link from "next/link";
import { usePathname } from "next/navigation";
import { cn } from "@/components/ui/cn";

export const NAV_ITEMS = [
  { href: "/", label: "Overview" },
  { href: "/grievances", label: "Grievances" },
  { href: "/meetings", label: "Meetings" },
  { href: "/parties", label: "Parties" },
  { href: "/venues", label: "Venues" },
] as const;

/** "page" on the section's own page, "true" anywhere inside it, else nothing. */
function currentness(pathname: string, href: string): "page" | "true" | undefined {
  if (pathname === href) return "page";
  if (href !== "/" && pathname.startsWith(`${href}/`)) return "true";
  return undefined;
}

/** The primary navigation; marks the current section with aria-current. */
export function PrimaryNav() {
  const pathname = usePathname() ?? "/";
  return (
    <nav aria-label="Primary" className="min-w-0">
      <ul className="flex flex-wrap items-center gap-0.5">
        {NAV_ITEMS.map((item) => {
          const current = currentness(pathname, item.href);
          return (
            <li key={item.href}>
              <Link
                href={item.href}
                aria-current={current}
                className={cn(
                  "block whitespace-nowrap rounded-md px-2.5 py-1.5 text-sm font-medium",
                  current
                    ? "bg-white/10 text-white shadow-[inset_0_-2px_0_var(--color-accent-300)]"
                    : "text-slate-300 hover:bg-white/5 hover:text-white",
                )}
              >
                {item.label}
              </Link>
            </li>
          );
        })}
      </ul>
    </nav>
  );
}
