// A response body read piece by piece, at the pace of whoever reads it: until the next read, no
// more is taken from the socket, so TCP holds the server back and memory stays flat. Every read
// has its own time limit (a stalled server fails, a slow reader does not) and answers a Result.
import { fail, ok, type Result } from '../../src-shared/ipc/result';
import type { Clock } from '../../src-shared/time/clock';
import { errorFromThrown } from './http-errors';

export class HttpBodyStream {
  private readonly reader: ReadableStreamDefaultReader<Uint8Array> | undefined;
  private finished = false;

  constructor(
    body: ReadableStream<Uint8Array> | null,
    private readonly request: AbortController,
    private readonly timeoutMs: number,
    private readonly clock: Clock,
  ) {
    this.reader = body?.getReader();
    if (!this.reader) this.finished = true;
  }

  /** A body with nothing in it (a success without content). */
  static empty(timeoutMs: number, clock: Clock): HttpBodyStream {
    return new HttpBodyStream(null, new AbortController(), timeoutMs, clock);
  }

  /** The next bytes, or null once the body has ended. */
  async read(): Promise<Result<Uint8Array | null>> {
    if (this.finished || !this.reader) return ok(null);
    let timedOut = false;
    const stopTimer = this.clock.schedule(() => {
      timedOut = true;
      this.request.abort();
    }, this.timeoutMs);
    try {
      const { done, value } = await this.reader.read();
      if (done) {
        this.finished = true;
        return ok(null);
      }
      return ok(value);
    } catch (error) {
      this.finished = true;
      if (timedOut) {
        const seconds = Math.ceil(this.timeoutMs / 1000);
        return fail(
          'network',
          `The server stopped sending for ${seconds} second${seconds === 1 ? '' : 's'} in the middle of its answer.`,
        );
      }
      return { ok: false, error: errorFromThrown(error, 'GET', this.timeoutMs) };
    } finally {
      stopTimer();
    }
  }

  /** Stops reading: the rest of the body is dropped and the connection released. */
  cancel(): void {
    if (this.finished) return;
    this.finished = true;
    this.request.abort();
    this.reader?.cancel().catch(() => {
      // Already failing or closed: nothing more to release.
    });
  }
}
