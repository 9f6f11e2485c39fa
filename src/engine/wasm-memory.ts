/**
 * A policy module may declare a memory of its own instead of importing the one the host sizes, and such a
 * memory can grow to 4 GiB, outside every limit a worker's heap has. The memory section is read from the
 * module's bytes before anything is instantiated (the start function runs during instantiation).
 */

/** WebAssembly binary format, §5.5: section ids. */
const MEMORY_SECTION = 5;
const MAGIC = [0x00, 0x61, 0x73, 0x6d];

/** null when every memory the module declares has a maximum of at most `maxPages`; else why not. */
export function ownMemoryProblem(bytes: Uint8Array, maxPages: number): string | null {
  if (bytes.length < 8 || MAGIC.some((b, i) => bytes[i] !== b)) return 'not a WebAssembly module';
  let pos = 8;
  const leb = (): number => {
    let value = 0;
    for (let shift = 0; shift < 35; shift += 7) {
      const b = bytes[pos++];
      if (b === undefined) throw new RangeError('truncated');
      value += (b & 0x7f) * 2 ** shift;
      if ((b & 0x80) === 0) return value;
    }
    throw new RangeError('LEB128 too long');
  };
  try {
    while (pos < bytes.length) {
      const id = bytes[pos++];
      const size = leb();
      const end = pos + size;
      if (end > bytes.length) return 'a section runs past the end of the module';
      if (id === MEMORY_SECTION) {
        for (let n = leb(); n > 0; n--) {
          const flags = leb();
          // 0: minimum only; 1: minimum and maximum. Shared (2, 3) and 64-bit (4+) memories are refused.
          if (flags > 1) return `it declares a memory of a kind not accepted here (limits flags ${flags})`;
          const min = leb();
          const max = flags === 1 ? leb() : undefined;
          if (max === undefined) return `it declares a memory of its own with no maximum (initial ${min} pages)`;
          if (max > maxPages) return `it declares a memory of its own of up to ${max} pages (${max / 16} MiB)`;
        }
      }
      pos = end;
    }
  } catch {
    return 'the module is truncated';
  }
  return null;
}
