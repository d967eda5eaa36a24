// The Revnue v2 customer (local record, ./api) as the sync core sees it: flat
// fields, one contact_person block, custom-field values matched by field id (within one template;
// a template switch is one change of the whole `template`).
import type { RevnueCustomerRecord } from './api/body';
import type { RevnueContactPerson } from './api/contact-person';
import { listShape, objectShape, objectShapeOf, type ObjectShape } from '../../sync/shape';

type RevnueTemplateBlock = NonNullable<RevnueCustomerRecord['template']>;

// Typed by the record (objectShapeOf): a misspelt field or label does not compile.
export const revnueShape: ObjectShape = objectShapeOf<RevnueCustomerRecord>()(
  {
    contact_person: objectShapeOf<RevnueContactPerson>()(
      {},
      { labels: { name: 'Name', email: 'Email', type: 'Type' } },
    ),
    template: objectShapeOf<RevnueTemplateBlock>()(
      {
        fields: listShape(['id'], objectShape({}), { itemNoun: 'Custom field' }),
      },
      {
        labels: { id: 'Template', fields: 'Custom fields' },
        // The values belong to the template: another template means another set of fields, so a
        // switch is one change of the whole block, never a mix of two templates' fields.
        replaceWhenChanged: ['id'],
      },
    ),
  },
  {
    // The server id travels in the URL; it never changes between versions of a record.
    readOnly: ['id'],
    labels: {
      name: 'Name',
      contact_person: 'Contact person',
      template: 'Custom fields',
      zip_postal_code: 'ZIP/postal code',
      state_province: 'State/province',
      nda_signed: 'NDA signed',
      nda_signed_date: 'NDA signed date',
      msa_signed: 'MSA signed',
      msa_signed_date: 'MSA signed date',
    },
  },
);
