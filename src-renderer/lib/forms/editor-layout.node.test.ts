// The layout reads of the form engine on both real descriptors: record-level unique fields, a
// blank custom field, and "Same as" boxes ticked only where the blocks already agree.
import { expect, test } from 'vitest';
import { r2Descriptor, revnueDescriptor } from '../../../src-shared/connectors';
import { blankItem, initialSameAs, sameAsLocs, topLevelFields } from './editor-layout';

test('the unique rules are on record-level fields: Revnue name, R2 customer ID', () => {
  const unique = (fields: { path: string; uniqueAmongCustomers?: unknown }[]) =>
    fields.filter((f) => f.uniqueAmongCustomers).map((f) => f.path);
  expect(unique(topLevelFields(revnueDescriptor.editor))).toEqual(['name']);
  expect(unique(topLevelFields(r2Descriptor.editor))).toEqual(['customerid']);
  expect(topLevelFields(r2Descriptor.editor).some((f) => f.path === 'firstname')).toBe(false);
});

test('a blank R2 custom field has an empty caption, a blank contact nothing', () => {
  const udfs = r2Descriptor.editor.find((s) => s.id === 'udfs')!;
  const contacts = r2Descriptor.editor.find((s) => s.id === 'contacts')!;
  expect(blankItem(udfs)).toEqual({ caption: '' });
  expect(blankItem(contacts)).toEqual({});
});

test('"Same as" starts ticked only where billing already equals the address', () => {
  const billing = r2Descriptor.editor.find((s) => s.id === 'billingaddress')!;
  expect(sameAsLocs(billing, ['contacts', 0])).toEqual({
    from: ['contacts', 0, 'address'],
    to: ['contacts', 0, 'billingaddress'],
  });
  const address = { city: 'Leeds' };
  const ticked = initialSameAs(r2Descriptor.editor, { address, billingaddress: { ...address } });
  expect(ticked).toEqual([{ from: ['address'], to: ['billingaddress'] }]);
  expect(initialSameAs(r2Descriptor.editor, { address, billingaddress: { city: 'York' } })).toEqual(
    [],
  );
  expect(initialSameAs(r2Descriptor.editor, {})).toEqual([]);
});
