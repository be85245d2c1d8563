// Query and mutation keys, defined once (TanStack's key-factory pattern). Add keys for your own
// domain beside these; never hand-write a key array in a component.

export const grievanceKeys = {
  all: ["grievances"] as const,
  details: () => [...grievanceKeys.all, "detail"] as const,
  detail: (id: string) => [...grievanceKeys.details(), id] as const,
  /** Its status and version alone (pickers); invalidating the detail invalidates this too. */
  standing: (id: string) => [...grievanceKeys.detail(id), "standing"] as const,
};

export const grievanceMutationKeys = {
  /**
   * The change-status mutation of one grievance. Components other than the one that runs the
   * mutation read its pending variables through `useMutationState` with this key (the optimistic
   * badge and timeline entry).
   */
  changeStatus: (id: string) => [...grievanceKeys.detail(id), "change-status"] as const,
};
