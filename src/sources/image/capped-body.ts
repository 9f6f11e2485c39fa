/**
 * HTTP bodies read with a cap enforced while they stream: a declared Content-Length over the cap is refused
 * before the first byte, and a body that keeps coming is cancelled as soon as it passes the cap, so a
 * hostile registry cannot make rsyncguard buffer what it sends.
 */

export async function readCapped(res: Response, cap: number, what: string): Promise<Buffer> {
  const limit = `${what} larger than ${cap >= 2 ** 20 ? `${cap / 2 ** 20} MiB` : `${cap} bytes`}`;
  const declared = Number(res.headers.get('content-length') ?? Number.NaN);
  if (Number.isFinite(declared) && declared > cap) {
    await res.body?.cancel().catch(() => {});
    throw new Error(`${limit} (the server announced ${declared} bytes); refused`);
  }
  if (!res.body) return Buffer.alloc(0);
  const reader = res.body.getReader();
  const chunks: Buffer[] = [];
  let size = 0;
  for (;;) {
    const { done, value } = await reader.read();
    if (done) break;
    size += value.byteLength;
    if (size > cap) {
      await reader.cancel().catch(() => {});
      throw new Error(`${limit}; refused after ${size} bytes`);
    }
    chunks.push(Buffer.from(value.buffer, value.byteOffset, value.byteLength));
  }
  return Buffer.concat(chunks);
}
