// A strict RFC 4180 reader for the tests only: records end with CRLF, a quoted field may hold
// anything (a `""` is one `"`), an unquoted field may not hold `"`, CR or LF. It throws on
// anything else, so a writer bug shows up as a parse error, not as a quietly different cell.
export function parseCsv(text: string): string[][] {
  const records: string[][] = [];
  let record: string[] = [];
  let i = 0;
  const fail = (why: string) => {
    throw new Error(`not RFC 4180 at ${i}: ${why}`);
  };
  if (text === '') return records;
  for (;;) {
    let field = '';
    if (text[i] === '"') {
      i += 1;
      for (;;) {
        if (i >= text.length) fail('unterminated quoted field');
        if (text[i] === '"') {
          if (text[i + 1] === '"') {
            field += '"';
            i += 2;
            continue;
          }
          i += 1;
          break;
        }
        field += text[i];
        i += 1;
      }
    } else {
      while (i < text.length && text[i] !== ',' && text[i] !== '\r') {
        if (text[i] === '"' || text[i] === '\n') fail('quote or LF in an unquoted field');
        field += text[i];
        i += 1;
      }
    }
    record.push(field);
    if (text[i] === ',') {
      i += 1;
      continue;
    }
    if (text[i] === '\r' && text[i + 1] === '\n') {
      i += 2;
      records.push(record);
      record = [];
      if (i === text.length) return records;
      continue;
    }
    fail(
      i >= text.length ? 'the last record has no CRLF' : `unexpected ${JSON.stringify(text[i])}`,
    );
  }
}
