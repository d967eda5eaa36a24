// The salesperson's side of the run: each planned operation typed into the lab page until its save
// is confirmed. After a kill, what was not confirmed is typed again — but a person looks at the
// list first, so a create that did reach the disk before the crash is not typed twice.
import type { LabRow, LabRowRef } from '../sync-lab/lab-api';
import type { ConnectorProfile, ProfileId } from './connector-profiles';
import { refKey, type ExpectedState, type RecordRef } from './expected-state';
import { LabCrash, type LabSession } from './lab-session';
import type { PlannedOp } from './workload';

export interface Salesperson {
  type(op: PlannedOp): Promise<void>;
  /** The row of a record the run knows (null: not in the local store, e.g. not pulled yet). */
  row(profile: ProfileId, ref: RecordRef): Promise<LabRow | null>;
  /** Every (record, path) edited since the last call, with the value saved last. */
  takeRecentEdits(): { profile: ProfileId; ref: RecordRef; path: string; value: unknown }[];
  /** Records whose row has been seen with a server id, by profile. */
  readonly knownServerIds: Map<string, string>;
}

export function createSalesperson(deps: {
  session: LabSession;
  connectionIds: Readonly<Record<ProfileId, string>>;
  profiles: Readonly<Record<ProfileId, ConnectorProfile>>;
  expected: ExpectedState;
  log: (line: string) => void;
}): Salesperson {
  const { session, connectionIds, profiles, expected, log } = deps;
  const lastKeys = new Map<string, string>();
  const knownServerIds = new Map<string, string>();
  let recent = new Map<
    string,
    { profile: ProfileId; ref: RecordRef; path: string; value: unknown }
  >();

  const rowRef = (profile: ProfileId, ref: RecordRef): LabRowRef => {
    if ('demo' in ref) return { key: ref.demo };
    const key = lastKeys.get(refKey(profile, ref));
    return {
      ...(key ? { key } : {}),
      naturalFields: { [profiles[profile].nameField]: ref.created },
    };
  };
  const remember = (profile: ProfileId, ref: RecordRef, row: LabRow) => {
    lastKeys.set(refKey(profile, ref), row.key);
    if (row.serverId) knownServerIds.set(refKey(profile, ref), row.serverId);
  };

  async function create(op: Extract<PlannedOp, { kind: 'create' }>) {
    const connectionId = connectionIds[op.profile];
    const ref = { created: op.name };
    for (;;) {
      try {
        remember(op.profile, ref, await session.call('createCustomer', connectionId, op.fields));
        break;
      } catch (error) {
        if (!(error instanceof LabCrash)) throw error;
        const seen = await session.retrying('findRow', connectionId, rowRef(op.profile, ref));
        if (seen) {
          log(
            `op ${op.index}: the create of “${op.name}” was on disk though unconfirmed; not typed again`,
          );
          remember(op.profile, ref, seen);
          break;
        }
        log(`op ${op.index}: create of “${op.name}” cut off by a kill; typing it again`);
      }
    }
    expected.confirmCreate(op.profile, op.name, op.fields, profiles[op.profile].localPaths);
  }

  async function update(op: Extract<PlannedOp, { kind: 'update' }>) {
    const connectionId = connectionIds[op.profile];
    for (;;) {
      try {
        const row = await session.call(
          'editCustomer',
          connectionId,
          rowRef(op.profile, op.ref),
          op.edits,
        );
        remember(op.profile, op.ref, row);
        break;
      } catch (error) {
        if (!(error instanceof LabCrash)) throw error;
        log(`op ${op.index}: edit cut off by a kill; typing it again`);
      }
    }
    for (const edit of op.edits) {
      expected.confirmEdit(op.profile, op.ref, edit.path, edit.value);
      recent.set(`${refKey(op.profile, op.ref)}|${edit.path}`, {
        profile: op.profile,
        ref: op.ref,
        ...edit,
      });
    }
  }

  return {
    knownServerIds,
    async type(op) {
      if (op.kind === 'create') await create(op);
      else await update(op);
      expected.ops += 1;
    },
    async row(profile, ref) {
      const row = await session.retrying('findRow', connectionIds[profile], rowRef(profile, ref));
      if (row) remember(profile, ref, row);
      return row;
    },
    takeRecentEdits() {
      const edits = [...recent.values()];
      recent = new Map();
      return edits;
    },
  };
}
