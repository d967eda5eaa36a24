// What the store, the sync engine and (later) the UI know about a connector: ONE descriptor per
// API (docs/architecture.md#the-two-connectors). Anything that differs between Revnue v2 and R2 is
// a member here, so the code that uses a descriptor never asks which API it is talking to (no
// `kind === …` outside).
import type { z } from 'zod';
import type { DuplicateFields } from '../duplicates/fields';
import type { Connection, ConnectorKind } from '../connection';
import type { VCardContact } from '../export/vcard';
import type { Change } from '../sync/diff';
import type { MergeResult } from '../sync/merge';
import type { Choices } from '../sync/resolve';
import type { ObjectShape } from '../sync/shape';
import type { Validated } from '../sync/validate';

/** Which customers an R2 connection keeps complete (by-ID) copies of for offline use. */
export type OfflineScope = 'all' | 'mine' | 'opened';

export interface ConnectorCapabilities {
  /** The list can be asked for changes since a time (R2 `updatedsince`). */
  readonly updatedSince: boolean;
  /**
   * A complete pull lists EVERY customer, so one missing from it was deleted on the server
   * (Revnue). R2's list never shows "Created in CRM" records: missing there proves nothing.
   */
  readonly listingIsComplete: boolean;
  /** List rows lack fields the by-ID record has, so full records are fetched in a second tier. */
  readonly summariesInList: boolean;
  /** The offline scopes the connection may choose from ('all' first = the default). */
  readonly offlineScopes: readonly OfflineScope[];
}

export interface RateLimitDefaults {
  /** How many records the engine pushes at once; main's pacer still spaces the requests. */
  readonly parallelPushes: number;
}

/** A column of the customer list: a label and how to read it from a record. */
export interface ListColumn<T> {
  readonly id: string;
  readonly label: string;
  /**
   * The cell text; `lookups` turn ids into names (Revnue country 276 → "Germany"). Method syntax
   * on purpose: it lets a ConnectorDescriptor<R2CustomerRecord> stand in for <unknown>.
   */
  value(record: T, lookups: ConnectorLookups): string;
  /**
   * A column of stored dates (`yyyy-MM-dd`) or date-times (`yyyy-MM-ddTHH:mm`): `value` gives the
   * stored text (it sorts as the calendar does) and the list shows it in the regional format.
   */
  readonly format?: 'date' | 'datetime';
}

/** A filter of the customer list (R2 status, category, phase; Revnue category). */
export interface ListFacet<T> {
  readonly id: string;
  /** The filter's label ("Category"); its choices are the values the customers have. */
  readonly label: string;
  /** The record's value in words ('' when it has none). */
  value(record: T, lookups: ConnectorLookups): string;
}

/** What the customer list's search finds a record by, and what it filters by. */
export interface ListSearch<T> {
  /** Name, ids, city, contact names, emails: matched as words. */
  text(record: T, lookups: ConnectorLookups): readonly string[];
  /** Phone numbers: matched by their digits, so "0171 234" finds "+49 171 234…". */
  phones(record: T): readonly string[];
  readonly facets: readonly ListFacet<T>[];
}

/** What kind of input the editor shows for a field. */
export type EditorInput =
  | 'text'
  | 'email'
  | 'tel'
  | 'url'
  | 'number'
  | 'money'
  | 'date'
  | 'datetime'
  | 'checkbox'
  | 'select'
  | 'textarea';

/** One field of the editor, by its path in the record and its label ("Company name"). */
export interface EditorField {
  readonly path: string;
  readonly label: string;
  readonly input: EditorInput;
  readonly required?: boolean;
  readonly maxLength?: number;
  /** Values of a select (enums), or the lookup it is filled from (`lookup:categories`). */
  readonly options?: readonly string[] | `lookup:${string}`;
  /** How the select shows each of `options` when the wire value is not for people (Revnue contact types). */
  readonly optionLabels?: Readonly<Record<string, string>>;
  readonly readOnly?: boolean;
  /**
   * A rule the server checks across customers that the editor can check offline against the
   * store (Revnue: the name is unique per account; R2: a customer ID is). `key` gives the value's
   * comparable form ('' = nothing to check: an empty value clashes with nothing).
   */
  readonly uniqueAmongCustomers?: UniqueRule;
  /** Changing this field empties another one (path relative to the same item): Revnue's template id resets its values. */
  readonly resets?: string;
}

/** See EditorField.uniqueAmongCustomers. Method syntax: lets <R2 record> stand in for <unknown>. */
export interface UniqueRule {
  key(record: unknown): string;
  message(record: unknown): string;
}

/**
 * One item of a repeat section whose items are fixed by a lookup (Revnue: a custom field of the
 * chosen template): which item it is, and how its value is labelled, typed and stored.
 */
export interface FixedItem {
  /** The item's identity key and id in the list (`{id: 7}`). */
  readonly identity: { readonly key: string; readonly id: string | number };
  readonly label: string;
  readonly input: EditorInput;
  /** Money kept as a decimal string ("1234.50") instead of a number (Revnue: 17 significant digits). */
  readonly valueAs?: 'number' | 'string';
  readonly maxLength?: number;
}

