"use client";

import { useEffect, useRef } from "react";

function isTypingTarget(el: EventTarget | null): boolean {
  if (!(el instanceof HTMLElement)) return false;
  if (el.isContentEditable) return true;
  const tag = el.tagName;
  return tag === "INPUT" || tag === "TEXTAREA" || tag === "SELECT";
}

/**
 * The header's one search box: a plain GET form to /search (works without JavaScript), which
 * finds grievances, meetings, parties, venues and sources; the grievance list keeps its own box,
 * beside its filters. Pressing "/" anywhere outside a text field focuses it.
 */
export function SearchForm() {
  const inputRef = useRef<HTMLInputElement>(null);

  useEffect(() => {
    function onKeyDown(e: KeyboardEvent) {
      if (e.key !== "/" || e.ctrlKey || e.metaKey || e.altKey || e.defaultPrevented) return;
      if (isTypingTarget(e.target)) return;
      if (document.querySelector('[role="dialog"][data-state="open"]')) return;
      e.preventDefault();
      inputRef.current?.focus();
      inputRef.current?.select();
    }
    document.addEventListener("keydown", onKeyDown);
    return () => document.removeEventListener("keydown", onKeyDown);
  }, []);

  return (
    <form action="/search" method="get" role="search" aria-label="Site search" className="relative w-full sm:w-64">
      <label htmlFor="site-search" className="sr-only">
        Search everything
      </label>
      <svg
        aria-hidden="true"
        viewBox="0 0 16 16"
        className="pointer-events-none absolute top-1/2 left-2 size-3.5 -translate-y-1/2 text-slate-400"
        fill="none"
        stroke="currentColor"
        strokeWidth="1.5"
        strokeLinecap="round"
      >
        <circle cx="7" cy="7" r="4.5" />
        <path d="M10.5 10.5L14 14" />
      </svg>
      <input
        ref={inputRef}
        id="site-search"
        name="q"
        type="search"
        placeholder="Search everything…"
        autoComplete="off"
        enterKeyHint="search"
        aria-keyshortcuts="/"
        className="peer h-8 w-full rounded-md border border-slate-600 bg-slate-800 pr-8 pl-7 text-sm text-white placeholder:text-slate-400 hover:border-slate-500 focus:border-accent-300 focus:bg-slate-900 focus-visible:outline-accent-300"
      />
      <kbd
        aria-hidden="true"
        className="pointer-events-none absolute top-1/2 right-2 -translate-y-1/2 rounded border border-slate-600 px-1.5 text-[11px] leading-4 text-slate-400 peer-focus:hidden"
      >
        /
      </kbd>
    </form>
  );
}
