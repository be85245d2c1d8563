// Heads of delegation are recorded as one line with the title and the sources that name them,
// e.g. "Sonata Coulter, Deputy Assistant Secretary of State (State Department readout …)".
// Reading them split into name, title and sources keeps long entries scannable.

export type HeadOfDelegation = {
  name: string;
  /** What follows the first comma: the post, as reported. */
  title: string | null;
  /** A trailing parenthesis: who reported it. */
  sources: string | null;
};

/** The index of the "(" that opens a parenthesis closing at the end of the text, or -1. */
function trailingParenStart(text: string): number {
  if (!text.endsWith(")")) return -1;
  let depth = 0;
  for (let i = text.length - 1; i >= 0; i--) {
    const ch = text[i];
    if (ch === ")") depth++;
    else if (ch === "(") {
      depth--;
      if (depth === 0) return i;
    }
  }
  return -1;
}

export function parseHeadOfDelegation(raw: string): HeadOfDelegation {
  let rest = raw.trim().replace(/\s+/g, " ");
  let sources: string | null = null;
  const open = trailingParenStart(rest);
  // A text that is all parenthesis is not a name with sources; keep it whole.
  if (open > 0) {
    sources = rest.slice(open + 1, -1).trim() || null;
    rest = rest.slice(0, open).trim();
  }
  const comma = rest.indexOf(",");
  if (comma > 0) {
    return { name: rest.slice(0, comma).trim(), title: rest.slice(comma + 1).trim() || null, sources };
  }
  return { name: rest, title: null, sources };
}
