import { crc32, deflateRawSync } from 'node:zlib';

/** Largest input a BGZF block carries, as htslib's bgzip uses (the block must stay < 64 KiB). */
const BLOCK_INPUT = 0xff00;

/** The 28-byte empty block that ends every BGZF file (SAM/BAM specification §4.1.2). */
const EOF_BLOCK = Buffer.from('1f8b08040000000000ff0600424302001b0003000000000000000000', 'hex');

function block(data: Uint8Array): Buffer {
  const deflated = deflateRawSync(data, { level: 6 });
  const out = Buffer.alloc(18 + deflated.length + 8);
  out.set([0x1f, 0x8b, 8, 4, 0, 0, 0, 0, 0, 0xff, 6, 0, 66, 67, 2, 0]);
  out.writeUInt16LE(out.length - 1, 16);
  out.set(deflated, 18);
  out.writeUInt32LE(crc32(data) >>> 0, 18 + deflated.length);
  out.writeUInt32LE(data.length, 22 + deflated.length);
  return out;
}

/**
 * Compresses bytes as BGZF (blocked gzip, readable by any gunzip and by htslib's tabix/faidx),
 * ending with the standard EOF block. For fixtures and small exports; it holds the whole output.
 */
export function bgzipCompress(data: Uint8Array | string): Buffer {
  const bytes = typeof data === 'string' ? Buffer.from(data) : data;
  const blocks: Buffer[] = [];
  for (let start = 0; start < bytes.length; start += BLOCK_INPUT) {
    blocks.push(block(bytes.subarray(start, start + BLOCK_INPUT)));
  }
  blocks.push(EOF_BLOCK);
  return Buffer.concat(blocks);
}
