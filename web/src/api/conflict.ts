/**
 * The "stale edit" choice. An edit is sent with If-Match (the ETag read before editing); when
 * someone else saved in between, the answer is 412. The screen then reloads the resource (their
 * fields and new ETag) and offers two ways out:
 *
 * - reload theirs: drop my unsaved changes and show their version;
 * - keep mine: re-send only the fields I changed, with their new ETag, so fields I did not touch
 *   keep their newer values.
 *
 * Pure functions over plain JSON values; the screens own the forms.
 */

export type Fields = Record<string, unknown>;

export interface StaleEdit<T extends Fields> {
  /** The fields as they were when I started editing (what my ETag named). */
  base: T;
  /** My unsaved form: the base with my edits. */
  mine: T;
  /** The server's current fields and their ETag. */
  theirs: { fields: T; etag: string };
}

export interface StaleChoice<T extends Fields> {
  /** "Reload theirs": what the form shows, and the ETag to edit from next. */
  reloadTheirs: {
    fields: T;
    etag: string;
    /** My changes that this throws away. */
    discarded: (keyof T)[];
  };
  /** "Keep mine": the request to send again, and what the form shows meanwhile. */
  keepMine: {
    /** Only the fields I changed against base, with my values. */
    patch: Partial<T>;
    /** Their new ETag, for If-Match. */
    ifMatch: string;
    /** Their fields with my changes on top: what the server will hold once the patch is saved. */
    fields: T;
    /** Fields where my value replaces a different change of theirs. */
    overwrites: (keyof T)[];
  };
  /** Fields both sides changed, to different values. */
  conflicts: (keyof T)[];
  /** True when nothing I changed was also changed by them: keeping mine loses nothing of theirs. */
  clean: boolean;
}

/** Structural equality of JSON values (objects by keys, arrays by order). */
export function jsonEqual(a: unknown, b: unknown): boolean {
  if (a === b) return true;
  if (a === null || b === null || typeof a !== 'object' || typeof b !== 'object') {
    return false;
  }
  if (Array.isArray(a) !== Array.isArray(b)) return false;
  if (Array.isArray(a) && Array.isArray(b)) {
    return a.length === b.length && a.every((item, i) => jsonEqual(item, b[i]));
  }
  const ao = a as Record<string, unknown>;
  const bo = b as Record<string, unknown>;
  const keys = new Set([...Object.keys(ao), ...Object.keys(bo)]);
  for (const key of keys) {
    if (!jsonEqual(ao[key], bo[key])) return false;
  }
  return true;
}

/** The keys whose value in `next` differs from `before` (keys of either side). */
export function changedKeys<T extends Fields>(before: T, next: T): (keyof T)[] {
  const keys = new Set<keyof T>([...Object.keys(before), ...Object.keys(next)] as (keyof T)[]);
  return [...keys].filter((key) => !jsonEqual(before[key], next[key]));
}

export function resolveStale<T extends Fields>({
  base,
  mine,
  theirs,
}: StaleEdit<T>): StaleChoice<T> {
  const myChanges = changedKeys(base, mine);
  const theirChanges = new Set(changedKeys(base, theirs.fields));

  const patch: Partial<T> = {};
  for (const key of myChanges) patch[key] = mine[key];

  const conflicts = myChanges.filter(
    (key) => theirChanges.has(key) && !jsonEqual(mine[key], theirs.fields[key]),
  );

  return {
    reloadTheirs: {
      fields: theirs.fields,
      etag: theirs.etag,
      discarded: myChanges.filter((key) => !jsonEqual(mine[key], theirs.fields[key])),
    },
    keepMine: {
      patch,
      ifMatch: theirs.etag,
      fields: { ...theirs.fields, ...patch },
      overwrites: conflicts,
    },
    conflicts,
    clean: conflicts.length === 0,
  };
}
