// The customer's contact person. The seed's one cross-field rule lives here: name and email are
// each required once the other is given. Both empty (and no type) means "no contact person".
import { z } from 'zod';
import { emailPattern, messages } from '../../../api/messages';
import { optionalText, text } from './fields';

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

/** Name and email are each required once the other is given (both '' = neither given). */
function checkNameAndEmail(contact: { name?: string; email?: string }, ctx: z.RefinementCtx) {
  const name = contact.name ?? '';
  const email = contact.email ?? '';
  if (email !== '' && name === '') {
    ctx.addIssue({
      code: 'custom',
      path: ['name'],
      message: 'Contact name is required when an email is given',
    });
  }
  if (name !== '' && email === '') {
    ctx.addIssue({
      code: 'custom',
      path: ['email'],
      message: 'Contact email is required when a name is given',
    });
  }
}

const isEmail = (email: string) => email === '' || emailPattern.test(email);

const contactFields = z
  .object(
    {
      name: optionalText('Contact name', 50),
      email: optionalText('Email', 254).refine(isEmail, messages.email),
      // '' is what an unset <select> gives; it means "no type".
      type: z
        .union([z.literal(''), revnueContactTypeSchema], { error: contactTypeMessage })
        .nullish()
        .transform((type) => (type ? type : undefined)),
    },
    { error: messages.unreadable('The contact person') },
  )
  .superRefine(checkNameAndEmail);

export const revnueContactPersonSchema = contactFields
  .nullish()
  .transform((contact) =>
    !contact || (contact.name === '' && contact.email === '' && !contact.type) ? null : contact,
  );
export type RevnueContactPerson = NonNullable<z.output<typeof revnueContactPersonSchema>>;

/**
 * The contact person as sent: the seed's keys, each only when set; `type: null` only clears a type
 * the server has (see `revnuePutBody`).
 */
export const revnueWireContactPersonSchema = z
  .object(
    {
      name: text('Contact name', 50).optional(),
      email: text('Email', 254).refine(isEmail, messages.email).optional(),
      type: revnueContactTypeSchema.nullable().optional(),
    },
    { error: messages.unreadable('The contact person') },
  )
  .superRefine(checkNameAndEmail);
export type RevnueWireContactPerson = z.output<typeof revnueWireContactPersonSchema>;
