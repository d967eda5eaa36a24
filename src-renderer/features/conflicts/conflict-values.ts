// A field value as the resolver shows it, and a typed-in value read back in the same type.
export function shownValue(value: unknown): string {
  if (value === null || value === undefined || value === '') return '(empty)';
  if (typeof value === 'object') return JSON.stringify(value);
  return String(value);
}

export function editedValue(text: string, like: unknown): unknown {
  if (typeof like === 'number' && text.trim() !== '' && Number.isFinite(Number(text))) {
    return Number(text);
  }
  if (typeof like === 'boolean') return text.trim().toLowerCase() === 'true';
  return text;
}
