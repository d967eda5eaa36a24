// CSV as RFC 4180 describes it (docs/export.md): CRLF between records, a field quoted when it holds
// `"`, `,`, CR or LF (a `"` inside doubled), UTF-8 with a byte-order mark so Excel reads the accents
// right. A cell that starts like a formula gets a leading apostrophe (see `guardFormula`).

/** U+FEFF: Excel and LibreOffice take a CSV without it for the system's legacy code page. */
export const CSV_BOM = '\uFEFF';
export const CSV_LINE_END = '\r\n';

/**
 * Spreadsheet programs run a cell that starts with `=`, `+`, `-` or `@` as a formula (and some
 * also after a leading TAB or CR): a customer named `=HYPERLINK("http://evil.example","Click")`
 * would become a live link, or worse, in the salesperson's spreadsheet. Such a cell is written
 * with a leading `'`, which the programs show as text and hide. OWASP's "CSV injection" advice.
 */
const formulaStart = /^[=+\-@\t\r]/;

export function guardFormula(text: string): string {
  return formulaStart.test(text) ? `'${text}` : text;
}

const needsQuotes = /[",\r\n]/;

/** One field as RFC 4180 writes it, after the formula guard. */
export function csvField(value: string): string {
  const text = guardFormula(value);
  return needsQuotes.test(text) ? `"${text.replaceAll('"', '""')}"` : text;
}

/** One record, with its line end. */
export function csvRecord(values: readonly string[]): string {
  return values.map(csvField).join(',') + CSV_LINE_END;
}
