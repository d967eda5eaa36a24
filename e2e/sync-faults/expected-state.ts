// What the server must hold at the end, built only from CONFIRMED events: creates and edits whose
// save promise resolved, colleague edits the server acknowledged, and conflicts the page flagged.
import type { ProfileId } from './connector-profiles';

/** A record as the run knows it: by the unique name it created it with, or by a demo server id. */
export type RecordRef = { readonly created: string } | { readonly demo: string };

export const refKey = (profile: ProfileId, ref: RecordRef) =>
  `${profile}:${'created' in ref ? `name:${ref.created}` : `id:${ref.demo}`}`;

export interface SameFieldEdit {
  readonly profile: ProfileId;
  readonly ref: RecordRef;
  readonly serverId: string;
  readonly path: string;
  readonly colleagueValue: unknown;
  flagged: boolean;
}

export class ExpectedState {
  readonly created = new Map<ProfileId, Set<string>>();
  /** refKey → path → the last value the salesperson saved (or chose in a conflict). */
  readonly localValues = new Map<string, Map<string, unknown>>();
  /** refKey → path → the colleague's last value on a colleague-only path. */
  readonly colleagueValues = new Map<string, Map<string, unknown>>();
  readonly sameField: SameFieldEdit[] = [];
  /** `refKey|path` of every conflict the page flagged, intended or not. */
  readonly flagged = new Set<string>();
  readonly refs = new Map<string, { profile: ProfileId; ref: RecordRef }>();
  unexpectedConflicts = 0;
  ops = 0;

  confirmCreate(
    profile: ProfileId,
    name: string,
    fields: Record<string, unknown>,
    paths: readonly string[],
  ) {
    const names = this.created.get(profile) ?? new Set<string>();
    names.add(name);
    this.created.set(profile, names);
    const ref = { created: name };
    for (const path of paths) {
      const value = path
        .split('.')
        .reduce<unknown>(
          (node, key) => (node as Record<string, unknown> | undefined)?.[key],
          fields,
        );
      if (value !== undefined) this.#set(this.localValues, profile, ref, path, value);
    }
  }

  confirmEdit(profile: ProfileId, ref: RecordRef, path: string, value: unknown) {
    this.#set(this.localValues, profile, ref, path, value);
  }

  confirmColleague(profile: ProfileId, ref: RecordRef, path: string, value: unknown) {
    this.#set(this.colleagueValues, profile, ref, path, value);
  }

  /** After "theirs" was chosen for a conflict: the colleague's value is now the expected one. */
  choseTheirs(profile: ProfileId, ref: RecordRef, path: string, value: unknown) {
    this.#set(this.localValues, profile, ref, path, value);
  }

  #set(
    map: Map<string, Map<string, unknown>>,
    profile: ProfileId,
    ref: RecordRef,
    path: string,
    value: unknown,
  ) {
    const key = refKey(profile, ref);
    this.refs.set(key, { profile, ref });
    const values = map.get(key) ?? new Map<string, unknown>();
    values.set(path, value);
    map.set(key, values);
  }
}
