// Revnue's cached lookup lists (companies, categories, countries, custom field templates), read
// from the store's untyped lookups with their schemas. The list renders 100,000 rows with these,
// so each list is parsed once per value the store hands out, not once per cell.
import { z } from 'zod';
import {
  revnueCategorySchema,
  revnueCompanySchema,
  revnueCountrySchema,
  revnueCustomFieldTemplateSchema,
  revnueRecordSchema,
  revnueRecordSchemaFor,
  type RevnueCustomFieldTemplate,
} from './api';
import type { ConnectorLookups } from '../descriptor';

/** The lookup names `fetchLookups` answers with and the store keeps. */
export const revnueLookupSchemas = {
  companies: z.array(revnueCompanySchema),
  categories: z.array(revnueCategorySchema),
  countries: z.array(revnueCountrySchema),
  templates: z.array(revnueCustomFieldTemplateSchema),
} as const;
export type RevnueLookupName = keyof typeof revnueLookupSchemas;
export type RevnueLookups = {
  [K in RevnueLookupName]: z.output<(typeof revnueLookupSchemas)[K]>;
};

const parsedLists = new WeakMap<object, unknown[] | null>();

/** The named list, or undefined when it was never fetched or is not what its schema says. */
export function revnueLookup<K extends RevnueLookupName>(
  lookups: ConnectorLookups,
  name: K,
): RevnueLookups[K] | undefined {
  const value = lookups[name];
  if (typeof value !== 'object' || value === null) return undefined;
  let parsed = parsedLists.get(value);
  if (parsed === undefined) {
    const result = revnueLookupSchemas[name].safeParse(value);
    parsed = result.success ? result.data : null;
    parsedLists.set(value, parsed);
  }
  return (parsed ?? undefined) as RevnueLookups[K] | undefined;
}

const namesById = new WeakMap<object, Map<number, string>>();

/** The name of lookup item `id` ("Germany" for country 276), or '' when unknown. */
export function revnueNameOf(
  lookups: ConnectorLookups,
  name: 'companies' | 'categories' | 'countries',
  id: number | null | undefined,
): string {
  if (id === null || id === undefined) return '';
  const list = revnueLookup(lookups, name);
  if (!list) return String(id);
  let names = namesById.get(list);
  if (!names) {
    names = new Map(list.map((item) => [item.id, item.name]));
    namesById.set(list, names);
  }
  return names.get(id) ?? String(id);
}

const schemasFor = new WeakMap<readonly RevnueCustomFieldTemplate[], typeof revnueRecordSchema>();

/** The record schema that also checks custom field values by type, when templates are known. */
export function revnueRecordSchemaWith(lookups: ConnectorLookups) {
  const templates = revnueLookup(lookups, 'templates');
  if (!templates) return revnueRecordSchema;
  let schema = schemasFor.get(templates);
  if (!schema) {
    schema = revnueRecordSchemaFor(templates);
    schemasFor.set(templates, schema);
  }
  return schema;
}
