// Reading an answer's body with a size cap. Recruiterflow's answers are small JSON documents; a server
// that sends a gigabyte, or a gzip body that inflates to one, must not take the process's memory with
// it. The body is read as a stream (decompressed, as fetch hands it over) and dropped past the cap.

/** The largest answer Flowbridge reads, decompressed. A larger one is a server error. */
export const MAX_BODY_BYTES = 20 * 1024 * 1024;

interface CappedBody {
  bytes: Uint8Array;
  /** True when the body went past `cap`: the rest was cancelled, and `bytes` is empty. */
  over: boolean;
}

/** An answer larger than the cap, found by a transport that reads the body before the client does. */
export class BodyTooLargeError extends Error {
  constructor(readonly status: number) {
    super(`answer larger than ${MAX_BODY_BYTES / 1024 / 1024} MB`);
    this.name = 'BodyTooLargeError';
  }
}

/** Reads `res`'s body, holding at most `cap` bytes plus one chunk at any time. */
export async function readCapped(res: Response, cap = MAX_BODY_BYTES): Promise<CappedBody> {
  if (!res.body) return { bytes: new Uint8Array(0), over: false };
  const reader = res.body.getReader();
  const chunks: Uint8Array[] = [];
  let size = 0;
  for (;;) {
    const { done, value } = await reader.read();
    if (done) break;
    size += value.byteLength;
    if (size > cap) {
      chunks.length = 0;
      await reader.cancel().catch(() => undefined);
      return { bytes: new Uint8Array(0), over: true };
    }
    chunks.push(value);
  }
  return { bytes: Buffer.concat(chunks), over: false };
}
