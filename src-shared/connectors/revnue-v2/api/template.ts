// The body's `template` part: which custom field template the customer uses and the values of
// its fields, as a LIST [{id, value}] (the response turns it into a map; see mapping.ts).
// Without the templates we can only check the shape; with them every value is checked by type.
// The record keeps only fields that have a value (an empty one is the same as none, whichever
// way the server spells it); the wire schema checks what is sent, `value: null` included.
import { z } from 'zod';
import { messages } from '../../../api/messages';
import { checkCustomFieldValue, type RevnueCustomFieldValue } from './custom-field-values';
import { id as wireId, requiredId } from './fields';
import type { RevnueCustomFieldTemplate } from './lookups';

/**
 * The editor always sends a number or text for a value and a list for the fields; anything else
 * means the form's data is damaged — said in words, since the salesperson cannot fix a type.
 */
const customFieldMessage = messages.unreadable('A custom field value');
const valueSchema = z.union([z.number(), z.string(), z.null()], { error: customFieldMessage });
const fieldIdSchema = requiredId('Custom field', 'Choose the custom field from the list');
const chooseTemplate = 'Choose a custom field template from the list';

const fieldList = <V extends z.ZodType>(value: V) =>
  z.array(
    z.object({ id: fieldIdSchema, value }, { error: messages.unreadable('A custom field') }),
    { error: messages.unreadable('The custom fields') },
  );

const templateFields = z.object(
  {
    // '' is what an editor form with "no template" chosen holds.
    id: z.union([z.number(), z.string(), z.null()], { error: chooseTemplate }).optional(),
    fields: fieldList(valueSchema.optional().transform((value) => value ?? null))
      .optional()
      .transform((fields) => fields ?? []),
  },
  { error: messages.unreadable('The custom fields') },
);

type CustomField = { id: number; value: RevnueCustomFieldValue };
type TemplateOutput = { id: number; fields: CustomField[] } | null;

/** Resolves the (possibly '') template id; a template with no id and no fields means "none". */
function resolveTemplate(
  input: z.output<typeof templateFields>,
  ctx: z.RefinementCtx,
): TemplateOutput | undefined {
  const idText = typeof input.id === 'string' ? input.id.trim() : input.id;
  if (idText === undefined || idText === null || idText === '') {
    if (input.fields.length === 0) return null;
    ctx.addIssue({
      code: 'custom',
      path: ['id'],
      message: messages.required('Custom field template'),
    });
    return undefined;
  }
  const id = typeof idText === 'string' ? (/^\d+$/.test(idText) ? Number(idText) : NaN) : idText;
  if (!Number.isSafeInteger(id) || id < 0) {
    ctx.addIssue({ code: 'custom', path: ['id'], message: chooseTemplate });
    return undefined;
  }
  return { id, fields: input.fields };
}

function checkDuplicates(fields: readonly { id: number }[], ctx: z.RefinementCtx): void {
  const seen = new Set<number>();
  fields.forEach((field, index) => {
    if (seen.has(field.id)) {
      ctx.addIssue({
        code: 'custom',
        path: ['fields', index, 'id'],
        message: 'This custom field appears twice',
      });
    }
    seen.add(field.id);
  });
}

/**
 * Each value checked against its template field's type and spelled the canonical way ("1200.00");
 * an empty value (null, '') is left as given. Undefined (with an issue) for an unknown template.
 */
function checkedFields<F extends { id: number; value: RevnueCustomFieldValue }>(
  templates: readonly RevnueCustomFieldTemplate[],
  template: { id: number; fields: readonly F[] },
  ctx: z.RefinementCtx,
): F[] | undefined {
  const definition = templates.find((candidate) => candidate.id === template.id);
  if (!definition) {
    ctx.addIssue({
      code: 'custom',
      path: ['id'],
      message: 'Unknown custom field template — refresh the lists and choose it again',
    });
    return undefined;
  }
  return template.fields.map((field, index) => {
    const fieldDefinition = definition.fields.find((candidate) => candidate.id === field.id);
    if (!fieldDefinition) {
      ctx.addIssue({
        code: 'custom',
        path: ['fields', index, 'id'],
        message: `This custom field is not part of the template “${definition.name}”`,
      });
      return field;
    }
    const check = checkCustomFieldValue(fieldDefinition.type, fieldDefinition.name, field.value);
    if (!check.ok) {
      ctx.addIssue({ code: 'custom', path: ['fields', index, 'value'], message: check.message });
      return field;
    }
    return check.value === null ? field : { ...field, value: check.value };
  });
}

/** An empty custom field is no custom field: the record keeps only those with a value. */
function withValues(template: { id: number; fields: readonly CustomField[] }): TemplateOutput {
  return { id: template.id, fields: template.fields.filter((field) => !isEmptyValue(field.value)) };
}

export function isEmptyValue(value: RevnueCustomFieldValue | undefined): boolean {
  return (
    value === null || value === undefined || (typeof value === 'string' && value.trim() === '')
  );
}

/** Record: shape-only template check (used when the templates are not at hand). */
export const revnueTemplateRefSchema = templateFields.nullish().transform((input, ctx) => {
  if (!input) return null;
  const template = resolveTemplate(input, ctx);
  if (template === undefined) return z.NEVER;
  if (template === null) return null;
  checkDuplicates(template.fields, ctx);
  return withValues(template);
});

/** Record: the template check that also validates each value against its field's type. */
export function revnueTemplateRefSchemaFor(templates: readonly RevnueCustomFieldTemplate[]) {
  return templateFields.nullish().transform((input, ctx) => {
    if (!input) return null;
    const template = resolveTemplate(input, ctx);
    if (!template) return template === null ? null : z.NEVER;
    checkDuplicates(template.fields, ctx);
    const fields = checkedFields(templates, template, ctx);
    return fields ? withValues({ id: template.id, fields }) : z.NEVER;
  });
}

const wireTemplate = z
  .object(
    {
      id: wireId('Custom field template', chooseTemplate),
      fields: fieldList(valueSchema).optional(),
    },
    { error: messages.unreadable('The custom fields') },
  )
  .superRefine((template, ctx) => checkDuplicates(template.fields ?? [], ctx));

/** Wire: `{id, fields: [{id, value}]}` as sent; `value: null` clears a value the server has. */
export const revnueWireTemplateSchema = wireTemplate;
export type RevnueWireTemplate = z.output<typeof revnueWireTemplateSchema>;

/** Wire, with each value checked against its template field's type. */
export function revnueWireTemplateSchemaFor(templates: readonly RevnueCustomFieldTemplate[]) {
  return wireTemplate.transform((template, ctx): RevnueWireTemplate => {
    const fields = checkedFields(
      templates,
      { id: template.id, fields: template.fields ?? [] },
      ctx,
    );
    if (!fields) return z.NEVER;
    return template.fields ? { id: template.id, fields } : template;
  });
}
