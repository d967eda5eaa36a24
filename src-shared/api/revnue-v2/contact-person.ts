// The customer's contact person. The seed's one cross-field rule lives here: name and email are
// each required once the other is given. Both empty (and no type) means "no contact person".
import { z } from 'zod';
import { emailPattern, messages } from '../messages';
import { optionalText } from './fields';

export const revnueContactTypes = [
  'account_management',
  'billing',
  'executive',
  'sales',
  'support',
  'technical',
] as const;
/** How the editor names each wire value (the wire values stay as the seed spells them). */
export const revnueContactTypeLabels: Readonly<
  Record<(typeof revnueContactTypes)[number], string>
> = {
  account_management: 'Account management',
  billing: 'Billing',
  executive: 'Executive',
  sales: 'Sales',
  support: 'Support',
  technical: 'Technical',
};
const contactTypeMessage = messages.choose(
  'Contact type',
  revnueContactTypes.map((type) => revnueContactTypeLabels[type]),
);

export const revnueContactTypeSchema = z.enum(revnueContactTypes, { error: contactTypeMessage });
export type RevnueContactType = z.infer<typeof revnueContactTypeSchema>;

const contactFields = z
  .object(
    {
      name: optionalText('Contact name', 50),
      email: optionalText('Contact email', 254).refine(
        (email) => email === '' || emailPattern.test(email),
        messages.email,
      ),
      // '' is what an unset <select> gives; it means "no type".
      type: z
        .union([z.literal(''), revnueContactTypeSchema], { error: contactTypeMessage })
        .nullish()
        .transform((type) => (type ? type : undefined)),
    },
    { error: messages.unreadable('The contact person') },
  )
  .superRefine((contact, ctx) => {
    if (contact.email !== '' && contact.name === '') {
      ctx.addIssue({
        code: 'custom',
        path: ['name'],
        message: 'Contact name is required when an email is given',
      });
    }
    if (contact.name !== '' && contact.email === '') {
      ctx.addIssue({
        code: 'custom',
        path: ['email'],
        message: 'Contact email is required when a name is given',
      });
    }
  });

export const revnueContactPersonSchema = contactFields
  .nullish()
  .transform((contact) =>
    !contact || (contact.name === '' && contact.email === '' && !contact.type) ? null : contact,
  );
export type RevnueContactPerson = NonNullable<z.output<typeof revnueContactPersonSchema>>;
