import "server-only";

/**
 * When a mutation happened, and the source its history rows cite when the input names none (the
 * actor is its own argument). Route handlers and server actions pass nothing: the time is now.
 * The seed passes the dates its sources give, so a seeded timeline reads as it happened.
 */
export type MutationContext = {
  /** When the change happened; defaults to now. */
  at?: Date;
  /**
   * A source known only by its title, cited by the history rows this mutation writes when the
   * input names no source URL (the seed's news reports have no URL on record).
   */
  sourceTitle?: string;
  /** Written by the seed: its revisions say so (and date from `at`), apart from an analyst's. */
  seed?: boolean;
};

export function contextTime(context: MutationContext | undefined): Date {
  return context?.at ?? new Date();
}
