// The POST/PUT body of `customer` exactly as it goes on the wire (seed "Request Syntax" + "Body
// Parameters"): `company` and `name` always, every other key only when it is sent. `null` is
// accepted only where a type has no empty value of its own (an id, a date, the contact person and
// its type, the template, a custom field value): a PUT sends it to clear what the server has set.
// Text is cleared with '' (the seed types it as a string). Nothing is filled in: main forwards the
// parsed body as it is, so what the sync core built is what the server receives.
import { z } from 'zod';
import { revnueDateLabels, revnueFlagLabels, revnueIdLabels, revnueTextFields } from './body';
import { fieldsFrom } from './body';
import { revnueWireContactPersonSchema } from './contact-person';
import { calendarDate, flag, id, requiredId, requiredText, text } from './fields';
import type { RevnueCustomFieldTemplate } from './lookups';
import { revnueWireTemplateSchema, revnueWireTemplateSchemaFor } from './template';

function wireShape<T extends z.ZodType>(template: T) {
  return {
    /** Required; 1 for single-company accounts (seed). */
    company: requiredId('Company'),
    name: requiredText('Name', 50),
    /** `country` is the numeric ISO 3166 code; digits are accepted and sent as a number. */
    ...fieldsFrom(revnueIdLabels, (label) => id(label).nullable().optional()),
    contact_person: revnueWireContactPersonSchema.nullable().optional(),
    ...fieldsFrom(revnueTextFields, ([label, max]) => text(label, max).optional()),
    ...fieldsFrom(revnueFlagLabels, (label) => flag(label).optional()),
    ...fieldsFrom(revnueDateLabels, (label) => calendarDate(label).nullable().optional()),
    template: template.nullable().optional(),
  };
}

/** The wire body with every seed rule except the per-type custom field checks (needs templates). */
export const revnueCustomerBodySchema = z.object(wireShape(revnueWireTemplateSchema));
export type RevnueCustomerBody = z.output<typeof revnueCustomerBodySchema>;
export type RevnueCustomerBodyInput = z.input<typeof revnueCustomerBodySchema>;

/** The wire body plus each custom field value checked against its template field's type. */
export function revnueCustomerBodySchemaFor(templates: readonly RevnueCustomFieldTemplate[]) {
  return z.object(wireShape(revnueWireTemplateSchemaFor(templates)));
}
