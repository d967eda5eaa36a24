// The export file formats, pure: CSV (RFC 4180, formula guard, BOM) and vCard 4.0 (RFC 6350).
// The renderer turns customers into their rows and cards; main only writes the text it is sent.
export { CSV_BOM, CSV_LINE_END, csvField, csvRecord, guardFormula } from './csv';
export { escapeText, foldLine, vcardOf, type VCardContact, type VCardPhoneType } from './vcard';