export interface EditorSection {
  readonly id: string;
  readonly label: string;
  readonly fields: readonly EditorField[];
  /**
   * A repeatable group (R2 contacts): the path of the list its items live in, relative to the
   * enclosing section's item (or the record); its fields' paths are relative to one item.
   */
  readonly repeat?: string;
  /** Sub-sections, e.g. inside each contact its billing address and its custom fields. */
  readonly sections?: readonly EditorSection[];
  /**
   * A block that may be "the same as" another (R2 billing / shipping address = address): the path
   * of that other block, relative to the same item. The editor offers "Same as …" and copies it.
   */
  readonly sameAs?: { readonly path: string; readonly label: string };
  /** The server's audit fields (created / updated): shown read-only, never edited. */
  readonly audit?: boolean;
  /**
   * The section is one postal address and its fields are its parts in writing order (street …
   * country): the editor offers "Open in maps" for it (src-shared/net/maps-link.ts).
   */
  readonly postalAddress?: boolean;
  /**
   * For a repeat: its items come from a lookup instead of "Add" (Revnue custom fields: one per
   * field of the chosen template). The value field (`valueField`) takes each item's label and input.
   * Method syntax: lets a descriptor of a concrete record stand in for <unknown>.
   */
  fixedItems?(record: unknown, lookups: ConnectorLookups): readonly FixedItem[];
  /** With fixedItems: the path (in the item) of the value the item's label and input apply to. */
  readonly valueField?: string;
  /** For a repeat with "Add": the noun of one item ("contact", "custom field"). */
  readonly itemNoun?: string;
}

/** The words a salesperson sees for this API's sync situations. */
export interface ConnectorWording {
  /** "Revnue API v2", "Unibiz R2". */
  readonly apiName: string;
  /** e.g. "A customer named “Acme” already exists in Revnue." for a natural-key clash. */
  readonly duplicateName: (name: string) => string;
  readonly deletedOnServer: string;
}

export interface ConnectorDescriptor<T> {
  readonly kind: ConnectorKind;
  readonly capabilities: ConnectorCapabilities;
  readonly rateLimit: RateLimitDefaults;
  /** The sync core's shape of the local record (keys typed by the record). */
  readonly shape: ObjectShape;
  /** The local record's schema: what the editor and the store accept. */
  readonly recordSchema: z.ZodType<T>;
  readonly listColumns: readonly ListColumn<T>[];
  /** Search and filters of the list; without it the list searches the display name only. */
  readonly listSearch?: ListSearch<T>;
  readonly editor: readonly EditorSection[];
  /**
   * Fields "Edit selected" may set to one value for many customers at once: paths of top-level
   * editor fields (their label, input and options come from the editor's field). None: no bulk edit.
   */
  readonly bulkEditable?: readonly string[];
  readonly wording: ConnectorWording;

  /** The natural key (Revnue: normalized name; R2: customerid, else normalized company name). */
  naturalKey(record: T): string;
  /** The name shown for a record in lists, the Changes view and messages. */
  displayName(record: T): string;
  /**
   * What the duplicate warning compares (name, customer number, phones, emails, web address,
   * street and city). Called on drafts too, so it tolerates fields a draft does not have yet.
   */
  duplicateFields(record: T): DuplicateFields;
  /** Every nested item gets its client identity (R2 contacts' `localKey`); call before storing. */
  prepareForStore(record: T): T;
  /**
   * The editor's draft in the record's canonical form, so "nothing changed" compares equal: Revnue
   * spells ids as numbers and an empty contact as null (its schema's output); R2 drops what is empty.
   * A draft the schema still refuses comes back as it is.
   */
  normalizeDraft(record: T, lookups: ConnectorLookups): T;
  /** A new record for the editor (Revnue: in the connection's company; 1 without one). */
  emptyRecord(connection?: Connection): T;
  /** Validation against the record schema (and the lookups, e.g. Revnue custom-field types). */
  validate(record: T, lookups: ConnectorLookups): Validated<T>;
  /** Conflict resolution against the record schema (sync core's resolveR2/resolveRevnue). */
  resolve(
    result: MergeResult<T>,
    choices: Choices,
    lookups: ConnectorLookups,
  ): Validated<MergeResult<T>>;
  /**
   * After a create: the client item identities (R2 contact localKey) the server answered with an
   * id, as path renames, so edits queued while the create was in flight still name their items:
   * `contacts[localKey=local-1]` → `contacts[recordid=C-9]`. Revnue has none: [].
   */
  itemRenames(sent: T, created: T): readonly PathRename[];
  /**
   * What the list shows of a full record, in the same shape a pulled summary has (R2: the list's
   * columns; Revnue: the record itself — its list is complete). The store compares a pulled summary
   * with this to tell "unchanged since the full copy" (keep it) from "changed" (fetch again).
   */
  summaryOf(record: T): T;
  /** A record to create again after it was deleted on the server: server ids stripped. */
  forRecreate(record: T): T;
  /** The export's vCards: one per contact person, else one of the company (<kind>/contact-cards.ts). */
  contactCards(record: T, lookups: ConnectorLookups): readonly VCardContact[];
}

export interface PathRename {
  readonly from: string;
  readonly to: string;
}

/** Cached lookup lists by name (Revnue: companies, categories, countries, templates; R2: none). */
export type ConnectorLookups = Readonly<Record<string, unknown>>;

/** Applies item renames to queued changes (see ConnectorDescriptor.itemRenames). */
export type RenameChanges = (
  changes: readonly Change[],
  renames: readonly PathRename[],
) => Change[];
