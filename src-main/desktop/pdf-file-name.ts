// The file name a save dialog suggests (a customer's PDF, an export): the name given, made safe for
// every OS's file system (no path separators, reserved characters or Windows device names).

const reserved = /^(con|prn|aux|nul|com\d|lpt\d)$/i;

export function safePdfFileName(name: string | undefined): string {
  return safeFileName(name, 'pdf', 'Customer');
}

/** `name` made safe, with `.extension`; `fallback` when nothing usable is left of it. */
export function safeFileName(
  name: string | undefined,
  extension: string,
  fallback: string,
): string {
  const cleaned = (name ?? '')
    // Control characters and the characters Windows, macOS or Linux refuse in a file name.
    // eslint-disable-next-line no-control-regex -- control characters are exactly what is removed
    .replace(/[\u0000-\u001f\u007f<>:"/\\|?*]+/g, ' ')
    .replace(/\s+/g, ' ')
    .trim()
    // A leading dot hides the file; trailing dots and spaces are dropped by Windows.
    .replace(/^[.\s]+/, '')
    .replace(/[. ]+$/, '')
    .slice(0, 100)
    .trim();
  const base = cleaned === '' || reserved.test(cleaned) ? fallback : cleaned;
  return `${base}.${extension}`;
}
