/**
 * How the pileup view paints a candidate's pileup image (issue 16): one RGBA pixel per cell of a
 * channel, rows × width, row 0 the reference. The base channel is coloured by base with the base
 * quality as alpha (as DeepVariant's pileup pictures show reads), the others in grey levels of
 * their 0–1 value. Pure: the component puts the pixels on a canvas.
 */

/** Values of the `base` channel, as pileupTensor of @strand/genomics writes them. */
const BASES: readonly { value: number; name: string; rgb: readonly [number, number, number] }[] = [
  { value: 1, name: 'A', rgb: [46, 160, 67] },
  { value: 0.75, name: 'C', rgb: [31, 111, 235] },
  { value: 0.5, name: 'G', rgb: [219, 140, 0] },
  { value: 0.25, name: 'T', rgb: [207, 34, 46] },
  { value: 0.1, name: 'N', rgb: [140, 140, 140] },
  { value: 0.9, name: 'insertion after', rgb: [137, 87, 229] },
  { value: 0.05, name: 'deletion', rgb: [30, 30, 30] },
];

/** The legend of the base colours. */
export const BASE_LEGEND = BASES.map((b) => ({ name: b.name, css: `rgb(${b.rgb.join(' ')})` }));

/** The base a `base` value stands for (the nearest one), or null for an empty cell (0). */
export function baseOf(value: number): (typeof BASES)[number] | null {
  if (!(value > 0.01)) return null;
  let best = BASES[0]!;
  for (const b of BASES) if (Math.abs(b.value - value) < Math.abs(best.value - value)) best = b;
  return best;
}

/** A channel of the image as the view receives it from the API. */
export interface ChannelValues {
  name: string;
  values: readonly number[];
}

/**
 * RGBA pixels (rows × width × 4) of one channel. `base` is coloured by base, its alpha the base
 * quality (`quality`, the base_quality channel; full when not given); other channels are grey,
 * darker for higher values, transparent where 0.
 */
export function channelPixels(
  channel: ChannelValues,
  width: number,
  rows: number,
  quality?: readonly number[],
): Uint8ClampedArray<ArrayBuffer> {
  const cells = width * rows;
  if (channel.values.length !== cells) {
    throw new RangeError(
      `channel ${channel.name} has ${channel.values.length} values; ${rows} × ${width} expected`,
    );
  }
  const out = new Uint8ClampedArray(cells * 4);
  for (let i = 0; i < cells; i++) {
    const v = channel.values[i] ?? 0;
    const at = i * 4;
    if (channel.name === 'base') {
      const base = baseOf(v);
      if (!base) continue;
      out.set(base.rgb, at);
      // Quality as alpha, with a floor so a low-quality base is still seen.
      out[at + 3] = Math.round(255 * (0.2 + 0.8 * Math.min(1, quality?.[i] ?? 1)));
    } else if (v > 0) {
      const grey = Math.round(255 * (1 - v));
      out[at] = grey;
      out[at + 1] = grey;
      out[at + 2] = grey;
      out[at + 3] = 255;
    }
  }
  return out;
}

/** Rows of the image holding anything (the reference and the reads drawn), for the caption. */
export function rowsUsed(channel: ChannelValues, width: number, rows: number): number {
  let used = 0;
  for (let row = 0; row < rows; row++) {
    for (let col = 0; col < width; col++) {
      if ((channel.values[row * width + col] ?? 0) > 0) {
        used = row + 1;
        break;
      }
    }
  }
  return used;
}
