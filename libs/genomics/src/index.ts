// The public API of @strand/genomics: an explicit allow-list; anything not named here is internal.
export { GenomicsError } from './errors/genomics-error.ts';
export { FormatError } from './errors/format-error.ts';
// Warnings: what readers tolerate, counted per rule (every reader takes ReadOptions).
export { ReadWarnings } from './warnings/read-warnings.ts';
export type { WarningSummary } from './warnings/read-warnings.ts';
export type { ReadOptions, ReadWarning, WarningSink } from './warnings/read-warning.ts';
export { DNA_ALPHABET } from './sequence/alphabet.ts';
export { oneHotEncode, oneHotEncodeBatch, oneHotEncodeBytes } from './encoding/one-hot.ts';
export {
  PROTEIN_ALPHABET,
  RNA_ALPHABET,
  oneHotEncodeProtein,
  oneHotEncodeRna,
} from './encoding/alphabet-one-hot.ts';
export { kmerCounts } from './encoding/kmer-counts.ts';
export {
  reverseComplementAugment,
  reverseComplementRows,
} from './encoding/reverse-complement-augment.ts';
export { dinucleotideShuffle } from './encoding/dinucleotide-shuffle.ts';
export { gcFraction, gcMatchedBackground } from './encoding/gc-matched-background.ts';
export type { GcBackgroundOptions, GenomicRegion } from './encoding/gc-matched-background.ts';
export { reverseComplement } from './sequence/reverse-complement.ts';
export { createRng } from './random/rng.ts';
export type { Rng } from './random/rng.ts';
export { consensus, pfmToProbabilities } from './motifs/pfm.ts';
export type { Pfm } from './motifs/pfm.ts';
export { parseJaspar, readJasparFile } from './formats/jaspar/jaspar-reader.ts';
export { BUNDLED_MOTIFS } from './motifs/bundled-motifs.ts';
export { findMotif } from './motifs/find-motif.ts';
export { plantedMotifRecords, simulatePlantedMotifs } from './simulate/planted-motifs.ts';
export type {
  PlantedMotifDataset,
  PlantedMotifOptions,
  PlantedMotifRecord,
  PlantedSite,
} from './simulate/planted-motifs.ts';
export { simulateMotifPairs } from './simulate/motif-pairs.ts';
export type { MotifPairDataset, MotifPairOptions } from './simulate/motif-pairs.ts';
export { simulateProfiles } from './simulate/profiles.ts';
export { simulateExpressionCohort } from './simulate/expression-cohort.ts';
export type {
  ExpressionCohortOptions,
  SimulatedExpressionCohort,
} from './simulate/expression-cohort.ts';
export type { ProfileDataset, ProfileSimulationOptions, ProfileSite } from './simulate/profiles.ts';
export { compareMotifs } from './motifs/compare/compare-motifs.ts';
export type { CompareMotifsOptions, MotifMatch } from './motifs/compare/compare-motifs.ts';
export { informationContent } from './motifs/compare/information-content.ts';
// Streaming text input (plain, gzip, bgzip detected by content).
export { openText } from './io/open-text.ts';
export { FILE_CHUNK_BYTES, fileChunks, sha256OfFiles } from './io/file-chunks.ts';
export type { OpenTextOptions, TextLine, TextSource } from './io/open-text.ts';
export { detectCompression } from './io/detect-compression.ts';
export type { Compression } from './io/detect-compression.ts';
export { bgzipCompress } from './io/bgzip.ts';
export { ChromosomeNames, canonicalChromosome } from './formats/chromosome-names.ts';
// FASTA and FASTQ.
export { readFasta } from './formats/fasta/fasta-reader.ts';
export type { FastaRecord } from './formats/fasta/fasta-reader.ts';
export { FastaIndex } from './formats/fasta/fasta-index.ts';
export type { FastaIndexOptions } from './formats/fasta/fasta-index.ts';
export { buildFai } from './formats/fasta/fai-builder.ts';
export type { FaiEntry } from './formats/fasta/fai-builder.ts';
export { readFastq } from './formats/fasta/fastq-reader.ts';
export type { FastqRecord } from './formats/fasta/fastq-reader.ts';
// BED and narrowPeak.
export { readBed } from './formats/bed/bed-reader.ts';
export type { BedOptions, BedRecord } from './formats/bed/bed-reader.ts';
// VCF.
export { openVcf } from './formats/vcf/vcf-reader.ts';
export type { OpenVcfOptions, VcfFile } from './formats/vcf/vcf-reader.ts';
export { validateVcf } from './formats/vcf/validate-vcf.ts';
export type { VcfValidation } from './formats/vcf/validate-vcf.ts';
export { queryVcfRegion } from './formats/vcf/vcf-region.ts';
export type { VcfRegion, VcfRegionOptions } from './formats/vcf/vcf-region.ts';
export { splitMultiallelic } from './formats/vcf/split-multiallelic.ts';
export type { SplitVcfRecord } from './formats/vcf/split-multiallelic.ts';
export { sortVcf } from './formats/vcf/vcf-sort.ts';
export type { SortVcfOptions, SortVcfResult } from './formats/vcf/vcf-sort.ts';
export type { VcfInfoValue, VcfRecord, VcfSampleData } from './formats/vcf/vcf-record.ts';
export type { VcfContig, VcfHeader } from './formats/vcf/vcf-header.ts';
export type { VcfFieldDefinition } from './formats/vcf/vcf-reserved.ts';
export { VCF_VERSIONS } from './formats/vcf/vcf-version.ts';
export type { VcfVersion } from './formats/vcf/vcf-version.ts';
// Variants on a reference.
export { variantWindows, WINDOW_ANCHOR } from './variants/variant-windows.ts';
export type {
  VariantWindow,
  VariantWindowProblem,
  VariantWindowResult,
} from './variants/variant-windows.ts';
export { ReferenceReader } from './variants/reference-reader.ts';
export { preflight } from './variants/preflight.ts';
export type { PreflightExample, PreflightSummary } from './variants/preflight.ts';
export { alleleKind } from './variants/variant-types.ts';
export type { AlleleKind, SkipKind, VariantInput } from './variants/variant-types.ts';
// Cohorts: gene-level variant burden, simulated case/control cohorts.
export { geneBurden } from './cohort/gene-burden.ts';
export type { GeneBurden, GeneBurdenOptions } from './cohort/gene-burden.ts';
export { simulateCohort } from './cohort/simulate-cohort.ts';
export type {
  CohortSimulationOptions,
  PlantedRiskGene,
  RiskModality,
  SimulatedCohort,
} from './cohort/simulate-cohort.ts';
// Expression matrices and sample annotations.
export { keepSamples, readExpressionMatrix } from './formats/expression/expression-matrix.ts';
export type {
  ExpressionMatrix,
  ExpressionOptions,
  ExpressionOrientation,
} from './formats/expression/expression-matrix.ts';
export {
  joinSampleAnnotations,
  readSampleAnnotations,
} from './formats/expression/sample-annotations.ts';
export type {
  JoinedAnnotations,
  SampleAnnotations,
  SampleSource,
} from './formats/expression/sample-annotations.ts';
// Labelled sequences.
export { readSequenceTable } from './formats/sequence-table/sequence-table-reader.ts';
export type { SequenceTableOptions } from './formats/sequence-table/sequence-table-reader.ts';
export { readLabelledFasta } from './formats/sequence-table/labelled-fasta-reader.ts';
export type { LabelledSequence } from './formats/sequence-table/labelled-sequence.ts';
export { openSequenceTable } from './formats/sequence-table/open-sequence-table.ts';
export type {
  SequenceTable,
  SequenceTableRecord,
} from './formats/sequence-table/open-sequence-table.ts';
export type {
  SequenceTableColumnOptions,
  SequenceTableLayout,
} from './formats/sequence-table/sequence-table-layout.ts';
export {
  formatProfileTable,
  sequenceTableHeader,
  sequenceTableRow,
} from './formats/sequence-table/sequence-table-writer.ts';
export type {
  SequenceTableColumns,
  SequenceTableRow,
} from './formats/sequence-table/sequence-table-writer.ts';
// Splits.
export { NO_PART, stratifiedParts, stratifiedSplit } from './splits/stratified-split.ts';
export type { SplitFractions } from './splits/stratified-split.ts';
export { chromosomeHoldout } from './splits/chromosome-holdout.ts';
export { chromosomeKFold, kFold } from './splits/k-fold.ts';
export type { Fold, Split } from './splits/split-types.ts';
// Expression preprocessing (samples × genes, NaN = missing).
export type { ExpressionValues } from './preprocess/expression-values.ts';
export { log1pTransform } from './preprocess/log1p.ts';
export { countsPerMillion } from './preprocess/cpm.ts';
export { zScoreGenes } from './preprocess/z-score.ts';
export type { GeneScaling } from './preprocess/z-score.ts';
export { quantileNormalize } from './preprocess/quantile-normalize.ts';
export { imputeKnn } from './preprocess/impute-knn.ts';
// Streaming training batches.
export { fastaBedBatches } from './batches/fasta-bed-batches.ts';
export type { FastaBedBatch, FastaBedBatchOptions } from './batches/fasta-bed-batches.ts';
// The dataset store: tables of typed columns as Arrow IPC files, written and read chunk by chunk.
export { TableWriter, DEFAULT_CHUNK_ROWS } from './formats/arrow/table-writer.ts';
export type { TableWriterOptions, WrittenTable } from './formats/arrow/table-writer.ts';
export { ChunkBuffers, TableReader } from './formats/arrow/table-reader.ts';
export type { ListColumn, TableChunk, TextColumn } from './formats/arrow/table-reader.ts';
export type { CellValue, TableRow } from './formats/arrow/chunk-builder.ts';
export type { ColumnSpec, ColumnType, NumericArray } from './formats/arrow/column-spec.ts';

