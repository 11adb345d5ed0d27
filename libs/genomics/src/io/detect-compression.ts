/** How a byte stream is compressed, as told by its first bytes. */
export type Compression = 'none' | 'gzip' | 'bgzip';

/** Bytes needed to tell bgzip from gzip: the fixed gzip header plus the BC extra subfield. */
export const COMPRESSION_SNIFF_BYTES = 18;

/**
 * Detects compression from the first bytes of a file (at least 18 of them to recognise bgzip):
 * gzip starts with 1f 8b; bgzip is gzip whose FEXTRA field holds the `BC` subfield (SAM/BAM
 * specification §4.1). The file name plays no part.
 */
export function detectCompression(firstBytes: Uint8Array): Compression {
  if (firstBytes.length < 2 || firstBytes[0] !== 0x1f || firstBytes[1] !== 0x8b) return 'none';
  const hasExtra = firstBytes.length > 3 && (firstBytes[3] & 0x04) !== 0;
  if (!hasExtra || firstBytes.length < 12) return 'gzip';
  const extraLength = firstBytes[10] | (firstBytes[11] << 8);
  const end = Math.min(12 + extraLength, firstBytes.length);
  // The extra field is a list of subfields: SI1 SI2 LEN(2 bytes, little endian) DATA.
  for (let i = 12; i + 4 <= end;) {
    const length = firstBytes[i + 2] | (firstBytes[i + 3] << 8);
    if (firstBytes[i] === 66 && firstBytes[i + 1] === 67 && length === 2) return 'bgzip';
    i += 4 + length;
  }
  return 'gzip';
}
