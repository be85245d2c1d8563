"use client";

import { useRef, useState } from "react";

/** The fields of a row that a control edits as text. */
type TextKeys<R> = { [K in keyof R]: R[K] extends string ? K : never }[keyof R] & string;

/**
 * The rows of a RowTable as React state, posted as `${list}.${index}.${field}`. The first rows
 * come keyed 0, 1, …; added rows get keys from 1000 up, so they never collide. The row just added
 * gets focus (pass `autoFocus={row.key === addedKey}` to its first control: autoFocus acts only
 * when the control mounts); removing a row puts focus on the add button, which is always there
 * when the remove buttons are.
 */
export function useRowList<R extends { key: number }>(list: string, initial: () => R[], addButtonId: string) {
  const [rows, setRows] = useState(initial);
  const [addedKey, setAddedKey] = useState<number | null>(null);
  const nextKey = useRef(1000);

  function update(key: number, patch: Partial<R>) {
    setRows((current) => current.map((row) => (row.key === key ? { ...row, ...patch } : row)));
  }

  return {
    rows,
    setRows,
    addedKey,
    /** A controlled control's name, value and onChange for one field of a row. */
    bind(row: R, index: number, field: TextKeys<R>) {
      return {
        name: `${list}.${index}.${field}`,
        value: row[field] as string,
        onChange: (event: { target: { value: string } }) =>
          update(row.key, { [field]: event.target.value } as Partial<R>),
      };
    },
    add(blank: (key: number) => R) {
      const key = nextKey.current++;
      setAddedKey(key);
      setRows((current) => [...current, blank(key)]);
    },
    remove(key: number) {
      setRows((current) => current.filter((row) => row.key !== key));
      document.getElementById(addButtonId)?.focus();
    },
  };
}
