// How long a 429 (or 503) asks us to wait. `Retry-After` is seconds or an HTTP date (RFC 9110);
// Revnue also says it in words ("Expected available in N seconds."), used when the header is gone.

export function parseRetryAfterMs(
  header: string | null,
  nowMs: number,
  bodyText?: string,
): number | undefined {
  const value = header?.trim();
  if (value) {
    if (/^\d+(\.\d+)?$/.test(value)) return Math.round(Number(value) * 1000);
    const date = Date.parse(value);
    if (!Number.isNaN(date)) return Math.max(0, date - nowMs);
  }
  const words = bodyText?.match(/available in (\d+(?:\.\d+)?) seconds?/i);
  if (words?.[1]) return Math.round(Number(words[1]) * 1000);
  return undefined;
}
