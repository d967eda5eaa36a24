// After an R2 create: which server `recordid` each new contact (sent with a client `localKey`)
// received, as path renames for the edits queued meanwhile (see renameChangePaths).
import type { R2CustomerRecord } from './api';
import { pathFromSegments } from '../../sync/field-path';
import type { PathRename } from '../descriptor';

const contactPath = (key: 'localKey' | 'recordid', id: string) =>
  pathFromSegments(['contacts', { key, id }]);

/**
 * R2 answers a create with every contact it now holds, in the order they were sent, each with a
 * new `recordid`; nothing else ties an answered contact to the one we sent. So the contacts sent
 * with a localKey are paired, by position, with the answered contacts whose recordid we did not
 * send. When the two counts differ the server dropped or added a contact and position proves
 * nothing: no renames then (a queued edit of such a contact then shows up as its own change,
 * visibly, instead of landing on somebody else's contact).
 */
export function r2ItemRenames(sent: R2CustomerRecord, created: R2CustomerRecord): PathRename[] {
  const sentIds = new Set((sent.contacts ?? []).map((contact) => contact.recordid));
  const newKeys = (sent.contacts ?? []).flatMap((contact) =>
    contact.recordid === undefined && contact.localKey !== undefined ? [contact.localKey] : [],
  );
  const newIds = (created.contacts ?? []).flatMap((contact) =>
    contact.recordid !== undefined && !sentIds.has(contact.recordid) ? [contact.recordid] : [],
  );
  if (newKeys.length !== newIds.length) return [];
  return newKeys.map((localKey, index) => ({
    from: contactPath('localKey', localKey),
    to: contactPath('recordid', newIds[index] as string),
  }));
}
