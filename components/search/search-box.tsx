import { Button } from "@/components/ui/button";
import { errorId, TextInput } from "@/components/ui/field";
import { LIMITS } from "@/lib/schemas/common";

export type SearchBoxProps = {
  q: string;
  /** Kept as hidden fields, so a new query stays in the view it was typed in. */
  kind?: string;
  deleted?: boolean;
  /** Why the last query was refused, shown under the box. */
  error?: string | null;
};

/** The search page's own box: a plain GET form to /search, prefilled with the query. */
export function SearchBox({ q, kind, deleted = false, error = null }: SearchBoxProps) {
  return (
    <form action="/search" method="get" role="search" aria-label="Search" className="mb-5">
      <label htmlFor="search-q" className="mb-1 block text-sm font-medium text-slate-900">
        Search grievances, meetings, parties, venues and sources
      </label>
      <div className="flex max-w-2xl gap-2">
        <TextInput
          id="search-q"
          name="q"
          type="search"
          defaultValue={q}
          maxLength={LIMITS.query}
          autoComplete="off"
          enterKeyHint="search"
          invalid={Boolean(error)}
          className="flex-1"
        />
        {kind ? <input type="hidden" name="kind" value={kind} /> : null}
        {deleted ? <input type="hidden" name="deleted" value="1" /> : null}
        <Button type="submit" variant="primary">
          Search
        </Button>
      </div>
      {error ? (
        <p id={errorId("search-q")} className="mt-1 text-sm text-red-700">
          {error}
        </p>
      ) : null}
    </form>
  );
}
