// The body's `template` part: which custom field template the customer uses and the values of
// its fields, as a LIST [{id, value}] (the response turns it into a map; see mapping.ts).
// Without the templates we can only check the shape; with them every value is checked by type.
import { z } from 'zod';
import { messages } from '../messages';
import { checkCustomFieldValue, type RevnueCustomFieldValue } from './custom-field-values';
import { requiredId } from './fields';
import type { RevnueCustomFieldTemplate } from './lookups';

/**
 * The editor always sends a number or text for a value and a list for the fields; anything else
 * means the form's data is damaged — said in words, since the salesperson cannot fix a type.
 */
const customFieldMessage = messages.unreadable('A custom field value');
const fieldValue = z
  .union([z.number(), z.string(), z.null()], {
    error: customFieldMessage,
  })
  .optional()
  .transform((value): RevnueCustomFieldValue => value ?? null);

const templateFields = z.object(
  {
    // '' is what an editor form with "no template" chosen holds.
    id: z
      .union([z.number(), z.string(), z.null()], {
        error: 'Choose a custom field template from the list',
      })
      .optional(),
    fields: z
      .array(
        z.object(
          {
            id: requiredId('Custom field', 'Choose the custom field from the list'),
            value: fieldValue,
          },
          { error: messages.unreadable('A custom field') },
        ),
        { error: messages.unreadable('The custom fields') },
      )
      .optional()
      .transform((fields) => fields ?? []),
  },
  { error: messages.unreadable('The custom fields') },
);

type TemplateOutput = {
  id: number;
  fields: { id: number; value: RevnueCustomFieldValue }[];
} | null;

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
    ctx.addIssue({
      code: 'custom',
      path: ['id'],
      message: 'Choose a custom field template from the list',
    });
    return undefined;
  }
  return { id, fields: input.fields };
}

function checkDuplicates(fields: { id: number }[], ctx: z.RefinementCtx): void {
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

/** Shape-only template check (used when the templates are not at hand, e.g. by the IPC layer). */
export const revnueTemplateRefSchema = templateFields.nullish().transform((input, ctx) => {
  if (!input) return null;
  const template = resolveTemplate(input, ctx);
  if (template) checkDuplicates(template.fields, ctx);
  return template === undefined ? z.NEVER : template;
});

/** Template check that also validates each value against its template field's type. */
export function revnueTemplateRefSchemaFor(templates: readonly RevnueCustomFieldTemplate[]) {
  return templateFields.nullish().transform((input, ctx) => {
    if (!input) return null;
    const template = resolveTemplate(input, ctx);
    if (!template) return template === null ? null : z.NEVER;
    const definition = templates.find((candidate) => candidate.id === template.id);
    if (!definition) {
      ctx.addIssue({
        code: 'custom',
        path: ['id'],
        message: 'Unknown custom field template — refresh the lists and choose it again',
      });
      return z.NEVER;
    }
    checkDuplicates(template.fields, ctx);
    const fields = template.fields.map((field, index) => {
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
      if (check.ok) return { id: field.id, value: check.value };
      ctx.addIssue({ code: 'custom', path: ['fields', index, 'value'], message: check.message });
      return field;
    });
    return { id: template.id, fields };
  });
}
