/** Joins class names, skipping falsy values. (No tailwind-merge: pass non-conflicting classes.) */
export function cn(...parts: Array<string | false | null | undefined>): string {
  return parts.filter(Boolean).join(" ");
}
