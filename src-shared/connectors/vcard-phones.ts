// What every connector's vCards share: phone numbers with a type, empty ones left out.
import type { VCardPhoneType } from '../export/vcard';

export type Phone = { value: string; type: VCardPhoneType };

export const phonesOf = (pairs: readonly [string | null | undefined, VCardPhoneType][]): Phone[] =>
  pairs.flatMap(([value, type]) => (value && value.trim() !== '' ? [{ value, type }] : []));
