// Reads a request body with a size cap. JSON that does not parse becomes a typed error the API
// handlers turn into their own error format (DRF `detail` or R2 `errors`).
import type { IncomingMessage } from 'node:http';

const maxBodyBytes = 2 * 1024 * 1024;

export class BodyError extends Error {}

export async function readText(req: IncomingMessage): Promise<string> {
  const chunks: Buffer[] = [];
  let size = 0;
  for await (const chunk of req) {
    const buffer = chunk as Buffer;
    size += buffer.length;
    if (size > maxBodyBytes) throw new BodyError('The request body is larger than 2 MB.');
    chunks.push(buffer);
  }
  return Buffer.concat(chunks).toString('utf8');
}

export async function readJson(req: IncomingMessage): Promise<unknown> {
  const type = req.headers['content-type'] ?? '';
  const text = await readText(req);
  if (text.trim() === '') throw new BodyError('The request has no JSON body.');
  // Exactly application/json (parameters aside): a page in a browser can POST text/plain to a
  // loopback server without asking first, so anything looser would let any web page drive the
  // admin endpoints (CSRF).
  if (type.split(';')[0]?.trim().toLowerCase() !== 'application/json') {
    throw new BodyError(`Unsupported media type "${type}": send application/json.`);
  }
  try {
    return JSON.parse(text) as unknown;
  } catch (error) {
    throw new BodyError(`JSON parse error - ${(error as Error).message}`);
  }
}
