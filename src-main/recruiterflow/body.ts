// Reading an answer's body with a size cap. Recruiterflow's answers are small JSON documents; a server
// that sends a gigabyte, or a gzip body that inflates to one, must not take the process's memory with
// it. The body is read as a stream (decompressed, as fetch hands it over) and dropped past the cap.

/** The largest answer Flowbridge reads, decompressed. A larger one is a server error. */
export const MAX_BODY_BYTES = 20 * 1024 * 1024;

interface CappedBody {
  bytes: Uint8Array;
  /** True when the body went past `cap`: `bytes` then holds only its start, and the rest was cancelled. */
  over: boolean;
}

/** Reads `res`'s body up to `cap` bytes (plus at most one chunk). */
export async function readCapped(res: Response, cap = MAX_BODY_BYTES): Promise<CappedBody> {
  if (!res.body) return { bytes: new Uint8Array(0), over: false };
  const reader = res.body.getReader();
  const chunks: Uint8Array[] = [];
  let size = 0;
  for (;;) {
    const { done, value } = await reader.read();
    if (done) break;
    chunks.push(value);
    size += value.byteLength;
    if (size > cap) {
      await reader.cancel().catch(() => undefined);
      return { bytes: Buffer.concat(chunks), over: true };
    }
  }
  return { bytes: Buffer.concat(chunks), over: false };
}
