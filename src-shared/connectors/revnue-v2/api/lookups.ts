// The lookup lists the editor needs offline (List Company / Category / Country / Custom Field
// Template). The seed only names these APIs; these shapes are our convention and the sandbox
// serves exactly them.
import { z } from 'zod';

export const revnueTemplateFieldTypes = ['money', 'number', 'date', 'text'] as const;
export const revnueTemplateFieldTypeSchema = z.enum(revnueTemplateFieldTypes);
export type RevnueTemplateFieldType = z.infer<typeof revnueTemplateFieldTypeSchema>;

const lookupId = z.number().int().nonnegative();

export const revnueCompanySchema = z.object({ id: lookupId, name: z.string() });
export type RevnueCompany = z.infer<typeof revnueCompanySchema>;

export const revnueCategorySchema = z.object({ id: lookupId, name: z.string() });
export type RevnueCategory = z.infer<typeof revnueCategorySchema>;

/** `id` is the numeric ISO 3166-1 code (276 = Germany) — what the request's `country` carries. */
export const revnueCountrySchema = z.object({ id: lookupId, name: z.string() });
export type RevnueCountry = z.infer<typeof revnueCountrySchema>;

export const revnueTemplateFieldSchema = z.object({
  id: lookupId,
  name: z.string(),
  type: revnueTemplateFieldTypeSchema,
});
export type RevnueTemplateField = z.infer<typeof revnueTemplateFieldSchema>;

export const revnueCustomFieldTemplateSchema = z.object({
  id: lookupId,
  name: z.string(),
  fields: z.array(revnueTemplateFieldSchema),
});
export type RevnueCustomFieldTemplate = z.infer<typeof revnueCustomFieldTemplateSchema>;
