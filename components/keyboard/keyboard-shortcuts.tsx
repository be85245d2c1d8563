"use client";

import { usePathname, useRouter } from "next/navigation";
import { useEffect, useRef } from "react";

/** A row of a list that j/k move through (set by DataTable on each <tr>). */
const ROW = "main [data-keyboard-row]";
/** The address suffix that asks a grievance page to open its status change on arrival. */
const STATUS_HASH = "#change-status";

const SHORTCUTS: ReadonlyArray<[keys: string, what: string]> = [
  ["/", "Search everything"],
  ["j", "Next row of the list"],
  ["k", "Previous row of the list"],
  ["Enter", "Open the row"],
  ["s", "Change the status of this grievance (or of the row's)"],
  ["?", "Show these shortcuts"],
];

/** Typing in a field, or a chord with a modifier, is never a shortcut. */
function isTyping(target: EventTarget | null): boolean {
  if (!(target instanceof HTMLElement)) return false;
  if (target.isContentEditable) return true;
  return ["INPUT", "TEXTAREA", "SELECT"].includes(target.tagName);
}

function rows(): HTMLElement[] {
  return Array.from(document.querySelectorAll<HTMLElement>(ROW));
}

/** The row that has focus or holds it (a link inside it), if any. */
function currentRow(): HTMLElement | null {
  const active = document.activeElement;
  return active instanceof HTMLElement ? active.closest<HTMLElement>("[data-keyboard-row]") : null;
}

/** The row's own link: the first in the row, its title. */
function rowLink(row: HTMLElement): HTMLAnchorElement | null {
  return row.querySelector<HTMLAnchorElement>("a[href]");
}

/**
 * Opens this page's status change: the grievance page's "Change status" button (a dialog), or,
 * where the form is on the page itself (without JavaScript's dialog, a meeting), its first field.
 * False when the page has none.
 */
function openStatusChange(): boolean {
  const main = document.querySelector("main");
  if (!main) return false;
  const trigger = Array.from(main.querySelectorAll<HTMLButtonElement>("button[aria-haspopup='dialog']")).find(
    (b) => b.textContent?.trim() === "Change status",
  );
  if (trigger) {
    trigger.click();
    return true;
  }
  const field = main.querySelector<HTMLElement>(`${STATUS_HASH} select, ${STATUS_HASH} input:not([type=hidden])`);
  if (field) {
    field.focus();
    return true;
  }
  return false;
}

/**
 * The app's keyboard shortcuts, mounted once in the root layout. "/" itself is the header's search
 * box's (SearchForm); this lists it and handles the rest.
 */
export function KeyboardShortcuts() {
  const router = useRouter();
  const pathname = usePathname();
  // The help is a native <dialog>, not the Radix one the forms use: this component is on every
  // page, and Radix's dialog would ship with each of them (issue 10's page weight). showModal()
  // gives the same modal focus trap and Escape.
  const help = useRef<HTMLDialogElement>(null);
  // Where focus was when the help opened, to give it back when it closes.
  const returnTo = useRef<HTMLElement | null>(null);

  // Arriving from a list's "s" (…/grievances/<id>#change-status): open the status change here.
  useEffect(() => {
    if (window.location.hash === STATUS_HASH) openStatusChange();
  }, [pathname]);

  useEffect(() => {
    function onKeyDown(e: KeyboardEvent) {
      if (e.defaultPrevented || e.ctrlKey || e.metaKey || e.altKey || isTyping(e.target)) return;
      // An open dialog (this one or a form's) owns the keyboard.
      if (document.querySelector('dialog[open], [role="dialog"]')) return;
      if (e.key === "?") {
        e.preventDefault();
        returnTo.current = document.activeElement instanceof HTMLElement ? document.activeElement : null;
        help.current?.showModal();
        return;
      }
      if (e.key === "j" || e.key === "k") {
        const all = rows();
        if (!all.length) return;
        e.preventDefault();
        const at = all.indexOf(currentRow() as HTMLElement);
        const next = at === -1 ? (e.key === "j" ? 0 : all.length - 1) : at + (e.key === "j" ? 1 : -1);
        const row = all[Math.min(Math.max(next, 0), all.length - 1)];
        row?.focus();
        row?.scrollIntoView({ block: "nearest" });
        return;
      }
      const row = currentRow();
      // Enter on the row itself opens it (Enter on its link already does, natively).
      if (e.key === "Enter" && row && document.activeElement === row) {
        const link = rowLink(row);
        if (link) {
          e.preventDefault();
          link.click();
        }
        return;
      }
      if (e.key === "s") {
        const href = row ? rowLink(row)?.getAttribute("href") : null;
        if (href?.startsWith("/grievances/")) {
          e.preventDefault();
          router.push(`${href.split("#")[0]}${STATUS_HASH}`);
        } else if (openStatusChange()) {
          e.preventDefault();
        }
      }
    }
    document.addEventListener("keydown", onKeyDown);
    return () => document.removeEventListener("keydown", onKeyDown);
  }, [router]);

  return (
    <dialog
      ref={help}
      aria-labelledby="keyboard-shortcuts-title"
      // Back to where the reader was (a row, a link), not to the top of the page.
      onClose={() => {
        if (returnTo.current?.isConnected) returnTo.current.focus();
      }}
      className="fixed inset-0 m-auto h-fit w-[calc(100vw-2rem)] max-w-sm rounded-lg border border-slate-200 bg-white p-5 shadow-xl backdrop:bg-slate-900/40"
    >
      <div className="mb-3 flex items-start justify-between gap-4">
        <h2 id="keyboard-shortcuts-title" className="text-base font-semibold text-slate-900">
          Keyboard shortcuts
        </h2>
        <form method="dialog">
          <button type="submit" className="rounded px-1.5 text-slate-600 hover:text-slate-900" aria-label="Close">
            ×
          </button>
        </form>
      </div>
      <dl className="grid grid-cols-[auto_1fr] gap-x-4 gap-y-2 text-sm">
        {SHORTCUTS.map(([keys, what]) => (
          <div key={keys} className="contents">
            <dt>
              <kbd className="rounded border border-slate-300 bg-slate-50 px-1.5 py-0.5 text-xs">{keys}</kbd>
            </dt>
            <dd className="text-slate-700">{what}</dd>
          </div>
        ))}
      </dl>
      <p className="mt-4 text-xs text-slate-600">Shortcuts do nothing while you type in a field.</p>
    </dialog>
  );
}
