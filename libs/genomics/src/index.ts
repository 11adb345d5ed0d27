// The public API of @strand/genomics: an explicit allow-list; anything not named here is internal.
export { GenomicsError } from './errors/genomics-error.ts';
export { FormatError } from './errors/format-error.ts';
export { DNA_ALPHABET } from './sequence/alphabet.ts';
export { oneHotEncode, oneHotEncodeBatch } from './encoding/one-hot.ts';
export { reverseComplement } from './sequence/reverse-complement.ts';
export { createRng } from './random/rng.ts';
export type { Rng } from './random/rng.ts';
export { consensus, pfmToProbabilities } from './motifs/pfm.ts';
export type { Pfm } from './motifs/pfm.ts';
export { parseJaspar, readJasparFile } from './formats/jaspar/jaspar-reader.ts';
export { BUNDLED_MOTIFS } from './motifs/bundled-motifs.ts';
export { findMotif } from './motifs/find-motif.ts';
export { simulatePlantedMotifs } from './simulate/planted-motifs.ts';
export type {
  PlantedMotifDataset,
  PlantedMotifOptions,
  PlantedSite,
} from './simulate/planted-motifs.ts';
export { compareMotifs } from './motifs/compare/compare-motifs.ts';
export type { CompareMotifsOptions, MotifMatch } from './motifs/compare/compare-motifs.ts';
export { informationContent } from './motifs/compare/information-content.ts';