// Variant calling from aligned reads: BAM/CRAM in, candidate sites out.
export { openAlignmentFile } from './calling/alignment-file.ts';
export type { AlignmentFile } from './calling/alignment-file.ts';
export type { AlignedRead, ReadFilter } from './calling/aligned-read.ts';
export { candidateTiles } from './calling/candidates.ts';
export type { Candidate, CandidateOptions, CandidateTile } from './calling/candidates.ts';
export { parseRegion } from './calling/genomic-region.ts';
export type { CallRegion } from './calling/genomic-region.ts';
export type { AllelePair } from './calling/normalize-allele.ts';
export type { ReadView, RefWindow } from './calling/read-view.ts';
export { DEFAULT_PILEUP_SHAPE, PILEUP_CHANNELS, pileupTensor } from './calling/pileup-tensor.ts';
export type { PileupShape } from './calling/pileup-tensor.ts';
export {
  calledGenotype,
  callsVcfHeader,
  callVcfLine,
  GENOTYPE_ERROR_RATE,
  GENOTYPES,
  genotypeProbabilities,
  hetLowerTail,
  INDEL_GENOTYPE_ERROR_RATE,
  MIN_HET_BALANCE_P,
} from './calling/call-vcf.ts';
export type { VariantCall } from './calling/call-vcf.ts';
export { evaluateCalls, readNormalisedAlleles } from './calling/call-eval.ts';
export type { CallEvaluation, KindScores, NormalisedAllele } from './calling/call-eval.ts';
