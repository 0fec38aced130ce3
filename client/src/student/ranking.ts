// Pure list edits for the ballot.

/** The list with id inserted at index (clamped). */
export function addAt(list: string[], id: string, index: number): string[] {
  const at = Math.max(0, Math.min(index, list.length));
  return [...list.slice(0, at), id, ...list.slice(at)];
}

/** The list with id moved by `by` places, or the same list when it can't move. */
export function move(list: string[], id: string, by: number): string[] {
  const from = list.indexOf(id);
  const to = from + by;
  if (from < 0 || to < 0 || to >= list.length) return list;
  const next = list.filter((x) => x !== id);
  next.splice(to, 0, id);
  return next;
}

/** A label short enough for a button's accessible name. */
export function short(label: string): string {
  return label.length > 60 ? `${label.slice(0, 57)}…` : label;
}
