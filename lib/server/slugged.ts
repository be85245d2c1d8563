import "server-only";
import type { z } from "zod";
import { AppError, validationFailed } from "@/lib/errors";
import { slugify } from "@/lib/schemas/common";
import type { Actor } from "./authz";
import type { MutationContext } from "./context";
import type { Tx } from "./db";
import { mutate } from "./mutation";
import { recordCreated, type RevisionSpec } from "./revisions";

/** A record that URLs name by a slug (parties, venues), and how to make one. */
export type SluggedKind<S extends z.ZodType<{ slug?: string }>, T extends { id: string }> = {
  /** The record's name in messages: "A party with the slug … exists". */
  noun: string;
  schema: S;
  /** The text the slug is made from when the input gives none. */
  slugFrom: (data: z.output<S>) => string;
  /** What to say when that text has no letters to make a slug from. */
  noLetters: string;
  insert: (tx: Tx, data: z.output<S>, slug: string) => Promise<T>;
  /** The create revision written with it. */
  revisions: RevisionSpec;
};

/**
 * Creates a slugged record. The slug's unique index is the only check: under a race on
 * PostgreSQL a look-before-insert lets both writers through, the index lets one, and the other
 * gets the same VALIDATION_FAILED a taken slug always gives (on the field the slug came from).
 */
export function createSlugged<S extends z.ZodType<{ slug?: string }>, T extends { id: string }>(
  actor: Actor | null,
  input: unknown,
  kind: SluggedKind<S, T>,
  context: MutationContext = {},
): Promise<T> {
  const slugOf = (data: z.output<S>) => data.slug ?? slugify(kind.slugFrom(data));
  const taken = (data: z.output<S>) => {
    const message = `A ${kind.noun} with the slug "${slugOf(data)}" exists`;
    return new AppError("VALIDATION_FAILED", `slug: ${message}`, {
      issues: [{ path: data.slug ? "slug" : "name", message }],
    });
  };
  return mutate(
    actor,
    { permission: "write", schema: kind.schema, input, unique: { slug: taken }, context },
    async (tx, data, who) => {
      const slug = slugOf(data);
      if (!slug) throw validationFailed([{ path: "slug", message: kind.noLetters }]);
      const record = await kind.insert(tx, data, slug);
      await recordCreated(tx, kind.revisions, record.id, who);
      return record;
    },
  );
}
