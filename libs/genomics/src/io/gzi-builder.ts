import { open, writeFile } from 'node:fs/promises';
import { FormatError } from '../errors/format-error.ts';

/**
 * Reads the block layout of a BGZF file and returns its `.gzi` index: for every block after
 * the first, [compressed offset, uncompressed offset] (htslib bgzf.c `bgzf_index_dump`
 * format). Reads only each block's header and trailer.
 */
export async function scanGzi(path: string): Promise<[number, number][]> {
  const handle = await open(path, 'r');
  try {
    const { size } = await handle.stat();
    const entries: [number, number][] = [];
    const head = Buffer.alloc(18);
    const tail = Buffer.alloc(4);
    let compressed = 0;
    let uncompressed = 0;
    while (compressed < size) {
      await handle.read(head, 0, 18, compressed);
      if (head[0] !== 0x1f || head[1] !== 0x8b || head[12] !== 66 || head[13] !== 67) {
        throw new FormatError(
          path,
          0,
          `no BGZF block at byte ${compressed}; the file is not bgzip`,
        );
      }
      const blockSize = head.readUInt16LE(16) + 1;
      await handle.read(tail, 0, 4, compressed + blockSize - 4);
      const blockData = tail.readUInt32LE(0);
      // htslib lists every block but the first; the empty EOF block is not listed.
      if (compressed > 0 && blockData > 0) entries.push([compressed, uncompressed]);
      compressed += blockSize;
      uncompressed += blockData;
    }
    return entries;
  } finally {
    await handle.close();
  }
}

/** Writes the `.gzi` of a BGZF file (little-endian uint64 count, then the offset pairs). */
export async function buildGzi(path: string, gziPath = `${path}.gzi`): Promise<void> {
  const entries = await scanGzi(path);
  const out = Buffer.alloc(8 + entries.length * 16);
  out.writeBigUInt64LE(BigInt(entries.length), 0);
  entries.forEach(([c, u], i) => {
    out.writeBigUInt64LE(BigInt(c), 8 + i * 16);
    out.writeBigUInt64LE(BigInt(u), 16 + i * 16);
  });
  await writeFile(gziPath, out);
}
