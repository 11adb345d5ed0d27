/** Internal type. DO NOT USE DIRECTLY. */
type Exact<T extends { [key: string]: unknown }> = { [K in keyof T]: T[K] };
/** Internal type. DO NOT USE DIRECTLY. */
export type Incremental<T> =
  T | { [P in keyof T]?: P extends ' $fragmentName' | '__typename' ? T[P] : never };
import type { TypedDocumentNode as DocumentNode } from '@graphql-typed-document-node/core';
/** Aligned reads to call variants from, and the pileup model to call them with (Strand's default unless model is given), as `strand call` runs it, as a job. */
export type CallVariantsInput = {
  /** An indexed BAM (.bai or .csi beside it) or CRAM (.crai), relative to the import directory (STRAND_IMPORT_DIR). */
  bam: string;
  /** When set, the calls are then imported as a variants dataset of this name (the job's outputDataset), ready for scoreVariants. */
  importAs?: string | null | undefined;
  /** Non-reference calls below this QUAL are kept with FILTER LowQual (0–1000; default 0). */
  minQual?: number | null | undefined;
  /** A pileup model of the project, named as `strand call --model` names a stored one: a SUCCEEDED run's id, a model version's id, or NAME@ALIAS (e.g. caller@production; at most 300 characters). Default: the model shipped with Strand. A model of another project is NOT_FOUND; a model that is not a pileup genotyper is NOT_A_PILEUP_MODEL. */
  model?: string | null | undefined;
  /** When set, every candidate (hom-ref ones too) is stored with the pileup image the model saw ([width, rows, 6 channels]), its locus, alleles, read counts and call as a pileups dataset of this name (at most 200 characters): listed while the call runs, READY when it ends (the job's outputDataset when importAs is not given; its id is also the result's pileupsDatasetId). Read it with pileupCandidates / pileupImage. */
  pileupsAs?: string | null | undefined;
  /** Default: the caller's only project. */
  projectId?: string | null | undefined;
  /** The reference FASTA the reads were aligned to (plain or bgzip), relative to the import directory; its .fai is built beside it when missing. */
  reference: string;
  /** chrom, chrom:start or chrom:start-end (1-based, inclusive; at most 200 characters); default every contig of the reads' header. */
  region?: string | null | undefined;
  /** With pileupsAs: a truth VCF (relative to the import directory) whose genotypes label each stored candidate (hom-ref when its allele is not in the truth), as `strand call train` labels them, so the dataset can be trained on. */
  truth?: string | null | undefined;
};

/** A planted-motif demo dataset: positives carry a motif instance, negatives are background. */
export type CreateDemoDatasetInput = {
  /** Sequence length in bp (8–10,000). */
  length: number;
  /** Bundled JASPAR motif ids or names (see `motifs`); default: the first. */
  motifs?: Array<string> | null | undefined;
  name?: string | null | undefined;
  /** The dataset's project; may be left out when the caller has exactly one. */
  projectId?: string | null | undefined;
  seed?: number | null | undefined;
  /** Number of sequences (10–200,000; sequences × length at most 200,000,000 bases). */
  sequences: number;
};

/** Stratified, seeded k-fold cross-validation of an architecture on a dataset of the project: k models, each tested on the fold it did not see. */
export type CrossValidationInput = {
  /** An architecture name (see `architectures`). */
  architecture: string;
  /** JASPAR-format matrices (the text of a .jaspar file) to find baselineMotif in. */
  baselineJaspar?: string | null | undefined;
  /** Also scan this motif as a baseline on the same folds (two classes of sequences): each test sequence scores its best PWM log-odds on either strand; the result's baseline.pwmScan holds the AUROC per fold, mean and sd. A JASPAR matrix ID (MA0139.2, or MA0139 for the latest version) or factor name, looked up in baselineJaspar or else the bundled JASPAR 2024 excerpt (CTCF, GATA1, Spi1, REST, …). */
  baselineMotif?: string | null | undefined;
  /** Default 32. */
  batchSize?: number | null | undefined;
  /** Loss weight per class against imbalance (one label column of classes): "none" (default), "auto" (inverse class frequency on the training rows, n / (k · n_class)) or name=weight pairs, e.g. "neg=1,pos=3" (classes not named weigh 1). */
  classWeights?: string | null | undefined;
  /** Architecture configuration as a JSON object; missing fields take defaults. */
  config?: string | null | undefined;
  /** A sequence-classification or expression dataset. */
  datasetId: string;
  /** Epochs per fold (at most: from 50 records a fold stops early on a 10% validation split); default 30. */
  epochs?: number | null | undefined;
  /** Folds, 2–20 (at most the number of records); default 5. */
  folds?: number | null | undefined;
  /** Expression: none or knn. none (default): a missing value reads as the training mean; knn: the mean of the imputeK nearest samples that have it (impute.knn's distance; every sample of the dataset, no labels). */
  impute?: string | null | undefined;
  /** With impute knn: neighbours, 1–100; default 10. */
  imputeK?: number | null | undefined;
  /** Nested CV: in each outer fold, choose a configuration by this many inner folds (2–10) of the outer training rows only (mean inner test_auroc; test_r2 for regression), refit it on them and score it on the outer test fold; the result's nested block gives the choice per fold. The set: expression, weightDecay {0, 0.01} × f-test top-k {50, 200} (leave weightDecay and selectFeatures out); sequences, learningRate {given, given/3} × weightDecay {0, 0.001}. Default null: plain CV. */
  innerFolds?: number | null | undefined;
  /** DNA sequences: read each as its counts of the 4^K K-mers (1–6) instead of one-hot bases, a feature vector for mlp (and the logistic-regression baseline on the counts); default 0: one-hot. */
  kmer?: number | null | undefined;
  /** With kmer: count a K-mer and its reverse complement together. Default false. */
  kmerCanonical?: boolean | null | undefined;
  /** Adam's; default 0.003. */
  learningRate?: number | null | undefined;
  /** Learning-rate schedule: constant, cosine, plateau. constant (default); cosine: annealed to 0 over the epochs; plateau: halved after plateauPatience epochs without a lower validation loss (training loss without a validation split). */
  lrSchedule?: string | null | undefined;
  /** Expression: per-sample normalisation before anything else: none, log1p, cpm, log-cpm, quantile. none (default); log1p: ln(1 + x); cpm: counts per million; log-cpm: both; quantile: limma's normalizeQuantiles over every sample of the dataset (no labels used). */
  normalize?: string | null | undefined;
  /** With lrSchedule plateau: epochs without improvement before halving, 1–100; default 3. */
  plateauPatience?: number | null | undefined;
  /** Default: the caller's only project. */
  projectId?: string | null | undefined;
  /** DNA sequences: test-time averaging, a prediction is the mean of the outputs on the sequence and on its reverse complement (test metrics; the saved model's strand.json keeps it and variant scoring follows it). Default false. */
  rcAverage?: boolean | null | undefined;
  /** DNA sequences: augment training by reading each sequence as its reverse complement at random (seeded), half the time. Default false. */
  reverseComplement?: boolean | null | undefined;
  /** Seeds the folds, the weights and the shuffling; default 42. */
  seed?: number | null | undefined;
  /** Expression datasets: keep the K features that score best (selectionMethod) on the training samples alone (each fold's, in cross-validation). Default (null): the top 200 by F-test when features outnumber training samples (p ≫ n), else all; 0: all. */
  selectFeatures?: number | null | undefined;
  /** With selectFeatures K: f-test or variance (default f-test: ANOVA F of the classes, t² for two). */
  selectionMethod?: string | null | undefined;
  /** L2 penalty weightDecay · Σ w² on the kernels (dense, convolution, recurrent weights; not biases), in [0, 1]; default 0. */
  weightDecay?: number | null | undefined;
};

/** Raise or lower the output's logit. */
export type DesignDirection = 'DOWN' | 'UP';

/** GREEDY: the best single edit per step; BEAM: the beamWidth best sequences per step; EVOLUTION: directed evolution (a seeded, elitist population). */
export type DesignMethod = 'BEAM' | 'EVOLUTION' | 'GREEDY';

/** Model-guided design (strand design): single-base edits of a start sequence that raise or lower a model output under constraints. Name the model by exactly one of runId, modelVersionId, or modelName with alias. */
export type DesignSequenceInput = {
  /** e.g. production (with modelName). */
  alias?: string | null | undefined;
  /** BEAM: sequences kept per step, 1–16; default 4. */
  beamWidth?: number | null | undefined;
  /** Default UP. */
  direction?: DesignDirection | null | undefined;
  /** 0-based positions never edited. */
  fixedPositions?: Array<number> | null | undefined;
  /** Largest GC fraction, in [0, 1]; default 1. */
  gcMax?: number | null | undefined;
  /** Least GC fraction of every sequence tried, in [0, 1]; default 0. */
  gcMin?: number | null | undefined;
  /** EVOLUTION: generations, 1–500; default maxEdits × 5. */
  generations?: number | null | undefined;
  /** Positions that may differ from the start, 1–50; default 10. */
  maxEdits?: number | null | undefined;
  /** Default GREEDY. */
  method?: DesignMethod | null | undefined;
  /** A registered model name (with alias). */
  modelName?: string | null | undefined;
  /** A registered model version. */
  modelVersionId?: string | null | undefined;
  /** EVOLUTION: population, 1–200; default 20. */
  population?: number | null | undefined;
  /** Default: the caller's only project. */
  projectId?: string | null | undefined;
  /** A SUCCEEDED run whose saved model to use. */
  runId?: string | null | undefined;
  /** EVOLUTION: default 1. */
  seed?: number | null | undefined;
  /** The start sequence: A, C, G, T (either case), of the model's input length. */
  sequence: string;
  /** The model output (0-based); default 0. */
  task?: number | null | undefined;
};

/** A sequence dataset of the project and the model whose DeepSHAP attributions over it are searched for motifs: name the model by exactly one of runId, modelVersionId, or modelName with alias. */
export type DiscoverMotifsInput = {
  /** e.g. production (with modelName). */
  alias?: string | null | undefined;
  /** A sequence dataset of the project, of the model's input length. */
  datasetId: string;
  /** A JASPAR file in the server's import directory (STRAND_IMPORT_DIR) to match motifs to; default Strand's bundled motifs. */
  jaspar?: string | null | undefined;
  /** Only the records with this label (e.g. "1", the positives); default every record. */
  label?: string | null | undefined;
  /** At most this many records (1–1000000; default 10000). */
  limit?: number | null | undefined;
  /** A registered model name (with alias). */
  modelName?: string | null | undefined;
  /** A registered model version. */
  modelVersionId?: string | null | undefined;
  /** Default: the caller's only project. */
  projectId?: string | null | undefined;
  /** A SUCCEEDED run whose saved model to use. */
  runId?: string | null | undefined;
  /** DeepSHAP references (dinucleotide shuffles) per sequence, 1–100; default 10. */
  shuffles?: number | null | undefined;
  /** The model output explained (0-based); default 0. */
  task?: number | null | undefined;
};

/** How a prediction is attributed to positions and bases. */
export type ExplainMethod =
  /** DeepLIFT, rescale rule (Shrikumar et al. 2017), of the output's logit, from one reference: the sequence's own base composition at every position. Contributions of the bases present; they sum to explained − reference. */
  | 'DEEPLIFT'
  /** DeepSHAP: DeepLIFT of the output's logit averaged over 20 seeded dinucleotide shuffles of the sequence (tangermeme's deep_lift_shap). Contributions of the bases present; they sum to explained − reference (the mean over the shuffles). */
  | 'DEEPSHAP'
  /** Gradient × input (Shrikumar et al. 2016). */
  | 'GRADXINPUT'
  /** Integrated gradients from the all-zero baseline, 50 steps. */
  | 'IG'
  /** In silico mutagenesis: prediction of every single-base substitution − the prediction (0 at the base present). */
  | 'ISM'
  /** |∂prediction/∂input| (Simonyan et al. 2014). */
  | 'SALIENCY';

/** Sequences to explain (given inline, the first records of a sequence dataset, or regions of a reference FASTA; at most 100) and the model to explain: name it by exactly one of runId, modelVersionId, or modelName with alias. */
export type ExplainSequenceInput = {
  /** e.g. production (with modelName). */
  alias?: string | null | undefined;
  /** Instead of sequences: a sequence dataset of the project (of the input length). */
  datasetId?: string | null | undefined;
  /** With datasetId: how many of its first records (1–100; default 10). */
  limit?: number | null | undefined;
  method: ExplainMethod;
  /** A registered model name (with alias). */
  modelName?: string | null | undefined;
  /** A registered model version. */
  modelVersionId?: string | null | undefined;
  /** Default: the caller's only project. */
  projectId?: string | null | undefined;
  /** The reference FASTA of the regions (required with regions; optional with a datasetId, whose intervals records then show in the genome view): a path relative to the import directory (STRAND_IMPORT_DIR), plain or bgzip, as scoreVariants' reference. Served to project members at GET /jobs/<id>/reference/{sequence,fai,gzi}. */
  reference?: string | null | undefined;
  /** Instead of sequences: 1–100 genomic regions of the reference, each "chrom:start-end" (1-based, inclusive, as igv writes a locus; commas allowed) with an optional ":+" or ":-" (a "-" region is explained as the reverse complement), each exactly the model's input length. The result keeps each region's chrom, start, end and strand. */
  regions?: Array<string> | null | undefined;
  /** A SUCCEEDED run whose saved model to use. */
  runId?: string | null | undefined;
  /** 1–100 sequences of A, C, G, T, N (either case), each of the model's input length. */
  sequences?: Array<string> | null | undefined;
  /** Which model output to explain (0-based); default 0. */
  task?: number | null | undefined;
};

/** A file on the server to import (inside the import directory, STRAND_IMPORT_DIR). */
export type ImportDatasetInput = {
  /** Sequence tables: numeric feature columns kept as a model's second input (deepcpg), each a column name or a prefix (`cpg_`). */
  featureColumns?: Array<string> | null | undefined;
  /** e.g. GRCh38. */
  genomeBuild?: string | null | undefined;
  /** sequence-classification, sequence-regression (count profiles), expression, variants, or intervals (windows of a reference FASTA at the regions of a BED/narrowPeak file, stored as sequence-classification). */
  kind: string;
  /** expression: the label column of the sample table. Sequence tables: the label column, or several separated by commas (a multitask head; 0/1 values); default `label`, else every `label_*` column. intervals: the regions' label columns (name, score or 0-based column numbers, comma-separated); default 1 for every region. */
  labelColumn?: string | null | undefined;
  /** expression: the sample table, relative to the import directory. */
  labelsPath?: string | null | undefined;
  name?: string | null | undefined;
  /** intervals: negatives labelled 0, `gc-matched` (background windows of the reference) or `shuffled` (dinucleotide-shuffled positives). */
  negatives?: string | null | undefined;
  /** expression: genes-by-samples or samples-by-genes; detected when left out (when one side is at least twice the other). */
  orientation?: string | null | undefined;
  /** Path relative to the import directory (absolute paths must lie inside it). */
  path: string;
  /** Sequence tables: the per-position count column (comma-separated counts, tracks separated by `;`): the target of a sequence-regression dataset (default `counts`), for bpnet. */
  profileColumn?: string | null | undefined;
  /** Default: the caller's only project. */
  projectId?: string | null | undefined;
  /** intervals: the reference FASTA (plain or bgzip), relative to the import directory; its .fai is built beside it when missing. */
  referencePath?: string | null | undefined;
  /** intervals: seed of the negatives; default 1. */
  seed?: number | null | undefined;
  /** Refuse what the format's specification forbids even where htslib (or the format's common readers) read it: the job fails with file:line: reason instead of keeping a warning on the dataset. Default false. */
  strict?: boolean | null | undefined;
  /** intervals: BED files whose peaks are the tasks, relative to the import directory: a window's label for a task is 1 when it overlaps one of the file's peaks. */
  taskPaths?: Array<string> | null | undefined;
  /** intervals: the width of every window, centred on its region; default 200. */
  windowWidth?: number | null | undefined;
};

/** What a job does (TRAIN: a training run; its Run is the record). */
export type JobKind =
  | 'CALL_VARIANTS'
  | 'CREATE_DEMO_DATASET'
  | 'CROSS_VALIDATION'
  | 'DESIGN'
  | 'DISCOVER_MOTIFS'
  | 'EXPLAIN_SEQUENCE'
  | 'IMPORT_DATASET'
  | 'IMPORT_UPLOAD'
  | 'MARGINALIZE'
  | 'PREDICT_RISK'
  | 'SCORE_VARIANTS'
  | 'SWEEP'
  | 'TRAIN';

/** Where a job is in its life; a job whose server stopped goes back to QUEUED. */
export type JobStatus = 'CANCELLED' | 'FAILED' | 'QUEUED' | 'RUNNING' | 'SUCCEEDED';

/** In-silico marginalisation (strand marginalize): a motif inserted into dinucleotide-shuffled backgrounds made from a sequence dataset's first records, optionally a second motif at a range of spacings, and the motif's best match ablated. Name the model by exactly one of runId, modelVersionId, or modelName with alias. */
export type MarginalizeInput = {
  /** Also shuffle the motif's best PWM match (both strands, ≥ 0.7 × its best score) in the records themselves and report the drop. */
  ablate?: boolean | null | undefined;
  /** e.g. production (with modelName). */
  alias?: string | null | undefined;
  /** Backgrounds, 1–1000; default 100. */
  backgrounds?: number | null | undefined;
  /** A sequence dataset of the project, of the model's input length: its first records make the backgrounds. */
  datasetId: string;
  /** A JASPAR file in the server's import directory (STRAND_IMPORT_DIR) the motifs are looked up in; default Strand's bundled motifs. */
  jaspar?: string | null | undefined;
  /** Only the records with this label (e.g. "0", the negatives); default every record. */
  label?: string | null | undefined;
  /** With secondMotif: the largest (default 20; at most 101 spacings). */
  maxSpacing?: number | null | undefined;
  /** With secondMotif: the smallest number of bases between the motifs (default 0). */
  minSpacing?: number | null | undefined;
  /** A registered model name (with alias). */
  modelName?: string | null | undefined;
  /** A registered model version. */
  modelVersionId?: string | null | undefined;
  /** A JASPAR id or name (MA0139.2, CTCF) of jaspar or Strand's bundled motifs, inserted as its consensus; or a consensus of A, C, G, T (at most 100 characters). */
  motif: string;
  /** 0-based start of the motif; default centred. */
  position?: number | null | undefined;
  /** Also the motif alone at every positionStep-th start (0, step, 2 × step, …): its effect by position (at most 201 starts). */
  positionStep?: number | null | undefined;
  /** Default: the caller's only project. */
  projectId?: string | null | undefined;
  /** A SUCCEEDED run whose saved model to use. */
  runId?: string | null | undefined;
  /** A second motif (same forms as motif), inserted after the first at each spacing from minSpacing to maxSpacing, the pair centred. */
  secondMotif?: string | null | undefined;
  /** Of the shuffles; default 1. */
  seed?: number | null | undefined;
  /** The model output (0-based); default 0. Effects are on its logit. */
  task?: number | null | undefined;
};

/** Matches runs whose hyperparameter or config field has a value. */
export type ParamFilterInput = {
  /** epochs, batchSize, learningRate, seed, architecture, or a field of the architecture config (e.g. filters). */
  name: string;
  /** Compared as a number or boolean when it reads as one ("0.001", "true"), else as text. */
  value: string;
};

/** Disease risk from gene expression + gene-level variant burden: a cross-validated multimodal model, each sample's out-of-fold risk, and the features ranked by attribution. */
export type PredictRiskInput = {
  /** Epochs per model, 1–1000; default 10. */
  epochs?: number | null | undefined;
  /** An expression dataset of the project; its stored sample labels are the classes. */
  expressionDatasetId: string;
  /** Cross-validation folds, 2–20; default 5. */
  folds?: number | null | undefined;
  /** Gene intervals as BED (name column = gene; several lines per gene allowed): a path relative to the import directory (STRAND_IMPORT_DIR). */
  genes: string;
  /** The label column; must be the one the expression dataset was imported with (default: it). */
  labelColumn?: string | null | undefined;
  /** Rare-variant burden: count only ALT alleles with INFO/AF below this, in (0, 1]. */
  maxAf?: number | null | undefined;
  /** The at-risk class; default "case" when present, else the second in sorted order. */
  positiveLabel?: string | null | undefined;
  /** Default: the caller's only project. */
  projectId?: string | null | undefined;
  /** Default 42. */
  seed?: number | null | undefined;
  /** Ranked features kept in the result, 1–1000; default 20. */
  top?: number | null | undefined;
  /** A variants dataset of the project: a multi-sample VCF with genotypes. */
  variantsDatasetId: string;
};

/** VIEWER reads; EDITOR also imports, trains and cancels; ADMIN also manages members. */
export type Role = 'ADMIN' | 'EDITOR' | 'VIEWER';

/** Which runs to list; every condition given must hold. */
export type RunFilterInput = {
  architecture?: string | null | undefined;
  /** Runs trained on this dataset. */
  datasetId?: string | null | undefined;
  param?: ParamFilterInput | null | undefined;
  /** Any of these statuses. */
  status?: Array<RunStatus> | null | undefined;
  /** Runs with this tag (normalised first). */
  tag?: string | null | undefined;
};

/** How to sort runs: by a final metric when `metric` is given (runs without it come last, ties newest first), by a run column when `field` is given (ties newest first), else by createdAt. Give at most one of metric and field. */
export type RunOrderInput = {
  direction?: SortDirection;
  /** A run column, e.g. LEARNING_RATE. */
  field?: RunSortField | null | undefined;
  /** A final metric name, e.g. val_auroc (letters, digits and _). */
  metric?: string | null | undefined;
};

/** A run column to sort by (STATUS sorts by the status name). */
export type RunSortField =
  'ARCHITECTURE' | 'BATCH_SIZE' | 'EPOCHS' | 'LEARNING_RATE' | 'SEED' | 'STATUS';

/** Where a run is in its life. */
export type RunStatus = 'CANCELLED' | 'FAILED' | 'QUEUED' | 'RUNNING' | 'STALLED' | 'SUCCEEDED';

/** Variants to score and the model to score them with: name the model by exactly one of runId, modelVersionId, or modelName with alias. */
export type ScoreVariantsInput = {
  /** e.g. production (with modelName). */
  alias?: string | null | undefined;
  /** Calibrate the effects against a background scored by the same model, windows, strands and shifts: "random" (random single-base substitutions at random positions of the reference) or the id of a READY variants dataset of the project (common variants, sampled). Each score then has a quantile: the share of background alleles whose |alt − ref| is below its own (ties count half; the sign is not used). Default: none. */
  background?: string | null | undefined;
  /** Background alleles drawn, 100–100000; default 10000. Needs background. */
  backgroundSize?: number | null | undefined;
  /** VCF records per resumable chunk, 1–100000; default 1000. */
  chunkSize?: number | null | undefined;
  /** A variants dataset (an imported VCF) of the project. */
  datasetId: string;
  /** Score even when the pre-flight finds a gross mismatch with the reference (a wrong build?). Default false. */
  force?: boolean | null | undefined;
  /** Per-base attribution of the K alleles of largest |alt − ref| (0–50; default 0): in-silico mutagenesis of their ref and alt windows in the scoring worker, kept in the job's ism.json; read with variantAttributions(jobId). */
  ismTop?: number | null | undefined;
  /** A registered model name (with alias). */
  modelName?: string | null | undefined;
  /** A registered model version. */
  modelVersionId?: string | null | undefined;
  /** Default: the caller's only project. */
  projectId?: string | null | undefined;
  /** The reference FASTA the VCF was called on: a path relative to the import directory (STRAND_IMPORT_DIR); plain or bgzip; its .fai is built beside it when missing. */
  reference: string;
  /** Average the predictions of both strands. Default: as the model was trained (true for a model trained with rcAverage), else false. */
  reverseComplement?: boolean | null | undefined;
  /** A SUCCEEDED run whose saved model to use. */
  runId?: string | null | undefined;
  /** Shift averaging: also score each variant with both windows moved 1…N bases left and right and average the 2N + 1 predictions of ref and of alt (0–10, less than half the model's input length; default 0). Indels are left-anchored: the job result's window says so. */
  shifts?: number | null | undefined;
};

/** Ascending or descending. */
export type SortDirection = 'ASC' | 'DESC';

export type StartTrainingInput = {
  /** An architecture name (see `architectures`). */
  architecture: string;
  /** Default 64. */
  batchSize?: number | null | undefined;
  /** Loss weight per class against imbalance (one label column of classes): "none" (default), "auto" (inverse class frequency on the training rows, n / (k · n_class)) or name=weight pairs, e.g. "neg=1,pos=3" (classes not named weigh 1). */
  classWeights?: string | null | undefined;
  /** Architecture configuration as a JSON object; missing fields take defaults (with initFrom: the source model's, but for the head, which the data decides). */
  config?: string | null | undefined;
  /** A sequence-classification or expression dataset. */
  datasetId: string;
  epochs: number;
  /** With initFrom, the copied layers that do not train: none, N (the first N layers with weights), conv or all-but-head. Default none. */
  freeze?: string | null | undefined;
  /** Expression: none or knn. none (default): a missing value reads as the training mean; knn: the mean of the imputeK nearest samples that have it (impute.knn's distance; every sample of the dataset, no labels). */
  impute?: string | null | undefined;
  /** With impute knn: neighbours, 1–100; default 10. */
  imputeK?: number | null | undefined;
  /** Transfer learning: start from this model of the project (a SUCCEEDED run id, a model version id, or NAME@ALIAS). Same architecture, same input shape as the dataset; layers of the same name and weight shapes are copied (the head is new when the classes or tasks differ). Recorded in Run.trainingOptions.initFrom. */
  initFrom?: string | null | undefined;
  /** DNA sequences: read each as its counts of the 4^K K-mers (1–6) instead of one-hot bases, a feature vector for mlp (and the logistic-regression baseline on the counts); default 0: one-hot. */
  kmer?: number | null | undefined;
  /** With kmer: count a K-mer and its reverse complement together. Default false. */
  kmerCanonical?: boolean | null | undefined;
  /** Adam learning rate; default 0.001. */
  learningRate?: number | null | undefined;
  /** Learning-rate schedule: constant, cosine, plateau. constant (default); cosine: annealed to 0 over the epochs; plateau: halved after plateauPatience epochs without a lower validation loss (training loss without a validation split). */
  lrSchedule?: string | null | undefined;
  /** Expression: per-sample normalisation before anything else: none, log1p, cpm, log-cpm, quantile. none (default); log1p: ln(1 + x); cpm: counts per million; log-cpm: both; quantile: limma's normalizeQuantiles over every sample of the dataset (no labels used). */
  normalize?: string | null | undefined;
  /** With lrSchedule plateau: epochs without improvement before halving, 1–100; default 3. */
  plateauPatience?: number | null | undefined;
  /** Live interpretation: up to 8 DNA sequences (A, C, G, T, N, either case) of the dataset's length. After every epoch the training worker computes their gradient × input attributions, stores them with the epoch (Run.probeAttributions) and sends them with the epoch's progress event. */
  probes?: Array<string> | null | undefined;
  /** Default: the caller's only project. */
  projectId?: string | null | undefined;
  /** DNA sequences: test-time averaging, a prediction is the mean of the outputs on the sequence and on its reverse complement (test metrics; the saved model's strand.json keeps it and variant scoring follows it). Default false. */
  rcAverage?: boolean | null | undefined;
  /** DNA sequences: augment training by reading each sequence as its reverse complement at random (seeded), half the time. Default false. */
  reverseComplement?: boolean | null | undefined;
  /** Seed for initialisation, split and shuffling; default 42. */
  seed?: number | null | undefined;
  /** Expression datasets: keep the K features that score best (selectionMethod) on the training samples alone (each fold's, in cross-validation). Default (null): the top 200 by F-test when features outnumber training samples (p ≫ n), else all; 0: all. */
  selectFeatures?: number | null | undefined;
  /** With selectFeatures K: f-test or variance (default f-test: ANOVA F of the classes, t² for two). */
  selectionMethod?: string | null | undefined;
  /** L2 penalty weightDecay · Σ w² on the kernels (dense, convolution, recurrent weights; not biases), in [0, 1]; default 0. */
  weightDecay?: number | null | undefined;
};

/** Whether larger (MAXIMIZE) or smaller (MINIMIZE) values of the metric are better. */
export type SweepDirection = 'MAXIMIZE' | 'MINIMIZE';

/** The median stopping rule (Google Vizier): a trial whose best value so far is worse than the median of the completed trials' best values at the same epoch is stopped (pruned). */
export type SweepEarlyStopInput = {
  /** Epochs a trial trains before it may be stopped, 1–1000. */
  afterEpochs: number;
  /** Completed trials needed before any is stopped; default 2. */
  minCompleted?: number | null | undefined;
};

/** A hyperparameter sweep: its trials are ordinary training runs of the dataset, run one at a time and listed by the job (Job.runs, group labels "trial N"). */
export type SweepInput = {
  /** An architecture name (see `architectures`). */
  architecture: string;
  /** For trials that do not sweep it; default 64. */
  batchSize?: number | null | undefined;
  /** Configuration shared by every trial, as a JSON object; swept config.<field> values replace its fields. */
  config?: string | null | undefined;
  /** A sequence-classification or expression dataset. */
  datasetId: string;
  /** Default MINIMIZE for losses (loss, mse, mae), else MAXIMIZE. */
  direction?: SweepDirection | null | undefined;
  /** Stop hopeless trials early; default: every trial trains every epoch. */
  earlyStop?: SweepEarlyStopInput | null | undefined;
  /** Epochs per trial; default 10. */
  epochs?: number | null | undefined;
  /** For trials that do not sweep it; default 0.001. */
  learningRate?: number | null | undefined;
  /** At most this many trials (≤ 50); default the whole grid, or 10 random trials. */
  maxTrials?: number | null | undefined;
  /** Default GRID. */
  method?: SweepMethod | null | undefined;
  /** An epoch metric: loss or a validation metric (val_auroc, val_accuracy, val_loss, …); default val_auroc for two classes, val_accuracy for more. */
  metric?: string | null | undefined;
  /** Default: the caller's only project. */
  projectId?: string | null | undefined;
  /** Every trial's seed (weights, split, shuffling) and the random draws; default 42. */
  seed?: number | null | undefined;
  /** The search space as a JSON object: parameter (learningRate, batchSize or config.<field>) → a list of values, or for RANDOM a range {"min", "max", "log"?, "integer"?}. E.g. {"learningRate": [0.01, 0.001], "config.filters": [16, 32]}. */
  space: string;
};

/** GRID: every combination of the listed values, first parameter slowest; RANDOM: seeded draws (ranges allowed). */
export type SweepMethod = 'GRID' | 'RANDOM';

/** Which variant scores to list; every condition given must hold. */
export type VariantScoreFilterInput = {
  /** This chromosome, in either spelling: `17` finds `chr17` and the reverse, `chrM` finds `MT`. */
  chrom?: string | null | undefined;
  /** Only positions ≤ this (1-based, inclusive). */
  end?: number | null | undefined;
  /** Only rows with absDiff ≥ this. */
  minAbsDiff?: number | null | undefined;
  /** Only positions ≥ this (1-based, as VCF POS). With `chrom` and `end`: the variants in a genome window. */
  start?: number | null | undefined;
  /** Only this model task. */
  task?: string | null | undefined;
};

/** How to sort variant scores (default: largest |effect| first); ties by row. */
export type VariantScoreOrderInput = {
  direction?: SortDirection;
  field?: VariantScoreSortField;
};

/** Sort keys of variant scores; ties are broken by the row (scores.tsv line). */
export type VariantScoreSortField =
  /** |alt − ref prediction|: the size of the effect. */
  | 'ABS_DIFF'
  /** alt − ref prediction: the signed effect. */
  | 'DIFF'
  /** Chromosome (by name, as text) then position. */
  | 'POSITION';

export type RunSummaryFieldsFragment = {
  id: string;
  status: RunStatus;
  architecture: string;
  epochs: number;
  currentEpoch: number;
  createdAt: string;
  metrics: Array<{ name: string; value: number }>;
  dataset: { id: string; name: string };
};

export type BestEpochFieldsFragment = {
  bestEpoch: {
    monitor: string;
    mode: string;
    epoch: number;
    metrics: Array<{ name: string; value: number }>;
  } | null;
};

export type DatasetFieldsFragment = {
  id: string;
  name: string;
  kind: string;
  status: string;
  recordCount: number;
  sequenceLength: number | null;
  createdAt: string;
};

export type RunsQueryVariables = Exact<{
  first?: number | null | undefined;
  after?: string | null | undefined;
  filter?: RunFilterInput | null | undefined;
  orderBy?: RunOrderInput | null | undefined;
  projectId?: string | null | undefined;
}>;

export type RunsQuery = {
  runs: {
    totalCount: number;
    edges: Array<{
      cursor: string;
      node: {
        tags: Array<string>;
        learningRate: number;
        batchSize: number;
        config: string;
        id: string;
        status: RunStatus;
        architecture: string;
        epochs: number;
        currentEpoch: number;
        createdAt: string;
        metrics: Array<{ name: string; value: number }>;
        dataset: { id: string; name: string };
        bestEpoch: {
          monitor: string;
          mode: string;
          epoch: number;
          metrics: Array<{ name: string; value: number }>;
        } | null;
      };
    }>;
    pageInfo: { hasNextPage: boolean; endCursor: string | null };
  };
};

export type CompareRunsQueryVariables = Exact<{
  ids: Array<string> | string;
}>;

export type CompareRunsQuery = {
  compareRuns: {
    metricNames: Array<string>;
    runs: Array<{
      id: string;
      status: RunStatus;
      architecture: string;
      epochs: number;
      currentEpoch: number;
      createdAt: string;
      metrics: Array<{ name: string; value: number }>;
      dataset: { id: string; name: string };
    }>;
    epochs: Array<{
      epoch: number;
      metrics: Array<{ name: string; values: Array<number | null> }>;
    }>;
    params: Array<{ name: string; values: Array<string | null> }>;
  };
};

export type DatasetLinkFieldsFragment = {
  warningCount: number;
  id: string;
  name: string;
  kind: string;
  status: string;
  recordCount: number;
  sequenceLength: number | null;
  createdAt: string;
};

export type DatasetQueryVariables = Exact<{
  id: string;
}>;

export type DatasetQuery = {
  dataset: {
    checksum: string | null;
    warningCount: number;
    id: string;
    name: string;
    kind: string;
    status: string;
    recordCount: number;
    sequenceLength: number | null;
    createdAt: string;
    project: { id: string; viewerRole: Role };
    labelCounts: Array<{ label: string; count: number }>;
    warnings: Array<{
      rule: string;
      count: number;
      examples: Array<{ file: string; line: number; message: string }>;
    }>;
    derived: {
      runs: {
        totalCount: number;
        edges: Array<{
          node: {
            id: string;
            status: RunStatus;
            architecture: string;
            epochs: number;
            currentEpoch: number;
            createdAt: string;
            metrics: Array<{ name: string; value: number }>;
            dataset: { id: string; name: string };
          };
        }>;
      };
      modelVersions: {
        totalCount: number;
        edges: Array<{
          node: { id: string; name: string; version: number; aliases: Array<string> };
        }>;
      };
      jobs: {
        totalCount: number;
        edges: Array<{
          node: {
            id: string;
            kind: JobKind;
            status: JobStatus;
            error: string | null;
            errorCode: string | null;
            createdAt: string;
            startedAt: string | null;
            finishedAt: string | null;
            progress: {
              done: number;
              total: number | null;
              unit: string;
              message: string | null;
              fraction: number | null;
            };
          };
        }>;
      };
    };
  } | null;
};

export type ModelVersionFieldsFragment = {
  id: string;
  name: string;
  version: number;
  aliases: Array<string>;
  createdAt: string;
  run: {
    id: string;
    architecture: string;
    status: RunStatus;
    metrics: Array<{ name: string; value: number }>;
    dataset: { id: string; name: string };
  };
  artifact: { id: string; sizeBytes: number };
};

export type RegisteredModelsQueryVariables = Exact<{
  projectId?: string | null | undefined;
  after?: string | null | undefined;
}>;

export type RegisteredModelsQuery = {
  registeredModels: Array<{
    name: string;
    cursor: string;
    latestVersion: number;
    project: { id: string; name: string; viewerRole: Role };
    aliases: Array<{ alias: string; version: number }>;
    versions: Array<{
      id: string;
      name: string;
      version: number;
      aliases: Array<string>;
      createdAt: string;
      run: {
        id: string;
        architecture: string;
        status: RunStatus;
        metrics: Array<{ name: string; value: number }>;
        dataset: { id: string; name: string };
      };
      artifact: { id: string; sizeBytes: number };
    }>;
  }>;
};

export type RegisterModelMutationVariables = Exact<{
  name: string;
  runId: string;
}>;

export type RegisterModelMutation = {
  registerModel: {
    modelVersion: {
      id: string;
      name: string;
      version: number;
      aliases: Array<string>;
      createdAt: string;
      run: {
        id: string;
        architecture: string;
        status: RunStatus;
        metrics: Array<{ name: string; value: number }>;
        dataset: { id: string; name: string };
      };
      artifact: { id: string; sizeBytes: number };
    } | null;
    userErrors: Array<{ field: string | null; message: string; code: string }>;
  };
};

export type SetModelAliasMutationVariables = Exact<{
  alias: string;
  name: string;
  projectId?: string | null | undefined;
  version: number;
}>;

export type SetModelAliasMutation = {
  setModelAlias: {
    modelVersion: {
      id: string;
      name: string;
      version: number;
      aliases: Array<string>;
      createdAt: string;
      run: {
        id: string;
        architecture: string;
        status: RunStatus;
        metrics: Array<{ name: string; value: number }>;
        dataset: { id: string; name: string };
      };
      artifact: { id: string; sizeBytes: number };
    } | null;
    userErrors: Array<{ field: string | null; message: string; code: string }>;
  };
};

export type RunQueryVariables = Exact<{
  id: string;
}>;

export type RunQuery = {
  run: {
    backend: string;
    batchSize: number;
    learningRate: number;
    seed: number;
    config: string;
    trainingOptions: string;
    classNames: Array<string>;
    probes: Array<string>;
    error: string | null;
    startedAt: string | null;
    finishedAt: string | null;
    id: string;
    status: RunStatus;
    architecture: string;
    epochs: number;
    currentEpoch: number;
    createdAt: string;
    project: { id: string; viewerRole: Role };
    trainingJob: { id: string; status: JobStatus } | null;
    history: Array<{
      epoch: number;
      samplesPerSecond: number;
      seconds: number;
      metrics: Array<{ name: string; value: number }>;
    }>;
    dataset: {
      id: string;
      name: string;
      kind: string;
      status: string;
      recordCount: number;
      sequenceLength: number | null;
      createdAt: string;
    };
    metrics: Array<{ name: string; value: number }>;
    bestEpoch: {
      monitor: string;
      mode: string;
      epoch: number;
      metrics: Array<{ name: string; value: number }>;
    } | null;
  } | null;
};

export type DatasetsQueryVariables = Exact<{
  first?: number | null | undefined;
  after?: string | null | undefined;
  projectId?: string | null | undefined;
}>;

export type DatasetsQuery = {
  datasets: {
    totalCount: number;
    edges: Array<{
      cursor: string;
      node: {
        warningCount: number;
        id: string;
        name: string;
        kind: string;
        status: string;
        recordCount: number;
        sequenceLength: number | null;
        createdAt: string;
      };
    }>;
    pageInfo: { hasNextPage: boolean; endCursor: string | null };
  };
};

export type NewRunChoicesQueryVariables = Exact<{ [key: string]: never }>;

export type NewRunChoicesQuery = {
  architectures: Array<{ name: string; description: string; defaultConfig: string }>;
  motifs: Array<{ id: string; name: string; width: number; consensus: string }>;
};

export type CreateDemoDatasetMutationVariables = Exact<{
  input: CreateDemoDatasetInput;
}>;

export type CreateDemoDatasetMutation = {
  createDemoDataset: {
    job: {
      id: string;
      kind: JobKind;
      status: JobStatus;
      error: string | null;
      errorCode: string | null;
      createdAt: string;
      startedAt: string | null;
      finishedAt: string | null;
      progress: {
        done: number;
        total: number | null;
        unit: string;
        message: string | null;
        fraction: number | null;
      };
    } | null;
    userErrors: Array<{ field: string | null; message: string; code: string }>;
  };
};

export type StartTrainingMutationVariables = Exact<{
  input: StartTrainingInput;
}>;

export type StartTrainingMutation = {
  startTraining: {
    run: {
      id: string;
      status: RunStatus;
      architecture: string;
      epochs: number;
      currentEpoch: number;
      createdAt: string;
      metrics: Array<{ name: string; value: number }>;
      dataset: { id: string; name: string };
    } | null;
    userErrors: Array<{ field: string | null; message: string; code: string }>;
  };
};

export type CancelRunMutationVariables = Exact<{
  id: string;
}>;

export type CancelRunMutation = {
  cancelRun: {
    run: { id: string; status: RunStatus } | null;
    userErrors: Array<{ field: string | null; message: string; code: string }>;
  };
};

export type TrainingProgressSubscriptionVariables = Exact<{
  runId: string;
}>;

export type TrainingProgressSubscription = {
  trainingProgress: {
    runId: string;
    status: RunStatus;
    epoch: number;
    epochs: number;
    batch: number | null;
    batches: number | null;
    loss: number | null;
    samplesPerSecond: number | null;
    etaSeconds: number | null;
    done: boolean;
    metrics: Array<{ name: string; value: number }>;
    probeAttributions: Array<{
      probe: number;
      epoch: number;
      sequence: string;
      output: number;
      scores: Array<number>;
    }> | null;
  };
};

export type ProbeAttributionFieldsFragment = {
  probe: number;
  epoch: number;
  sequence: string;
  output: number;
  scores: Array<number>;
};

export type RunProbeAttributionsQueryVariables = Exact<{
  id: string;
  epoch?: number | null | undefined;
}>;

export type RunProbeAttributionsQuery = {
  run: {
    id: string;
    probeAttributions: Array<{
      probe: number;
      epoch: number;
      sequence: string;
      output: number;
      scores: Array<number>;
    }>;
  } | null;
};

export type RunStatusChangedSubscriptionVariables = Exact<{ [key: string]: never }>;

export type RunStatusChangedSubscription = {
  runStatusChanged: {
    backend: string;
    error: string | null;
    startedAt: string | null;
    finishedAt: string | null;
    id: string;
    status: RunStatus;
    architecture: string;
    epochs: number;
    currentEpoch: number;
    createdAt: string;
    metrics: Array<{ name: string; value: number }>;
    dataset: { id: string; name: string };
  };
};

export type JobProgressFieldsFragment = {
  done: number;
  total: number | null;
  unit: string;
  message: string | null;
  fraction: number | null;
};

export type JobSummaryFieldsFragment = {
  id: string;
  kind: JobKind;
  status: JobStatus;
  error: string | null;
  errorCode: string | null;
  createdAt: string;
  startedAt: string | null;
  finishedAt: string | null;
  progress: {
    done: number;
    total: number | null;
    unit: string;
    message: string | null;
    fraction: number | null;
  };
};

export type JobDatasetFieldsFragment = {
  id: string;
  name: string;
  kind: string;
  status: string;
  recordCount: number;
  checksum: string | null;
  warningCount: number;
  warnings: Array<{
    rule: string;
    count: number;
    examples: Array<{ file: string; line: number; message: string }>;
  }>;
};

export type JobsQueryVariables = Exact<{
  first?: number | null | undefined;
  after?: string | null | undefined;
  kind?: JobKind | null | undefined;
  status?: JobStatus | null | undefined;
  projectId?: string | null | undefined;
}>;

export type JobsQuery = {
  jobs: {
    totalCount: number;
    edges: Array<{
      cursor: string;
      node: {
        id: string;
        kind: JobKind;
        status: JobStatus;
        error: string | null;
        errorCode: string | null;
        createdAt: string;
        startedAt: string | null;
        finishedAt: string | null;
        dataset: { id: string; name: string } | null;
        outputDataset: { id: string; name: string } | null;
        progress: {
          done: number;
          total: number | null;
          unit: string;
          message: string | null;
          fraction: number | null;
        };
      };
    }>;
    pageInfo: { hasNextPage: boolean; endCursor: string | null };
  };
};

export type TrialRunFieldsFragment = {
  id: string;
  status: RunStatus;
  architecture: string;
  currentEpoch: number;
  epochs: number;
  learningRate: number;
  batchSize: number;
  tags: Array<string>;
  groupLabel: string | null;
  metrics: Array<{ name: string; value: number }>;
};

export type JobQueryVariables = Exact<{
  id: string;
}>;

export type JobQuery = {
  job: {
    params: string;
    lineage: string;
    id: string;
    kind: JobKind;
    status: JobStatus;
    error: string | null;
    errorCode: string | null;
    createdAt: string;
    startedAt: string | null;
    finishedAt: string | null;
    project: { id: string; viewerRole: Role };
    dataset: {
      id: string;
      name: string;
      kind: string;
      status: string;
      recordCount: number;
      checksum: string | null;
      warningCount: number;
      warnings: Array<{
        rule: string;
        count: number;
        examples: Array<{ file: string; line: number; message: string }>;
      }>;
    } | null;
    outputDataset: {
      id: string;
      name: string;
      kind: string;
      status: string;
      recordCount: number;
      checksum: string | null;
      warningCount: number;
      warnings: Array<{
        rule: string;
        count: number;
        examples: Array<{ file: string; line: number; message: string }>;
      }>;
    } | null;
    run: { id: string; architecture: string; status: RunStatus } | null;
    modelVersion: { id: string; name: string; version: number; aliases: Array<string> } | null;
    runs: Array<{
      id: string;
      status: RunStatus;
      architecture: string;
      currentEpoch: number;
      epochs: number;
      learningRate: number;
      batchSize: number;
      tags: Array<string>;
      groupLabel: string | null;
      metrics: Array<{ name: string; value: number }>;
    }>;
    progress: {
      done: number;
      total: number | null;
      unit: string;
      message: string | null;
      fraction: number | null;
    };
  } | null;
};

export type JobResultQueryVariables = Exact<{
  id: string;
}>;

export type JobResultQuery = { job: { id: string; result: string | null } | null };

export type CancelJobMutationVariables = Exact<{
  id: string;
}>;

export type CancelJobMutation = {
  cancelJob: {
    job: {
      id: string;
      kind: JobKind;
      status: JobStatus;
      error: string | null;
      errorCode: string | null;
      createdAt: string;
      startedAt: string | null;
      finishedAt: string | null;
      progress: {
        done: number;
        total: number | null;
        unit: string;
        message: string | null;
        fraction: number | null;
      };
    } | null;
    userErrors: Array<{ field: string | null; message: string; code: string }>;
  };
};

export type DemoJobQueryVariables = Exact<{
  id: string;
}>;

export type DemoJobQuery = {
  job: {
    id: string;
    kind: JobKind;
    status: JobStatus;
    error: string | null;
    errorCode: string | null;
    createdAt: string;
    startedAt: string | null;
    finishedAt: string | null;
    outputDataset: {
      id: string;
      name: string;
      kind: string;
      status: string;
      recordCount: number;
      sequenceLength: number | null;
      createdAt: string;
    } | null;
    progress: {
      done: number;
      total: number | null;
      unit: string;
      message: string | null;
      fraction: number | null;
    };
  } | null;
};

export type JobProgressSubscriptionVariables = Exact<{
  jobId: string;
}>;

export type JobProgressSubscription = {
  jobProgress: {
    jobId: string;
    status: JobStatus;
    done: boolean;
    progress: {
      done: number;
      total: number | null;
      unit: string;
      message: string | null;
      fraction: number | null;
    };
  };
};

export type JobStatusChangedSubscriptionVariables = Exact<{ [key: string]: never }>;

export type JobStatusChangedSubscription = {
  jobStatusChanged: {
    id: string;
    kind: JobKind;
    status: JobStatus;
    error: string | null;
    errorCode: string | null;
    createdAt: string;
    startedAt: string | null;
    finishedAt: string | null;
    progress: {
      done: number;
      total: number | null;
      unit: string;
      message: string | null;
      fraction: number | null;
    };
  };
};

export type SweepTrialChangedSubscriptionVariables = Exact<{ [key: string]: never }>;

export type SweepTrialChangedSubscription = {
  runStatusChanged: {
    id: string;
    status: RunStatus;
    architecture: string;
    currentEpoch: number;
    epochs: number;
    learningRate: number;
    batchSize: number;
    tags: Array<string>;
    groupLabel: string | null;
    parentJob: { id: string } | null;
    metrics: Array<{ name: string; value: number }>;
  };
};

export type VariantScoresQueryVariables = Exact<{
  jobId: string;
  first?: number | null | undefined;
  after?: string | null | undefined;
  filter?: VariantScoreFilterInput | null | undefined;
  orderBy?: VariantScoreOrderInput | null | undefined;
}>;

export type VariantScoresQuery = {
  variantScores: {
    totalCount: number;
    edges: Array<{
      cursor: string;
      node: {
        row: number;
        chrom: string;
        pos: number;
        variantId: string | null;
        ref: string;
        alt: string;
        task: string;
        refPred: number;
        altPred: number;
        diff: number;
        absDiff: number;
        logOddsChange: number;
        quantile: number | null;
      };
    }>;
    pageInfo: { hasNextPage: boolean; endCursor: string | null };
  };
};

export type ExplanationQueryVariables = Exact<{
  jobId: string;
}>;

export type ExplanationQuery = {
  explanation: {
    jobId: string;
    method: ExplainMethod;
    task: number;
    taskName: string;
    backend: string;
    inputLength: number;
    summary: string;
    target: string;
    sequences: Array<{
      id: string;
      chrom: string | null;
      start: number | null;
      end: number | null;
      strand: string | null;
      prediction: number;
      explained: number;
      reference: number | null;
      scores: Array<Array<number>>;
      positionScores: Array<number>;
      topPositions: Array<{ position: number; score: number }>;
    }>;
  } | null;
};

export type ProjectsQueryVariables = Exact<{ [key: string]: never }>;

export type ProjectsQuery = {
  projects: Array<{ id: string; name: string; slug: string; viewerRole: Role }>;
};

export type PileupCandidateFieldsFragment = {
  index: number;
  chrom: string;
  pos: number;
  ref: string;
  alt: string;
  variant: string;
  depth: number;
  altCount: number;
  refCount: number;
  genotype: string;
  qual: number;
  filter: string;
  truth: string | null;
  probabilities: Array<number>;
};

export type PileupCandidatesQueryVariables = Exact<{
  id: string;
  offset: number;
  first: number;
}>;

export type PileupCandidatesQuery = {
  dataset: {
    id: string;
    pileupCandidates: {
      totalCount: number;
      offset: number;
      candidates: Array<{
        index: number;
        chrom: string;
        pos: number;
        ref: string;
        alt: string;
        variant: string;
        depth: number;
        altCount: number;
        refCount: number;
        genotype: string;
        qual: number;
        filter: string;
        truth: string | null;
        probabilities: Array<number>;
      }>;
    } | null;
  } | null;
};

export type PileupImageQueryVariables = Exact<{
  id: string;
  index: number;
}>;

export type PileupImageQuery = {
  dataset: {
    id: string;
    pileupImage: {
      width: number;
      rows: number;
      candidate: {
        index: number;
        chrom: string;
        pos: number;
        ref: string;
        alt: string;
        variant: string;
        depth: number;
        altCount: number;
        refCount: number;
        genotype: string;
        qual: number;
        filter: string;
        truth: string | null;
        probabilities: Array<number>;
      };
      channels: Array<{ name: string; values: Array<number> }>;
    } | null;
  } | null;
};

export type StartedJobFieldsFragment = {
  job: {
    id: string;
    kind: JobKind;
    status: JobStatus;
    error: string | null;
    errorCode: string | null;
    createdAt: string;
    startedAt: string | null;
    finishedAt: string | null;
    progress: {
      done: number;
      total: number | null;
      unit: string;
      message: string | null;
      fraction: number | null;
    };
  } | null;
  userErrors: Array<{ field: string | null; message: string; code: string }>;
};

export type ImportDatasetMutationVariables = Exact<{
  input: ImportDatasetInput;
}>;

export type ImportDatasetMutation = {
  importDataset: {
    job: {
      id: string;
      kind: JobKind;
      status: JobStatus;
      error: string | null;
      errorCode: string | null;
      createdAt: string;
      startedAt: string | null;
      finishedAt: string | null;
      progress: {
        done: number;
        total: number | null;
        unit: string;
        message: string | null;
        fraction: number | null;
      };
    } | null;
    userErrors: Array<{ field: string | null; message: string; code: string }>;
  };
};

export type ScoreVariantsMutationVariables = Exact<{
  input: ScoreVariantsInput;
}>;

export type ScoreVariantsMutation = {
  scoreVariants: {
    job: {
      id: string;
      kind: JobKind;
      status: JobStatus;
      error: string | null;
      errorCode: string | null;
      createdAt: string;
      startedAt: string | null;
      finishedAt: string | null;
      progress: {
        done: number;
        total: number | null;
        unit: string;
        message: string | null;
        fraction: number | null;
      };
    } | null;
    userErrors: Array<{ field: string | null; message: string; code: string }>;
  };
};

export type ExplainSequenceMutationVariables = Exact<{
  input: ExplainSequenceInput;
}>;

export type ExplainSequenceMutation = {
  explainSequence: {
    job: {
      id: string;
      kind: JobKind;
      status: JobStatus;
      error: string | null;
      errorCode: string | null;
      createdAt: string;
      startedAt: string | null;
      finishedAt: string | null;
      progress: {
        done: number;
        total: number | null;
        unit: string;
        message: string | null;
        fraction: number | null;
      };
    } | null;
    userErrors: Array<{ field: string | null; message: string; code: string }>;
  };
};

export type DiscoverMotifsMutationVariables = Exact<{
  input: DiscoverMotifsInput;
}>;

export type DiscoverMotifsMutation = {
  discoverMotifs: {
    job: {
      id: string;
      kind: JobKind;
      status: JobStatus;
      error: string | null;
      errorCode: string | null;
      createdAt: string;
      startedAt: string | null;
      finishedAt: string | null;
      progress: {
        done: number;
        total: number | null;
        unit: string;
        message: string | null;
        fraction: number | null;
      };
    } | null;
    userErrors: Array<{ field: string | null; message: string; code: string }>;
  };
};

export type MarginalizeMutationVariables = Exact<{
  input: MarginalizeInput;
}>;

export type MarginalizeMutation = {
  marginalize: {
    job: {
      id: string;
      kind: JobKind;
      status: JobStatus;
      error: string | null;
      errorCode: string | null;
      createdAt: string;
      startedAt: string | null;
      finishedAt: string | null;
      progress: {
        done: number;
        total: number | null;
        unit: string;
        message: string | null;
        fraction: number | null;
      };
    } | null;
    userErrors: Array<{ field: string | null; message: string; code: string }>;
  };
};

export type DesignSequenceMutationVariables = Exact<{
  input: DesignSequenceInput;
}>;

export type DesignSequenceMutation = {
  designSequence: {
    job: {
      id: string;
      kind: JobKind;
      status: JobStatus;
      error: string | null;
      errorCode: string | null;
      createdAt: string;
      startedAt: string | null;
      finishedAt: string | null;
      progress: {
        done: number;
        total: number | null;
        unit: string;
        message: string | null;
        fraction: number | null;
      };
    } | null;
    userErrors: Array<{ field: string | null; message: string; code: string }>;
  };
};

export type StartCrossValidationMutationVariables = Exact<{
  input: CrossValidationInput;
}>;

export type StartCrossValidationMutation = {
  startCrossValidation: {
    job: {
      id: string;
      kind: JobKind;
      status: JobStatus;
      error: string | null;
      errorCode: string | null;
      createdAt: string;
      startedAt: string | null;
      finishedAt: string | null;
      progress: {
        done: number;
        total: number | null;
        unit: string;
        message: string | null;
        fraction: number | null;
      };
    } | null;
    userErrors: Array<{ field: string | null; message: string; code: string }>;
  };
};

export type StartSweepMutationVariables = Exact<{
  input: SweepInput;
}>;

export type StartSweepMutation = {
  startSweep: {
    job: {
      id: string;
      kind: JobKind;
      status: JobStatus;
      error: string | null;
      errorCode: string | null;
      createdAt: string;
      startedAt: string | null;
      finishedAt: string | null;
      progress: {
        done: number;
        total: number | null;
        unit: string;
        message: string | null;
        fraction: number | null;
      };
    } | null;
    userErrors: Array<{ field: string | null; message: string; code: string }>;
  };
};

export type PredictRiskMutationVariables = Exact<{
  input: PredictRiskInput;
}>;

export type PredictRiskMutation = {
  predictRisk: {
    job: {
      id: string;
      kind: JobKind;
      status: JobStatus;
      error: string | null;
      errorCode: string | null;
      createdAt: string;
      startedAt: string | null;
      finishedAt: string | null;
      progress: {
        done: number;
        total: number | null;
        unit: string;
        message: string | null;
        fraction: number | null;
      };
    } | null;
    userErrors: Array<{ field: string | null; message: string; code: string }>;
  };
};

export type CallVariantsMutationVariables = Exact<{
  input: CallVariantsInput;
}>;

export type CallVariantsMutation = {
  callVariants: {
    job: {
      id: string;
      kind: JobKind;
      status: JobStatus;
      error: string | null;
      errorCode: string | null;
      createdAt: string;
      startedAt: string | null;
      finishedAt: string | null;
      progress: {
        done: number;
        total: number | null;
        unit: string;
        message: string | null;
        fraction: number | null;
      };
    } | null;
    userErrors: Array<{ field: string | null; message: string; code: string }>;
  };
};

export type JobStateQueryVariables = Exact<{
  id: string;
}>;

export type JobStateQuery = {
  job: {
    id: string;
    kind: JobKind;
    status: JobStatus;
    error: string | null;
    errorCode: string | null;
    createdAt: string;
    startedAt: string | null;
    finishedAt: string | null;
    progress: {
      done: number;
      total: number | null;
      unit: string;
      message: string | null;
      fraction: number | null;
    };
  } | null;
};

export type ApiTokenFieldsFragment = {
  id: string;
  name: string;
  prefix: string;
  createdAt: string;
  expiresAt: string | null;
};

export type MyTokensQueryVariables = Exact<{ [key: string]: never }>;

export type MyTokensQuery = {
  me: {
    id: string;
    name: string;
    tokens: Array<{
      id: string;
      name: string;
      prefix: string;
      createdAt: string;
      expiresAt: string | null;
    }>;
  };
};

export type CreateTokenMutationVariables = Exact<{
  name: string;
  expiresAt?: string | null | undefined;
}>;

export type CreateTokenMutation = {
  createToken: {
    token: string | null;
    apiToken: {
      id: string;
      name: string;
      prefix: string;
      createdAt: string;
      expiresAt: string | null;
    } | null;
    userErrors: Array<{ field: string | null; message: string; code: string }>;
  };
};

export type RevokeTokenMutationVariables = Exact<{
  id: string;
}>;

export type RevokeTokenMutation = {
  revokeToken: {
    apiToken: { id: string } | null;
    userErrors: Array<{ field: string | null; message: string; code: string }>;
  };
};

export type MotifDiscoveryQueryVariables = Exact<{
  jobId: string;
}>;

export type MotifDiscoveryQuery = {
  motifDiscovery: {
    jobId: string;
    backend: string;
    sequences: number;
    seqletsCalled: number;
    seqletsClustered: number;
    motifs: Array<{
      name: string;
      sign: string;
      consensus: string;
      seqlets: number;
      informationContent: number;
      pwm: Array<Array<number>>;
      cwm: Array<Array<number>>;
      matches: Array<{ id: string; name: string; score: number; p: number }>;
    }>;
  } | null;
};

export type EffectFieldsFragment = {
  n: number;
  mean: number | null;
  sd: number | null;
  min: number | null;
  max: number | null;
};

export type MarginalizationQueryVariables = Exact<{
  jobId: string;
}>;

export type MarginalizationQuery = {
  marginalization: {
    jobId: string;
    backend: string;
    target: string;
    sequences: number;
    backgrounds: number;
    before: number;
    after: number;
    bestSpacing: number | null;
    motif: { id: string | null; name: string | null; consensus: string; position: number | null };
    effect: {
      n: number;
      mean: number | null;
      sd: number | null;
      min: number | null;
      max: number | null;
    };
    positions: Array<{
      position: number;
      effect: {
        n: number;
        mean: number | null;
        sd: number | null;
        min: number | null;
        max: number | null;
      };
    }>;
    second: { id: string | null; name: string | null; consensus: string } | null;
    spacings: Array<{
      spacing: number;
      effect: {
        n: number;
        mean: number | null;
        sd: number | null;
        min: number | null;
        max: number | null;
      };
    }>;
    ablation: {
      ablated: number;
      drop: {
        n: number;
        mean: number | null;
        sd: number | null;
        min: number | null;
        max: number | null;
      };
    } | null;
  } | null;
};

export type SequenceDesignQueryVariables = Exact<{
  jobId: string;
}>;

export type SequenceDesignQuery = {
  sequenceDesign: {
    jobId: string;
    backend: string;
    target: string;
    method: string;
    start: { sequence: string; score: number };
    best: {
      step: number;
      score: number;
      sequence: string;
      edits: Array<{ position: number; from: string; to: string }>;
    };
    trajectory: Array<{
      step: number;
      score: number;
      edits: Array<{ position: number; from: string; to: string }>;
    }>;
  } | null;
};

export type RunEvaluationQueryVariables = Exact<{
  id: string;
}>;

export type RunEvaluationQuery = {
  run: {
    id: string;
    status: RunStatus;
    embedding: {
      split: string;
      epoch: number;
      rows: number;
      latentSize: number;
      method: string;
      explained: Array<number> | null;
      x: Array<number>;
      y: Array<number>;
      label: Array<number>;
      labelNames: Array<string>;
    } | null;
    evaluation: {
      split: string;
      epoch: number;
      task: string;
      rows: number;
      omitted: number;
      classes: Array<{
        name: string;
        positives: number;
        negatives: number;
        auroc: number | null;
        auprc: number | null;
        roc: { x: Array<number>; y: Array<number> };
        pr: { x: Array<number>; y: Array<number> };
        calibration: Array<{
          lower: number;
          upper: number;
          count: number;
          meanPredicted: number | null;
          observed: number | null;
        }>;
      }>;
      confusion: Array<{
        name: string;
        labels: Array<string>;
        counts: Array<Array<number>>;
        rule: string;
      }>;
      regression: Array<{
        name: string;
        count: number;
        pearson: number | null;
        spearman: number | null;
        r2: number | null;
        observed: Array<number>;
        predicted: Array<number>;
      }>;
    } | null;
  } | null;
};

export type VariantAttributionsQueryVariables = Exact<{
  jobId: string;
  first?: number | null | undefined;
}>;

export type VariantAttributionsQuery = {
  variantAttributions: Array<{
    row: number;
    chrom: string;
    pos: number;
    variantId: string | null;
    ref: string;
    alt: string;
    task: string;
    diff: number;
    quantile: number | null;
    center: number;
    refWindow: string;
    altWindow: string;
    refScores: Array<number>;
    altScores: Array<number>;
  }> | null;
};

export const RunSummaryFieldsFragmentDoc = {
  kind: 'Document',
  definitions: [
    {
      kind: 'FragmentDefinition',
      name: { kind: 'Name', value: 'RunSummaryFields' },
      typeCondition: { kind: 'NamedType', name: { kind: 'Name', value: 'Run' } },
      selectionSet: {
        kind: 'SelectionSet',
        selections: [
          { kind: 'Field', name: { kind: 'Name', value: 'id' } },
          { kind: 'Field', name: { kind: 'Name', value: 'status' } },
          { kind: 'Field', name: { kind: 'Name', value: 'architecture' } },
          { kind: 'Field', name: { kind: 'Name', value: 'epochs' } },
          { kind: 'Field', name: { kind: 'Name', value: 'currentEpoch' } },
          {
            kind: 'Field',
            name: { kind: 'Name', value: 'metrics' },
            selectionSet: {
              kind: 'SelectionSet',
              selections: [
                { kind: 'Field', name: { kind: 'Name', value: 'name' } },
                { kind: 'Field', name: { kind: 'Name', value: 'value' } },
              ],
            },
          },
          { kind: 'Field', name: { kind: 'Name', value: 'createdAt' } },
          {
            kind: 'Field',
            name: { kind: 'Name', value: 'dataset' },
            selectionSet: {
              kind: 'SelectionSet',
              selections: [
                { kind: 'Field', name: { kind: 'Name', value: 'id' } },
                { kind: 'Field', name: { kind: 'Name', value: 'name' } },
              ],
            },
          },
        ],
      },
    },
  ],
} as unknown as DocumentNode<RunSummaryFieldsFragment, unknown>;
export const BestEpochFieldsFragmentDoc = {
  kind: 'Document',
  definitions: [
    {
      kind: 'FragmentDefinition',
      name: { kind: 'Name', value: 'BestEpochFields' },
      typeCondition: { kind: 'NamedType', name: { kind: 'Name', value: 'Run' } },
      selectionSet: {
        kind: 'SelectionSet',
        selections: [
          {
            kind: 'Field',
            name: { kind: 'Name', value: 'bestEpoch' },
            selectionSet: {
              kind: 'SelectionSet',
              selections: [
                { kind: 'Field', name: { kind: 'Name', value: 'monitor' } },
                { kind: 'Field', name: { kind: 'Name', value: 'mode' } },
                { kind: 'Field', name: { kind: 'Name', value: 'epoch' } },
                {
                  kind: 'Field',
                  name: { kind: 'Name', value: 'metrics' },
                  selectionSet: {
                    kind: 'SelectionSet',
                    selections: [
                      { kind: 'Field', name: { kind: 'Name', value: 'name' } },
                      { kind: 'Field', name: { kind: 'Name', value: 'value' } },
                    ],
                  },
                },
              ],
            },
          },
        ],
      },
    },
  ],
} as unknown as DocumentNode<BestEpochFieldsFragment, unknown>;
export const DatasetFieldsFragmentDoc = {
  kind: 'Document',
  definitions: [
    {
      kind: 'FragmentDefinition',
      name: { kind: 'Name', value: 'DatasetFields' },
      typeCondition: { kind: 'NamedType', name: { kind: 'Name', value: 'Dataset' } },
      selectionSet: {
        kind: 'SelectionSet',
        selections: [
          { kind: 'Field', name: { kind: 'Name', value: 'id' } },
          { kind: 'Field', name: { kind: 'Name', value: 'name' } },
          { kind: 'Field', name: { kind: 'Name', value: 'kind' } },
          { kind: 'Field', name: { kind: 'Name', value: 'status' } },
          { kind: 'Field', name: { kind: 'Name', value: 'recordCount' } },
          { kind: 'Field', name: { kind: 'Name', value: 'sequenceLength' } },
          { kind: 'Field', name: { kind: 'Name', value: 'createdAt' } },
        ],
      },
    },
  ],
} as unknown as DocumentNode<DatasetFieldsFragment, unknown>;
export const DatasetLinkFieldsFragmentDoc = {
  kind: 'Document',
  definitions: [
    {
      kind: 'FragmentDefinition',
      name: { kind: 'Name', value: 'DatasetLinkFields' },
      typeCondition: { kind: 'NamedType', name: { kind: 'Name', value: 'Dataset' } },
      selectionSet: {
        kind: 'SelectionSet',
        selections: [
          { kind: 'FragmentSpread', name: { kind: 'Name', value: 'DatasetFields' } },
          { kind: 'Field', name: { kind: 'Name', value: 'warningCount' } },
        ],
      },
    },
    {
      kind: 'FragmentDefinition',
      name: { kind: 'Name', value: 'DatasetFields' },
      typeCondition: { kind: 'NamedType', name: { kind: 'Name', value: 'Dataset' } },
      selectionSet: {
        kind: 'SelectionSet',
        selections: [
          { kind: 'Field', name: { kind: 'Name', value: 'id' } },
          { kind: 'Field', name: { kind: 'Name', value: 'name' } },
          { kind: 'Field', name: { kind: 'Name', value: 'kind' } },
          { kind: 'Field', name: { kind: 'Name', value: 'status' } },
          { kind: 'Field', name: { kind: 'Name', value: 'recordCount' } },
          { kind: 'Field', name: { kind: 'Name', value: 'sequenceLength' } },
          { kind: 'Field', name: { kind: 'Name', value: 'createdAt' } },
        ],
      },
    },
  ],
} as unknown as DocumentNode<DatasetLinkFieldsFragment, unknown>;
export const ModelVersionFieldsFragmentDoc = {
  kind: 'Document',
  definitions: [
    {
      kind: 'FragmentDefinition',
      name: { kind: 'Name', value: 'ModelVersionFields' },
      typeCondition: { kind: 'NamedType', name: { kind: 'Name', value: 'ModelVersion' } },
      selectionSet: {
        kind: 'SelectionSet',
        selections: [
          { kind: 'Field', name: { kind: 'Name', value: 'id' } },
          { kind: 'Field', name: { kind: 'Name', value: 'name' } },
          { kind: 'Field', name: { kind: 'Name', value: 'version' } },
          { kind: 'Field', name: { kind: 'Name', value: 'aliases' } },
          { kind: 'Field', name: { kind: 'Name', value: 'createdAt' } },
          {
            kind: 'Field',
            name: { kind: 'Name', value: 'run' },
            selectionSet: {
              kind: 'SelectionSet',
              selections: [
                { kind: 'Field', name: { kind: 'Name', value: 'id' } },
                { kind: 'Field', name: { kind: 'Name', value: 'architecture' } },
                { kind: 'Field', name: { kind: 'Name', value: 'status' } },
                {
                  kind: 'Field',
                  name: { kind: 'Name', value: 'metrics' },
                  selectionSet: {
                    kind: 'SelectionSet',
                    selections: [
                      { kind: 'Field', name: { kind: 'Name', value: 'name' } },
                      { kind: 'Field', name: { kind: 'Name', value: 'value' } },
                    ],
                  },
                },
                {
                  kind: 'Field',
                  name: { kind: 'Name', value: 'dataset' },
                  selectionSet: {
                    kind: 'SelectionSet',
                    selections: [
                      { kind: 'Field', name: { kind: 'Name', value: 'id' } },
                      { kind: 'Field', name: { kind: 'Name', value: 'name' } },
                    ],
                  },
                },
              ],
            },
          },
          {
            kind: 'Field',
            name: { kind: 'Name', value: 'artifact' },
            selectionSet: {
              kind: 'SelectionSet',
              selections: [
                { kind: 'Field', name: { kind: 'Name', value: 'id' } },
                { kind: 'Field', name: { kind: 'Name', value: 'sizeBytes' } },
              ],
            },
          },
        ],
      },
    },
  ],
} as unknown as DocumentNode<ModelVersionFieldsFragment, unknown>;
export const ProbeAttributionFieldsFragmentDoc = {
  kind: 'Document',
  definitions: [
    {
      kind: 'FragmentDefinition',
      name: { kind: 'Name', value: 'ProbeAttributionFields' },
      typeCondition: { kind: 'NamedType', name: { kind: 'Name', value: 'ProbeAttribution' } },
      selectionSet: {
        kind: 'SelectionSet',
        selections: [
          { kind: 'Field', name: { kind: 'Name', value: 'probe' } },
          { kind: 'Field', name: { kind: 'Name', value: 'epoch' } },
          { kind: 'Field', name: { kind: 'Name', value: 'sequence' } },
          { kind: 'Field', name: { kind: 'Name', value: 'output' } },
          { kind: 'Field', name: { kind: 'Name', value: 'scores' } },
        ],
      },
    },
  ],
} as unknown as DocumentNode<ProbeAttributionFieldsFragment, unknown>;
export const JobDatasetFieldsFragmentDoc = {
  kind: 'Document',
  definitions: [
    {
      kind: 'FragmentDefinition',
      name: { kind: 'Name', value: 'JobDatasetFields' },
      typeCondition: { kind: 'NamedType', name: { kind: 'Name', value: 'Dataset' } },
      selectionSet: {
        kind: 'SelectionSet',
        selections: [
          { kind: 'Field', name: { kind: 'Name', value: 'id' } },
          { kind: 'Field', name: { kind: 'Name', value: 'name' } },
          { kind: 'Field', name: { kind: 'Name', value: 'kind' } },
          { kind: 'Field', name: { kind: 'Name', value: 'status' } },
          { kind: 'Field', name: { kind: 'Name', value: 'recordCount' } },
          { kind: 'Field', name: { kind: 'Name', value: 'checksum' } },
          { kind: 'Field', name: { kind: 'Name', value: 'warningCount' } },
          {
            kind: 'Field',
            name: { kind: 'Name', value: 'warnings' },
            selectionSet: {
              kind: 'SelectionSet',
              selections: [
                { kind: 'Field', name: { kind: 'Name', value: 'rule' } },
                { kind: 'Field', name: { kind: 'Name', value: 'count' } },
                {
                  kind: 'Field',
                  name: { kind: 'Name', value: 'examples' },
                  selectionSet: {
                    kind: 'SelectionSet',
                    selections: [
                      { kind: 'Field', name: { kind: 'Name', value: 'file' } },
                      { kind: 'Field', name: { kind: 'Name', value: 'line' } },
                      { kind: 'Field', name: { kind: 'Name', value: 'message' } },
                    ],
                  },
                },
              ],
            },
          },
        ],
      },
    },
  ],
} as unknown as DocumentNode<JobDatasetFieldsFragment, unknown>;
export const TrialRunFieldsFragmentDoc = {
  kind: 'Document',
  definitions: [
    {
      kind: 'FragmentDefinition',
      name: { kind: 'Name', value: 'TrialRunFields' },
      typeCondition: { kind: 'NamedType', name: { kind: 'Name', value: 'Run' } },
      selectionSet: {
        kind: 'SelectionSet',
        selections: [
          { kind: 'Field', name: { kind: 'Name', value: 'id' } },
          { kind: 'Field', name: { kind: 'Name', value: 'status' } },
          { kind: 'Field', name: { kind: 'Name', value: 'architecture' } },
          { kind: 'Field', name: { kind: 'Name', value: 'currentEpoch' } },
          { kind: 'Field', name: { kind: 'Name', value: 'epochs' } },
          { kind: 'Field', name: { kind: 'Name', value: 'learningRate' } },
          { kind: 'Field', name: { kind: 'Name', value: 'batchSize' } },
          {
            kind: 'Field',
            name: { kind: 'Name', value: 'metrics' },
            selectionSet: {
              kind: 'SelectionSet',
              selections: [
                { kind: 'Field', name: { kind: 'Name', value: 'name' } },
                { kind: 'Field', name: { kind: 'Name', value: 'value' } },
              ],
            },
          },
          { kind: 'Field', name: { kind: 'Name', value: 'tags' } },
          { kind: 'Field', name: { kind: 'Name', value: 'groupLabel' } },
        ],
      },
    },
  ],
} as unknown as DocumentNode<TrialRunFieldsFragment, unknown>;
export const PileupCandidateFieldsFragmentDoc = {
  kind: 'Document',
  definitions: [
    {
      kind: 'FragmentDefinition',
      name: { kind: 'Name', value: 'PileupCandidateFields' },
      typeCondition: { kind: 'NamedType', name: { kind: 'Name', value: 'PileupCandidate' } },
      selectionSet: {
        kind: 'SelectionSet',
        selections: [
          { kind: 'Field', name: { kind: 'Name', value: 'index' } },
          { kind: 'Field', name: { kind: 'Name', value: 'chrom' } },
          { kind: 'Field', name: { kind: 'Name', value: 'pos' } },
          { kind: 'Field', name: { kind: 'Name', value: 'ref' } },
          { kind: 'Field', name: { kind: 'Name', value: 'alt' } },
          { kind: 'Field', name: { kind: 'Name', value: 'variant' } },
          { kind: 'Field', name: { kind: 'Name', value: 'depth' } },
          { kind: 'Field', name: { kind: 'Name', value: 'altCount' } },
          { kind: 'Field', name: { kind: 'Name', value: 'refCount' } },
          { kind: 'Field', name: { kind: 'Name', value: 'genotype' } },
          { kind: 'Field', name: { kind: 'Name', value: 'qual' } },
          { kind: 'Field', name: { kind: 'Name', value: 'filter' } },
          { kind: 'Field', name: { kind: 'Name', value: 'truth' } },
          { kind: 'Field', name: { kind: 'Name', value: 'probabilities' } },
        ],
      },
    },
  ],
} as unknown as DocumentNode<PileupCandidateFieldsFragment, unknown>;
export const JobProgressFieldsFragmentDoc = {
  kind: 'Document',
  definitions: [
    {
      kind: 'FragmentDefinition',
      name: { kind: 'Name', value: 'JobProgressFields' },
      typeCondition: { kind: 'NamedType', name: { kind: 'Name', value: 'JobProgress' } },
      selectionSet: {
        kind: 'SelectionSet',
        selections: [
          { kind: 'Field', name: { kind: 'Name', value: 'done' } },
          { kind: 'Field', name: { kind: 'Name', value: 'total' } },
          { kind: 'Field', name: { kind: 'Name', value: 'unit' } },
          { kind: 'Field', name: { kind: 'Name', value: 'message' } },
          { kind: 'Field', name: { kind: 'Name', value: 'fraction' } },
        ],
      },
    },
  ],
} as unknown as DocumentNode<JobProgressFieldsFragment, unknown>;
export const JobSummaryFieldsFragmentDoc = {
  kind: 'Document',
  definitions: [
    {
      kind: 'FragmentDefinition',
      name: { kind: 'Name', value: 'JobSummaryFields' },
      typeCondition: { kind: 'NamedType', name: { kind: 'Name', value: 'Job' } },
      selectionSet: {
        kind: 'SelectionSet',
        selections: [
          { kind: 'Field', name: { kind: 'Name', value: 'id' } },
          { kind: 'Field', name: { kind: 'Name', value: 'kind' } },
          { kind: 'Field', name: { kind: 'Name', value: 'status' } },
          {
            kind: 'Field',
            name: { kind: 'Name', value: 'progress' },
            selectionSet: {
              kind: 'SelectionSet',
              selections: [
                { kind: 'FragmentSpread', name: { kind: 'Name', value: 'JobProgressFields' } },
              ],
            },
          },
          { kind: 'Field', name: { kind: 'Name', value: 'error' } },
          { kind: 'Field', name: { kind: 'Name', value: 'errorCode' } },
          { kind: 'Field', name: { kind: 'Name', value: 'createdAt' } },
          { kind: 'Field', name: { kind: 'Name', value: 'startedAt' } },
          { kind: 'Field', name: { kind: 'Name', value: 'finishedAt' } },
        ],
      },
    },
    {
      kind: 'FragmentDefinition',
      name: { kind: 'Name', value: 'JobProgressFields' },
      typeCondition: { kind: 'NamedType', name: { kind: 'Name', value: 'JobProgress' } },
      selectionSet: {
        kind: 'SelectionSet',
        selections: [
          { kind: 'Field', name: { kind: 'Name', value: 'done' } },
          { kind: 'Field', name: { kind: 'Name', value: 'total' } },
          { kind: 'Field', name: { kind: 'Name', value: 'unit' } },
          { kind: 'Field', name: { kind: 'Name', value: 'message' } },
          { kind: 'Field', name: { kind: 'Name', value: 'fraction' } },
        ],
      },
    },
  ],
} as unknown as DocumentNode<JobSummaryFieldsFragment, unknown>;
export const StartedJobFieldsFragmentDoc = {
  kind: 'Document',
  definitions: [
    {
      kind: 'FragmentDefinition',
      name: { kind: 'Name', value: 'StartedJobFields' },
      typeCondition: { kind: 'NamedType', name: { kind: 'Name', value: 'JobPayload' } },
      selectionSet: {
        kind: 'SelectionSet',
        selections: [
          {
            kind: 'Field',
            name: { kind: 'Name', value: 'job' },
            selectionSet: {
              kind: 'SelectionSet',
              selections: [
                { kind: 'FragmentSpread', name: { kind: 'Name', value: 'JobSummaryFields' } },
              ],
            },
          },
          {
            kind: 'Field',
            name: { kind: 'Name', value: 'userErrors' },
            selectionSet: {
              kind: 'SelectionSet',
              selections: [
                { kind: 'Field', name: { kind: 'Name', value: 'field' } },
                { kind: 'Field', name: { kind: 'Name', value: 'message' } },
                { kind: 'Field', name: { kind: 'Name', value: 'code' } },
              ],
            },
          },
        ],
      },
    },
    {
      kind: 'FragmentDefinition',
      name: { kind: 'Name', value: 'JobProgressFields' },
      typeCondition: { kind: 'NamedType', name: { kind: 'Name', value: 'JobProgress' } },
      selectionSet: {
        kind: 'SelectionSet',
        selections: [
          { kind: 'Field', name: { kind: 'Name', value: 'done' } },
          { kind: 'Field', name: { kind: 'Name', value: 'total' } },
          { kind: 'Field', name: { kind: 'Name', value: 'unit' } },
          { kind: 'Field', name: { kind: 'Name', value: 'message' } },
          { kind: 'Field', name: { kind: 'Name', value: 'fraction' } },
        ],
      },
    },
    {
      kind: 'FragmentDefinition',
      name: { kind: 'Name', value: 'JobSummaryFields' },
      typeCondition: { kind: 'NamedType', name: { kind: 'Name', value: 'Job' } },
      selectionSet: {
        kind: 'SelectionSet',
        selections: [
          { kind: 'Field', name: { kind: 'Name', value: 'id' } },
          { kind: 'Field', name: { kind: 'Name', value: 'kind' } },
          { kind: 'Field', name: { kind: 'Name', value: 'status' } },
          {
            kind: 'Field',
            name: { kind: 'Name', value: 'progress' },
            selectionSet: {
              kind: 'SelectionSet',
              selections: [
                { kind: 'FragmentSpread', name: { kind: 'Name', value: 'JobProgressFields' } },
              ],
            },
          },
          { kind: 'Field', name: { kind: 'Name', value: 'error' } },
          { kind: 'Field', name: { kind: 'Name', value: 'errorCode' } },
          { kind: 'Field', name: { kind: 'Name', value: 'createdAt' } },
          { kind: 'Field', name: { kind: 'Name', value: 'startedAt' } },
          { kind: 'Field', name: { kind: 'Name', value: 'finishedAt' } },
        ],
      },
    },
  ],
} as unknown as DocumentNode<StartedJobFieldsFragment, unknown>;
export const ApiTokenFieldsFragmentDoc = {
  kind: 'Document',
  definitions: [
    {
      kind: 'FragmentDefinition',
      name: { kind: 'Name', value: 'ApiTokenFields' },
      typeCondition: { kind: 'NamedType', name: { kind: 'Name', value: 'ApiToken' } },
      selectionSet: {
        kind: 'SelectionSet',
        selections: [
          { kind: 'Field', name: { kind: 'Name', value: 'id' } },
          { kind: 'Field', name: { kind: 'Name', value: 'name' } },
          { kind: 'Field', name: { kind: 'Name', value: 'prefix' } },
          { kind: 'Field', name: { kind: 'Name', value: 'createdAt' } },
          { kind: 'Field', name: { kind: 'Name', value: 'expiresAt' } },
        ],
      },
    },
  ],
} as unknown as DocumentNode<ApiTokenFieldsFragment, unknown>;
export const EffectFieldsFragmentDoc = {
  kind: 'Document',
  definitions: [
    {
      kind: 'FragmentDefinition',
      name: { kind: 'Name', value: 'EffectFields' },
      typeCondition: { kind: 'NamedType', name: { kind: 'Name', value: 'EffectSummary' } },
      selectionSet: {
        kind: 'SelectionSet',
        selections: [
          { kind: 'Field', name: { kind: 'Name', value: 'n' } },
          { kind: 'Field', name: { kind: 'Name', value: 'mean' } },
          { kind: 'Field', name: { kind: 'Name', value: 'sd' } },
          { kind: 'Field', name: { kind: 'Name', value: 'min' } },
          { kind: 'Field', name: { kind: 'Name', value: 'max' } },
        ],
      },
    },
  ],
} as unknown as DocumentNode<EffectFieldsFragment, unknown>;
export const RunsDocument = {
  kind: 'Document',
  definitions: [
    {
      kind: 'OperationDefinition',
      operation: 'query',
      name: { kind: 'Name', value: 'Runs' },
      variableDefinitions: [
        {
          kind: 'VariableDefinition',
          variable: { kind: 'Variable', name: { kind: 'Name', value: 'first' } },
          type: { kind: 'NamedType', name: { kind: 'Name', value: 'Int' } },
        },
        {
          kind: 'VariableDefinition',
          variable: { kind: 'Variable', name: { kind: 'Name', value: 'after' } },
          type: { kind: 'NamedType', name: { kind: 'Name', value: 'String' } },
        },
        {
          kind: 'VariableDefinition',
          variable: { kind: 'Variable', name: { kind: 'Name', value: 'filter' } },
          type: { kind: 'NamedType', name: { kind: 'Name', value: 'RunFilterInput' } },
        },
        {
          kind: 'VariableDefinition',
          variable: { kind: 'Variable', name: { kind: 'Name', value: 'orderBy' } },
          type: { kind: 'NamedType', name: { kind: 'Name', value: 'RunOrderInput' } },
        },
        {
          kind: 'VariableDefinition',
          variable: { kind: 'Variable', name: { kind: 'Name', value: 'projectId' } },
          type: { kind: 'NamedType', name: { kind: 'Name', value: 'ID' } },
        },
      ],
      selectionSet: {
        kind: 'SelectionSet',
        selections: [
          {
            kind: 'Field',
            name: { kind: 'Name', value: 'runs' },
            arguments: [
              {
                kind: 'Argument',
                name: { kind: 'Name', value: 'first' },
                value: { kind: 'Variable', name: { kind: 'Name', value: 'first' } },
              },
              {
                kind: 'Argument',
                name: { kind: 'Name', value: 'after' },
                value: { kind: 'Variable', name: { kind: 'Name', value: 'after' } },
              },
              {
                kind: 'Argument',
                name: { kind: 'Name', value: 'filter' },
                value: { kind: 'Variable', name: { kind: 'Name', value: 'filter' } },
              },
              {
                kind: 'Argument',
                name: { kind: 'Name', value: 'orderBy' },
                value: { kind: 'Variable', name: { kind: 'Name', value: 'orderBy' } },
              },
              {
                kind: 'Argument',
                name: { kind: 'Name', value: 'projectId' },
                value: { kind: 'Variable', name: { kind: 'Name', value: 'projectId' } },
              },
            ],
            selectionSet: {
              kind: 'SelectionSet',
              selections: [
                {
                  kind: 'Field',
                  name: { kind: 'Name', value: 'edges' },
                  selectionSet: {
                    kind: 'SelectionSet',
                    selections: [
                      { kind: 'Field', name: { kind: 'Name', value: 'cursor' } },
                      {
                        kind: 'Field',
                        name: { kind: 'Name', value: 'node' },
                        selectionSet: {
                          kind: 'SelectionSet',
                          selections: [
                            {
                              kind: 'FragmentSpread',
                              name: { kind: 'Name', value: 'RunSummaryFields' },
                            },
                            { kind: 'Field', name: { kind: 'Name', value: 'tags' } },
                            { kind: 'Field', name: { kind: 'Name', value: 'learningRate' } },
                            { kind: 'Field', name: { kind: 'Name', value: 'batchSize' } },
                            { kind: 'Field', name: { kind: 'Name', value: 'config' } },
                            {
                              kind: 'FragmentSpread',
                              name: { kind: 'Name', value: 'BestEpochFields' },
                            },
                          ],
                        },
                      },
                    ],
                  },
                },
                {
                  kind: 'Field',
                  name: { kind: 'Name', value: 'pageInfo' },
                  selectionSet: {
                    kind: 'SelectionSet',
                    selections: [
                      { kind: 'Field', name: { kind: 'Name', value: 'hasNextPage' } },
                      { kind: 'Field', name: { kind: 'Name', value: 'endCursor' } },
                    ],
                  },
                },
                { kind: 'Field', name: { kind: 'Name', value: 'totalCount' } },
              ],
            },
          },
        ],
      },
    },
    {
      kind: 'FragmentDefinition',
      name: { kind: 'Name', value: 'RunSummaryFields' },
      typeCondition: { kind: 'NamedType', name: { kind: 'Name', value: 'Run' } },
      selectionSet: {
        kind: 'SelectionSet',
        selections: [
          { kind: 'Field', name: { kind: 'Name', value: 'id' } },
          { kind: 'Field', name: { kind: 'Name', value: 'status' } },
          { kind: 'Field', name: { kind: 'Name', value: 'architecture' } },
          { kind: 'Field', name: { kind: 'Name', value: 'epochs' } },
          { kind: 'Field', name: { kind: 'Name', value: 'currentEpoch' } },
          {
            kind: 'Field',
            name: { kind: 'Name', value: 'metrics' },
            selectionSet: {
              kind: 'SelectionSet',
              selections: [
                { kind: 'Field', name: { kind: 'Name', value: 'name' } },
                { kind: 'Field', name: { kind: 'Name', value: 'value' } },
              ],
            },
          },
          { kind: 'Field', name: { kind: 'Name', value: 'createdAt' } },
          {
            kind: 'Field',
            name: { kind: 'Name', value: 'dataset' },
            selectionSet: {
              kind: 'SelectionSet',
              selections: [
                { kind: 'Field', name: { kind: 'Name', value: 'id' } },
                { kind: 'Field', name: { kind: 'Name', value: 'name' } },
              ],
            },
          },
        ],
      },
    },
    {
      kind: 'FragmentDefinition',
      name: { kind: 'Name', value: 'BestEpochFields' },
      typeCondition: { kind: 'NamedType', name: { kind: 'Name', value: 'Run' } },
      selectionSet: {
        kind: 'SelectionSet',
        selections: [
          {
            kind: 'Field',
            name: { kind: 'Name', value: 'bestEpoch' },
            selectionSet: {
              kind: 'SelectionSet',
              selections: [
                { kind: 'Field', name: { kind: 'Name', value: 'monitor' } },
                { kind: 'Field', name: { kind: 'Name', value: 'mode' } },
                { kind: 'Field', name: { kind: 'Name', value: 'epoch' } },
                {
                  kind: 'Field',
                  name: { kind: 'Name', value: 'metrics' },
                  selectionSet: {
                    kind: 'SelectionSet',
                    selections: [
                      { kind: 'Field', name: { kind: 'Name', value: 'name' } },
                      { kind: 'Field', name: { kind: 'Name', value: 'value' } },
                    ],
                  },
                },
              ],
            },
          },
        ],
      },
    },
  ],
} as unknown as DocumentNode<RunsQuery, RunsQueryVariables>;
export const CompareRunsDocument = {
  kind: 'Document',
  definitions: [
    {
      kind: 'OperationDefinition',
      operation: 'query',
      name: { kind: 'Name', value: 'CompareRuns' },
      variableDefinitions: [
        {
          kind: 'VariableDefinition',
          variable: { kind: 'Variable', name: { kind: 'Name', value: 'ids' } },
          type: {
            kind: 'NonNullType',
            type: {
              kind: 'ListType',
              type: {
                kind: 'NonNullType',
                type: { kind: 'NamedType', name: { kind: 'Name', value: 'ID' } },
              },
            },
          },
        },
      ],
      selectionSet: {
        kind: 'SelectionSet',
        selections: [
          {
            kind: 'Field',
            name: { kind: 'Name', value: 'compareRuns' },
            arguments: [
              {
                kind: 'Argument',
                name: { kind: 'Name', value: 'ids' },
                value: { kind: 'Variable', name: { kind: 'Name', value: 'ids' } },
              },
            ],
            selectionSet: {
              kind: 'SelectionSet',
              selections: [
                {
                  kind: 'Field',
                  name: { kind: 'Name', value: 'runs' },
                  selectionSet: {
                    kind: 'SelectionSet',
                    selections: [
                      { kind: 'FragmentSpread', name: { kind: 'Name', value: 'RunSummaryFields' } },
                    ],
                  },
                },
                { kind: 'Field', name: { kind: 'Name', value: 'metricNames' } },
                {
                  kind: 'Field',
                  name: { kind: 'Name', value: 'epochs' },
                  selectionSet: {
                    kind: 'SelectionSet',
                    selections: [
                      { kind: 'Field', name: { kind: 'Name', value: 'epoch' } },
                      {
                        kind: 'Field',
                        name: { kind: 'Name', value: 'metrics' },
                        selectionSet: {
                          kind: 'SelectionSet',
                          selections: [
                            { kind: 'Field', name: { kind: 'Name', value: 'name' } },
                            { kind: 'Field', name: { kind: 'Name', value: 'values' } },
                          ],
                        },
                      },
                    ],
                  },
                },
                {
                  kind: 'Field',
                  name: { kind: 'Name', value: 'params' },
                  selectionSet: {
                    kind: 'SelectionSet',
                    selections: [
                      { kind: 'Field', name: { kind: 'Name', value: 'name' } },
                      { kind: 'Field', name: { kind: 'Name', value: 'values' } },
                    ],
                  },
                },
              ],
            },
          },
        ],
      },
    },
    {
      kind: 'FragmentDefinition',
      name: { kind: 'Name', value: 'RunSummaryFields' },
      typeCondition: { kind: 'NamedType', name: { kind: 'Name', value: 'Run' } },
      selectionSet: {
        kind: 'SelectionSet',
        selections: [
          { kind: 'Field', name: { kind: 'Name', value: 'id' } },
          { kind: 'Field', name: { kind: 'Name', value: 'status' } },
          { kind: 'Field', name: { kind: 'Name', value: 'architecture' } },
          { kind: 'Field', name: { kind: 'Name', value: 'epochs' } },
          { kind: 'Field', name: { kind: 'Name', value: 'currentEpoch' } },
          {
            kind: 'Field',
            name: { kind: 'Name', value: 'metrics' },
            selectionSet: {
              kind: 'SelectionSet',
              selections: [
                { kind: 'Field', name: { kind: 'Name', value: 'name' } },
                { kind: 'Field', name: { kind: 'Name', value: 'value' } },
              ],
            },
          },
          { kind: 'Field', name: { kind: 'Name', value: 'createdAt' } },
          {
            kind: 'Field',
            name: { kind: 'Name', value: 'dataset' },
            selectionSet: {
              kind: 'SelectionSet',
              selections: [
                { kind: 'Field', name: { kind: 'Name', value: 'id' } },
                { kind: 'Field', name: { kind: 'Name', value: 'name' } },
              ],
            },
          },
        ],
      },
    },
  ],
} as unknown as DocumentNode<CompareRunsQuery, CompareRunsQueryVariables>;
export const DatasetDocument = {
  kind: 'Document',
  definitions: [
    {
      kind: 'OperationDefinition',
      operation: 'query',
      name: { kind: 'Name', value: 'Dataset' },
      variableDefinitions: [
        {
          kind: 'VariableDefinition',
          variable: { kind: 'Variable', name: { kind: 'Name', value: 'id' } },
          type: {
            kind: 'NonNullType',
            type: { kind: 'NamedType', name: { kind: 'Name', value: 'ID' } },
          },
        },
      ],
      selectionSet: {
        kind: 'SelectionSet',
        selections: [
          {
            kind: 'Field',
            name: { kind: 'Name', value: 'dataset' },
            arguments: [
              {
                kind: 'Argument',
                name: { kind: 'Name', value: 'id' },
                value: { kind: 'Variable', name: { kind: 'Name', value: 'id' } },
              },
            ],
            selectionSet: {
              kind: 'SelectionSet',
              selections: [
                { kind: 'FragmentSpread', name: { kind: 'Name', value: 'DatasetLinkFields' } },
                { kind: 'Field', name: { kind: 'Name', value: 'checksum' } },
                {
                  kind: 'Field',
                  name: { kind: 'Name', value: 'project' },
                  selectionSet: {
                    kind: 'SelectionSet',
                    selections: [
                      { kind: 'Field', name: { kind: 'Name', value: 'id' } },
                      { kind: 'Field', name: { kind: 'Name', value: 'viewerRole' } },
                    ],
                  },
                },
                {
                  kind: 'Field',
                  name: { kind: 'Name', value: 'labelCounts' },
                  selectionSet: {
                    kind: 'SelectionSet',
                    selections: [
                      { kind: 'Field', name: { kind: 'Name', value: 'label' } },
                      { kind: 'Field', name: { kind: 'Name', value: 'count' } },
                    ],
                  },
                },
                {
                  kind: 'Field',
                  name: { kind: 'Name', value: 'warnings' },
                  selectionSet: {
                    kind: 'SelectionSet',
                    selections: [
                      { kind: 'Field', name: { kind: 'Name', value: 'rule' } },
                      { kind: 'Field', name: { kind: 'Name', value: 'count' } },
                      {
                        kind: 'Field',
                        name: { kind: 'Name', value: 'examples' },
                        selectionSet: {
                          kind: 'SelectionSet',
                          selections: [
                            { kind: 'Field', name: { kind: 'Name', value: 'file' } },
                            { kind: 'Field', name: { kind: 'Name', value: 'line' } },
                            { kind: 'Field', name: { kind: 'Name', value: 'message' } },
                          ],
                        },
                      },
                    ],
                  },
                },
                {
                  kind: 'Field',
                  name: { kind: 'Name', value: 'derived' },
                  selectionSet: {
                    kind: 'SelectionSet',
                    selections: [
                      {
                        kind: 'Field',
                        name: { kind: 'Name', value: 'runs' },
                        arguments: [
                          {
                            kind: 'Argument',
                            name: { kind: 'Name', value: 'first' },
                            value: { kind: 'IntValue', value: '50' },
                          },
                        ],
                        selectionSet: {
                          kind: 'SelectionSet',
                          selections: [
                            { kind: 'Field', name: { kind: 'Name', value: 'totalCount' } },
                            {
                              kind: 'Field',
                              name: { kind: 'Name', value: 'edges' },
                              selectionSet: {
                                kind: 'SelectionSet',
                                selections: [
                                  {
                                    kind: 'Field',
                                    name: { kind: 'Name', value: 'node' },
                                    selectionSet: {
                                      kind: 'SelectionSet',
                                      selections: [
                                        {
                                          kind: 'FragmentSpread',
                                          name: { kind: 'Name', value: 'RunSummaryFields' },
                                        },
                                      ],
                                    },
                                  },
                                ],
                              },
                            },
                          ],
                        },
                      },
                      {
                        kind: 'Field',
                        name: { kind: 'Name', value: 'modelVersions' },
                        arguments: [
                          {
                            kind: 'Argument',
                            name: { kind: 'Name', value: 'first' },
                            value: { kind: 'IntValue', value: '50' },
                          },
                        ],
                        selectionSet: {
                          kind: 'SelectionSet',
                          selections: [
                            { kind: 'Field', name: { kind: 'Name', value: 'totalCount' } },
                            {
                              kind: 'Field',
                              name: { kind: 'Name', value: 'edges' },
                              selectionSet: {
                                kind: 'SelectionSet',
                                selections: [
                                  {
                                    kind: 'Field',
                                    name: { kind: 'Name', value: 'node' },
                                    selectionSet: {
                                      kind: 'SelectionSet',
                                      selections: [
                                        { kind: 'Field', name: { kind: 'Name', value: 'id' } },
                                        { kind: 'Field', name: { kind: 'Name', value: 'name' } },
                                        { kind: 'Field', name: { kind: 'Name', value: 'version' } },
                                        { kind: 'Field', name: { kind: 'Name', value: 'aliases' } },
                                      ],
                                    },
                                  },
                                ],
                              },
                            },
                          ],
                        },
                      },
                      {
                        kind: 'Field',
                        name: { kind: 'Name', value: 'jobs' },
                        arguments: [
                          {
                            kind: 'Argument',
                            name: { kind: 'Name', value: 'first' },
                            value: { kind: 'IntValue', value: '50' },
                          },
                        ],
                        selectionSet: {
                          kind: 'SelectionSet',
                          selections: [
                            { kind: 'Field', name: { kind: 'Name', value: 'totalCount' } },
                            {
                              kind: 'Field',
                              name: { kind: 'Name', value: 'edges' },
                              selectionSet: {
                                kind: 'SelectionSet',
                                selections: [
                                  {
                                    kind: 'Field',
                                    name: { kind: 'Name', value: 'node' },
                                    selectionSet: {
                                      kind: 'SelectionSet',
                                      selections: [
                                        {
                                          kind: 'FragmentSpread',
                                          name: { kind: 'Name', value: 'JobSummaryFields' },
                                        },
                                      ],
                                    },
                                  },
                                ],
                              },
                            },
                          ],
                        },
                      },
                    ],
                  },
                },
              ],
            },
          },
        ],
      },
    },
    {
      kind: 'FragmentDefinition',
      name: { kind: 'Name', value: 'DatasetFields' },
      typeCondition: { kind: 'NamedType', name: { kind: 'Name', value: 'Dataset' } },
      selectionSet: {
        kind: 'SelectionSet',
        selections: [
          { kind: 'Field', name: { kind: 'Name', value: 'id' } },
          { kind: 'Field', name: { kind: 'Name', value: 'name' } },
          { kind: 'Field', name: { kind: 'Name', value: 'kind' } },
          { kind: 'Field', name: { kind: 'Name', value: 'status' } },
          { kind: 'Field', name: { kind: 'Name', value: 'recordCount' } },
          { kind: 'Field', name: { kind: 'Name', value: 'sequenceLength' } },
          { kind: 'Field', name: { kind: 'Name', value: 'createdAt' } },
        ],
      },
    },
    {
      kind: 'FragmentDefinition',
      name: { kind: 'Name', value: 'JobProgressFields' },
      typeCondition: { kind: 'NamedType', name: { kind: 'Name', value: 'JobProgress' } },
      selectionSet: {
        kind: 'SelectionSet',
        selections: [
          { kind: 'Field', name: { kind: 'Name', value: 'done' } },
          { kind: 'Field', name: { kind: 'Name', value: 'total' } },
          { kind: 'Field', name: { kind: 'Name', value: 'unit' } },
          { kind: 'Field', name: { kind: 'Name', value: 'message' } },
          { kind: 'Field', name: { kind: 'Name', value: 'fraction' } },
        ],
      },
    },
    {
      kind: 'FragmentDefinition',
      name: { kind: 'Name', value: 'DatasetLinkFields' },
      typeCondition: { kind: 'NamedType', name: { kind: 'Name', value: 'Dataset' } },
      selectionSet: {
        kind: 'SelectionSet',
        selections: [
          { kind: 'FragmentSpread', name: { kind: 'Name', value: 'DatasetFields' } },
          { kind: 'Field', name: { kind: 'Name', value: 'warningCount' } },
        ],
      },
    },
    {
      kind: 'FragmentDefinition',
      name: { kind: 'Name', value: 'RunSummaryFields' },
      typeCondition: { kind: 'NamedType', name: { kind: 'Name', value: 'Run' } },
      selectionSet: {
        kind: 'SelectionSet',
        selections: [
          { kind: 'Field', name: { kind: 'Name', value: 'id' } },
          { kind: 'Field', name: { kind: 'Name', value: 'status' } },
          { kind: 'Field', name: { kind: 'Name', value: 'architecture' } },
          { kind: 'Field', name: { kind: 'Name', value: 'epochs' } },
          { kind: 'Field', name: { kind: 'Name', value: 'currentEpoch' } },
          {
            kind: 'Field',
            name: { kind: 'Name', value: 'metrics' },
            selectionSet: {
              kind: 'SelectionSet',
              selections: [
                { kind: 'Field', name: { kind: 'Name', value: 'name' } },
                { kind: 'Field', name: { kind: 'Name', value: 'value' } },
              ],
            },
          },
          { kind: 'Field', name: { kind: 'Name', value: 'createdAt' } },
          {
            kind: 'Field',
            name: { kind: 'Name', value: 'dataset' },
            selectionSet: {
              kind: 'SelectionSet',
              selections: [
                { kind: 'Field', name: { kind: 'Name', value: 'id' } },
                { kind: 'Field', name: { kind: 'Name', value: 'name' } },
              ],
            },
          },
        ],
      },
    },
    {
      kind: 'FragmentDefinition',
      name: { kind: 'Name', value: 'JobSummaryFields' },
      typeCondition: { kind: 'NamedType', name: { kind: 'Name', value: 'Job' } },
      selectionSet: {
        kind: 'SelectionSet',
        selections: [
          { kind: 'Field', name: { kind: 'Name', value: 'id' } },
          { kind: 'Field', name: { kind: 'Name', value: 'kind' } },
          { kind: 'Field', name: { kind: 'Name', value: 'status' } },
          {
            kind: 'Field',
            name: { kind: 'Name', value: 'progress' },
            selectionSet: {
              kind: 'SelectionSet',
              selections: [
                { kind: 'FragmentSpread', name: { kind: 'Name', value: 'JobProgressFields' } },
              ],
            },
          },
          { kind: 'Field', name: { kind: 'Name', value: 'error' } },
          { kind: 'Field', name: { kind: 'Name', value: 'errorCode' } },
          { kind: 'Field', name: { kind: 'Name', value: 'createdAt' } },
          { kind: 'Field', name: { kind: 'Name', value: 'startedAt' } },
          { kind: 'Field', name: { kind: 'Name', value: 'finishedAt' } },
        ],
      },
    },
  ],
} as unknown as DocumentNode<DatasetQuery, DatasetQueryVariables>;
export const RegisteredModelsDocument = {
  kind: 'Document',
  definitions: [
    {
      kind: 'OperationDefinition',
      operation: 'query',
      name: { kind: 'Name', value: 'RegisteredModels' },
      variableDefinitions: [
        {
          kind: 'VariableDefinition',
          variable: { kind: 'Variable', name: { kind: 'Name', value: 'projectId' } },
          type: { kind: 'NamedType', name: { kind: 'Name', value: 'ID' } },
        },
        {
          kind: 'VariableDefinition',
          variable: { kind: 'Variable', name: { kind: 'Name', value: 'after' } },
          type: { kind: 'NamedType', name: { kind: 'Name', value: 'String' } },
        },
      ],
      selectionSet: {
        kind: 'SelectionSet',
        selections: [
          {
            kind: 'Field',
            name: { kind: 'Name', value: 'registeredModels' },
            arguments: [
              {
                kind: 'Argument',
                name: { kind: 'Name', value: 'projectId' },
                value: { kind: 'Variable', name: { kind: 'Name', value: 'projectId' } },
              },
              {
                kind: 'Argument',
                name: { kind: 'Name', value: 'after' },
                value: { kind: 'Variable', name: { kind: 'Name', value: 'after' } },
              },
              {
                kind: 'Argument',
                name: { kind: 'Name', value: 'first' },
                value: { kind: 'IntValue', value: '5' },
              },
            ],
            selectionSet: {
              kind: 'SelectionSet',
              selections: [
                { kind: 'Field', name: { kind: 'Name', value: 'name' } },
                { kind: 'Field', name: { kind: 'Name', value: 'cursor' } },
                { kind: 'Field', name: { kind: 'Name', value: 'latestVersion' } },
                {
                  kind: 'Field',
                  name: { kind: 'Name', value: 'project' },
                  selectionSet: {
                    kind: 'SelectionSet',
                    selections: [
                      { kind: 'Field', name: { kind: 'Name', value: 'id' } },
                      { kind: 'Field', name: { kind: 'Name', value: 'name' } },
                      { kind: 'Field', name: { kind: 'Name', value: 'viewerRole' } },
                    ],
                  },
                },
                {
                  kind: 'Field',
                  name: { kind: 'Name', value: 'aliases' },
                  selectionSet: {
                    kind: 'SelectionSet',
                    selections: [
                      { kind: 'Field', name: { kind: 'Name', value: 'alias' } },
                      { kind: 'Field', name: { kind: 'Name', value: 'version' } },
                    ],
                  },
                },
                {
                  kind: 'Field',
                  name: { kind: 'Name', value: 'versions' },
                  selectionSet: {
                    kind: 'SelectionSet',
                    selections: [
                      {
                        kind: 'FragmentSpread',
                        name: { kind: 'Name', value: 'ModelVersionFields' },
                      },
                    ],
                  },
                },
              ],
            },
          },
        ],
      },
    },
    {
      kind: 'FragmentDefinition',
      name: { kind: 'Name', value: 'ModelVersionFields' },
      typeCondition: { kind: 'NamedType', name: { kind: 'Name', value: 'ModelVersion' } },
      selectionSet: {
        kind: 'SelectionSet',
        selections: [
          { kind: 'Field', name: { kind: 'Name', value: 'id' } },
          { kind: 'Field', name: { kind: 'Name', value: 'name' } },
          { kind: 'Field', name: { kind: 'Name', value: 'version' } },
          { kind: 'Field', name: { kind: 'Name', value: 'aliases' } },
          { kind: 'Field', name: { kind: 'Name', value: 'createdAt' } },
          {
            kind: 'Field',
            name: { kind: 'Name', value: 'run' },
            selectionSet: {
              kind: 'SelectionSet',
              selections: [
                { kind: 'Field', name: { kind: 'Name', value: 'id' } },
                { kind: 'Field', name: { kind: 'Name', value: 'architecture' } },
                { kind: 'Field', name: { kind: 'Name', value: 'status' } },
                {
                  kind: 'Field',
                  name: { kind: 'Name', value: 'metrics' },
                  selectionSet: {
                    kind: 'SelectionSet',
                    selections: [
                      { kind: 'Field', name: { kind: 'Name', value: 'name' } },
                      { kind: 'Field', name: { kind: 'Name', value: 'value' } },
                    ],
                  },
                },
                {
                  kind: 'Field',
                  name: { kind: 'Name', value: 'dataset' },
                  selectionSet: {
                    kind: 'SelectionSet',
                    selections: [
                      { kind: 'Field', name: { kind: 'Name', value: 'id' } },
                      { kind: 'Field', name: { kind: 'Name', value: 'name' } },
                    ],
                  },
                },
              ],
            },
          },
          {
            kind: 'Field',
            name: { kind: 'Name', value: 'artifact' },
            selectionSet: {
              kind: 'SelectionSet',
              selections: [
                { kind: 'Field', name: { kind: 'Name', value: 'id' } },
                { kind: 'Field', name: { kind: 'Name', value: 'sizeBytes' } },
              ],
            },
          },
        ],
      },
    },
  ],
} as unknown as DocumentNode<RegisteredModelsQuery, RegisteredModelsQueryVariables>;
export const RegisterModelDocument = {
  kind: 'Document',
  definitions: [
    {
      kind: 'OperationDefinition',
      operation: 'mutation',
      name: { kind: 'Name', value: 'RegisterModel' },
      variableDefinitions: [
        {
          kind: 'VariableDefinition',
          variable: { kind: 'Variable', name: { kind: 'Name', value: 'name' } },
          type: {
            kind: 'NonNullType',
            type: { kind: 'NamedType', name: { kind: 'Name', value: 'String' } },
          },
        },
        {
          kind: 'VariableDefinition',
          variable: { kind: 'Variable', name: { kind: 'Name', value: 'runId' } },
          type: {
            kind: 'NonNullType',
            type: { kind: 'NamedType', name: { kind: 'Name', value: 'ID' } },
          },
        },
      ],
      selectionSet: {
        kind: 'SelectionSet',
        selections: [
          {
            kind: 'Field',
            name: { kind: 'Name', value: 'registerModel' },
            arguments: [
              {
                kind: 'Argument',
                name: { kind: 'Name', value: 'name' },
                value: { kind: 'Variable', name: { kind: 'Name', value: 'name' } },
              },
              {
                kind: 'Argument',
                name: { kind: 'Name', value: 'runId' },
                value: { kind: 'Variable', name: { kind: 'Name', value: 'runId' } },
              },
            ],
            selectionSet: {
              kind: 'SelectionSet',
              selections: [
                {
                  kind: 'Field',
                  name: { kind: 'Name', value: 'modelVersion' },
                  selectionSet: {
                    kind: 'SelectionSet',
                    selections: [
                      {
                        kind: 'FragmentSpread',
                        name: { kind: 'Name', value: 'ModelVersionFields' },
                      },
                    ],
                  },
                },
                {
                  kind: 'Field',
                  name: { kind: 'Name', value: 'userErrors' },
                  selectionSet: {
                    kind: 'SelectionSet',
                    selections: [
                      { kind: 'Field', name: { kind: 'Name', value: 'field' } },
                      { kind: 'Field', name: { kind: 'Name', value: 'message' } },
                      { kind: 'Field', name: { kind: 'Name', value: 'code' } },
                    ],
                  },
                },
              ],
            },
          },
        ],
      },
    },
    {
      kind: 'FragmentDefinition',
      name: { kind: 'Name', value: 'ModelVersionFields' },
      typeCondition: { kind: 'NamedType', name: { kind: 'Name', value: 'ModelVersion' } },
      selectionSet: {
        kind: 'SelectionSet',
        selections: [
          { kind: 'Field', name: { kind: 'Name', value: 'id' } },
          { kind: 'Field', name: { kind: 'Name', value: 'name' } },
          { kind: 'Field', name: { kind: 'Name', value: 'version' } },
          { kind: 'Field', name: { kind: 'Name', value: 'aliases' } },
          { kind: 'Field', name: { kind: 'Name', value: 'createdAt' } },
          {
            kind: 'Field',
            name: { kind: 'Name', value: 'run' },
            selectionSet: {
              kind: 'SelectionSet',
              selections: [
                { kind: 'Field', name: { kind: 'Name', value: 'id' } },
                { kind: 'Field', name: { kind: 'Name', value: 'architecture' } },
                { kind: 'Field', name: { kind: 'Name', value: 'status' } },
                {
                  kind: 'Field',
                  name: { kind: 'Name', value: 'metrics' },
                  selectionSet: {
                    kind: 'SelectionSet',
                    selections: [
                      { kind: 'Field', name: { kind: 'Name', value: 'name' } },
                      { kind: 'Field', name: { kind: 'Name', value: 'value' } },
                    ],
                  },
                },
                {
                  kind: 'Field',
                  name: { kind: 'Name', value: 'dataset' },
                  selectionSet: {
                    kind: 'SelectionSet',
                    selections: [
                      { kind: 'Field', name: { kind: 'Name', value: 'id' } },
                      { kind: 'Field', name: { kind: 'Name', value: 'name' } },
                    ],
                  },
                },
              ],
            },
          },
          {
            kind: 'Field',
            name: { kind: 'Name', value: 'artifact' },
            selectionSet: {
              kind: 'SelectionSet',
              selections: [
                { kind: 'Field', name: { kind: 'Name', value: 'id' } },
                { kind: 'Field', name: { kind: 'Name', value: 'sizeBytes' } },
              ],
            },
          },
        ],
      },
    },
  ],
} as unknown as DocumentNode<RegisterModelMutation, RegisterModelMutationVariables>;
export const SetModelAliasDocument = {
  kind: 'Document',
  definitions: [
    {
      kind: 'OperationDefinition',
      operation: 'mutation',
      name: { kind: 'Name', value: 'SetModelAlias' },
      variableDefinitions: [
        {
          kind: 'VariableDefinition',
          variable: { kind: 'Variable', name: { kind: 'Name', value: 'alias' } },
          type: {
            kind: 'NonNullType',
            type: { kind: 'NamedType', name: { kind: 'Name', value: 'String' } },
          },
        },
        {
          kind: 'VariableDefinition',
          variable: { kind: 'Variable', name: { kind: 'Name', value: 'name' } },
          type: {
            kind: 'NonNullType',
            type: { kind: 'NamedType', name: { kind: 'Name', value: 'String' } },
          },
        },
        {
          kind: 'VariableDefinition',
          variable: { kind: 'Variable', name: { kind: 'Name', value: 'projectId' } },
          type: { kind: 'NamedType', name: { kind: 'Name', value: 'ID' } },
        },
        {
          kind: 'VariableDefinition',
          variable: { kind: 'Variable', name: { kind: 'Name', value: 'version' } },
          type: {
            kind: 'NonNullType',
            type: { kind: 'NamedType', name: { kind: 'Name', value: 'Int' } },
          },
        },
      ],
      selectionSet: {
        kind: 'SelectionSet',
        selections: [
          {
            kind: 'Field',
            name: { kind: 'Name', value: 'setModelAlias' },
            arguments: [
              {
                kind: 'Argument',
                name: { kind: 'Name', value: 'alias' },
                value: { kind: 'Variable', name: { kind: 'Name', value: 'alias' } },
              },
              {
                kind: 'Argument',
                name: { kind: 'Name', value: 'name' },
                value: { kind: 'Variable', name: { kind: 'Name', value: 'name' } },
              },
              {
                kind: 'Argument',
                name: { kind: 'Name', value: 'projectId' },
                value: { kind: 'Variable', name: { kind: 'Name', value: 'projectId' } },
              },
              {
                kind: 'Argument',
                name: { kind: 'Name', value: 'version' },
                value: { kind: 'Variable', name: { kind: 'Name', value: 'version' } },
              },
            ],
            selectionSet: {
              kind: 'SelectionSet',
              selections: [
                {
                  kind: 'Field',
                  name: { kind: 'Name', value: 'modelVersion' },
                  selectionSet: {
                    kind: 'SelectionSet',
                    selections: [
                      {
                        kind: 'FragmentSpread',
                        name: { kind: 'Name', value: 'ModelVersionFields' },
                      },
                    ],
                  },
                },
                {
                  kind: 'Field',
                  name: { kind: 'Name', value: 'userErrors' },
                  selectionSet: {
                    kind: 'SelectionSet',
                    selections: [
                      { kind: 'Field', name: { kind: 'Name', value: 'field' } },
                      { kind: 'Field', name: { kind: 'Name', value: 'message' } },
                      { kind: 'Field', name: { kind: 'Name', value: 'code' } },
                    ],
                  },
                },
              ],
            },
          },
        ],
      },
    },
    {
      kind: 'FragmentDefinition',
      name: { kind: 'Name', value: 'ModelVersionFields' },
      typeCondition: { kind: 'NamedType', name: { kind: 'Name', value: 'ModelVersion' } },
      selectionSet: {
        kind: 'SelectionSet',
        selections: [
          { kind: 'Field', name: { kind: 'Name', value: 'id' } },
          { kind: 'Field', name: { kind: 'Name', value: 'name' } },
          { kind: 'Field', name: { kind: 'Name', value: 'version' } },
          { kind: 'Field', name: { kind: 'Name', value: 'aliases' } },
          { kind: 'Field', name: { kind: 'Name', value: 'createdAt' } },
          {
            kind: 'Field',
            name: { kind: 'Name', value: 'run' },
            selectionSet: {
              kind: 'SelectionSet',
              selections: [
                { kind: 'Field', name: { kind: 'Name', value: 'id' } },
                { kind: 'Field', name: { kind: 'Name', value: 'architecture' } },
                { kind: 'Field', name: { kind: 'Name', value: 'status' } },
                {
                  kind: 'Field',
                  name: { kind: 'Name', value: 'metrics' },
                  selectionSet: {
                    kind: 'SelectionSet',
                    selections: [
                      { kind: 'Field', name: { kind: 'Name', value: 'name' } },
                      { kind: 'Field', name: { kind: 'Name', value: 'value' } },
                    ],
                  },
                },
                {
                  kind: 'Field',
                  name: { kind: 'Name', value: 'dataset' },
                  selectionSet: {
                    kind: 'SelectionSet',
                    selections: [
                      { kind: 'Field', name: { kind: 'Name', value: 'id' } },
                      { kind: 'Field', name: { kind: 'Name', value: 'name' } },
                    ],
                  },
                },
              ],
            },
          },
          {
            kind: 'Field',
            name: { kind: 'Name', value: 'artifact' },
            selectionSet: {
              kind: 'SelectionSet',
              selections: [
                { kind: 'Field', name: { kind: 'Name', value: 'id' } },
                { kind: 'Field', name: { kind: 'Name', value: 'sizeBytes' } },
              ],
            },
          },
        ],
      },
    },
  ],
} as unknown as DocumentNode<SetModelAliasMutation, SetModelAliasMutationVariables>;
export const RunDocument = {
  kind: 'Document',
  definitions: [
    {
      kind: 'OperationDefinition',
      operation: 'query',
      name: { kind: 'Name', value: 'Run' },
      variableDefinitions: [
        {
          kind: 'VariableDefinition',
          variable: { kind: 'Variable', name: { kind: 'Name', value: 'id' } },
          type: {
            kind: 'NonNullType',
            type: { kind: 'NamedType', name: { kind: 'Name', value: 'ID' } },
          },
        },
      ],
      selectionSet: {
        kind: 'SelectionSet',
        selections: [
          {
            kind: 'Field',
            name: { kind: 'Name', value: 'run' },
            arguments: [
              {
                kind: 'Argument',
                name: { kind: 'Name', value: 'id' },
                value: { kind: 'Variable', name: { kind: 'Name', value: 'id' } },
              },
            ],
            selectionSet: {
              kind: 'SelectionSet',
              selections: [
                { kind: 'FragmentSpread', name: { kind: 'Name', value: 'RunSummaryFields' } },
                { kind: 'FragmentSpread', name: { kind: 'Name', value: 'BestEpochFields' } },
                {
                  kind: 'Field',
                  name: { kind: 'Name', value: 'project' },
                  selectionSet: {
                    kind: 'SelectionSet',
                    selections: [
                      { kind: 'Field', name: { kind: 'Name', value: 'id' } },
                      { kind: 'Field', name: { kind: 'Name', value: 'viewerRole' } },
                    ],
                  },
                },
                { kind: 'Field', name: { kind: 'Name', value: 'backend' } },
                { kind: 'Field', name: { kind: 'Name', value: 'batchSize' } },
                { kind: 'Field', name: { kind: 'Name', value: 'learningRate' } },
                { kind: 'Field', name: { kind: 'Name', value: 'seed' } },
                { kind: 'Field', name: { kind: 'Name', value: 'config' } },
                { kind: 'Field', name: { kind: 'Name', value: 'trainingOptions' } },
                { kind: 'Field', name: { kind: 'Name', value: 'classNames' } },
                { kind: 'Field', name: { kind: 'Name', value: 'probes' } },
                { kind: 'Field', name: { kind: 'Name', value: 'error' } },
                { kind: 'Field', name: { kind: 'Name', value: 'startedAt' } },
                { kind: 'Field', name: { kind: 'Name', value: 'finishedAt' } },
                {
                  kind: 'Field',
                  name: { kind: 'Name', value: 'trainingJob' },
                  selectionSet: {
                    kind: 'SelectionSet',
                    selections: [
                      { kind: 'Field', name: { kind: 'Name', value: 'id' } },
                      { kind: 'Field', name: { kind: 'Name', value: 'status' } },
                    ],
                  },
                },
                {
                  kind: 'Field',
                  name: { kind: 'Name', value: 'history' },
                  selectionSet: {
                    kind: 'SelectionSet',
                    selections: [
                      { kind: 'Field', name: { kind: 'Name', value: 'epoch' } },
                      {
                        kind: 'Field',
                        name: { kind: 'Name', value: 'metrics' },
                        selectionSet: {
                          kind: 'SelectionSet',
                          selections: [
                            { kind: 'Field', name: { kind: 'Name', value: 'name' } },
                            { kind: 'Field', name: { kind: 'Name', value: 'value' } },
                          ],
                        },
                      },
                      { kind: 'Field', name: { kind: 'Name', value: 'samplesPerSecond' } },
                      { kind: 'Field', name: { kind: 'Name', value: 'seconds' } },
                    ],
                  },
                },
                {
                  kind: 'Field',
                  name: { kind: 'Name', value: 'dataset' },
                  selectionSet: {
                    kind: 'SelectionSet',
                    selections: [
                      { kind: 'FragmentSpread', name: { kind: 'Name', value: 'DatasetFields' } },
                    ],
                  },
                },
              ],
            },
          },
        ],
      },
    },
    {
      kind: 'FragmentDefinition',
      name: { kind: 'Name', value: 'RunSummaryFields' },
      typeCondition: { kind: 'NamedType', name: { kind: 'Name', value: 'Run' } },
      selectionSet: {
        kind: 'SelectionSet',
        selections: [
          { kind: 'Field', name: { kind: 'Name', value: 'id' } },
          { kind: 'Field', name: { kind: 'Name', value: 'status' } },
          { kind: 'Field', name: { kind: 'Name', value: 'architecture' } },
          { kind: 'Field', name: { kind: 'Name', value: 'epochs' } },
          { kind: 'Field', name: { kind: 'Name', value: 'currentEpoch' } },
          {
            kind: 'Field',
            name: { kind: 'Name', value: 'metrics' },
            selectionSet: {
              kind: 'SelectionSet',
              selections: [
                { kind: 'Field', name: { kind: 'Name', value: 'name' } },
                { kind: 'Field', name: { kind: 'Name', value: 'value' } },
              ],
            },
          },
          { kind: 'Field', name: { kind: 'Name', value: 'createdAt' } },
          {
            kind: 'Field',
            name: { kind: 'Name', value: 'dataset' },
            selectionSet: {
              kind: 'SelectionSet',
              selections: [
                { kind: 'Field', name: { kind: 'Name', value: 'id' } },
                { kind: 'Field', name: { kind: 'Name', value: 'name' } },
              ],
            },
          },
        ],
      },
    },
    {
      kind: 'FragmentDefinition',
      name: { kind: 'Name', value: 'BestEpochFields' },
      typeCondition: { kind: 'NamedType', name: { kind: 'Name', value: 'Run' } },
      selectionSet: {
        kind: 'SelectionSet',
        selections: [
          {
            kind: 'Field',
            name: { kind: 'Name', value: 'bestEpoch' },
            selectionSet: {
              kind: 'SelectionSet',
              selections: [
                { kind: 'Field', name: { kind: 'Name', value: 'monitor' } },
                { kind: 'Field', name: { kind: 'Name', value: 'mode' } },
                { kind: 'Field', name: { kind: 'Name', value: 'epoch' } },
                {
                  kind: 'Field',
                  name: { kind: 'Name', value: 'metrics' },
                  selectionSet: {
                    kind: 'SelectionSet',
                    selections: [
                      { kind: 'Field', name: { kind: 'Name', value: 'name' } },
                      { kind: 'Field', name: { kind: 'Name', value: 'value' } },
                    ],
                  },
                },
              ],
            },
          },
        ],
      },
    },
    {
      kind: 'FragmentDefinition',
      name: { kind: 'Name', value: 'DatasetFields' },
      typeCondition: { kind: 'NamedType', name: { kind: 'Name', value: 'Dataset' } },
      selectionSet: {
        kind: 'SelectionSet',
        selections: [
          { kind: 'Field', name: { kind: 'Name', value: 'id' } },
          { kind: 'Field', name: { kind: 'Name', value: 'name' } },
          { kind: 'Field', name: { kind: 'Name', value: 'kind' } },
          { kind: 'Field', name: { kind: 'Name', value: 'status' } },
          { kind: 'Field', name: { kind: 'Name', value: 'recordCount' } },
          { kind: 'Field', name: { kind: 'Name', value: 'sequenceLength' } },
          { kind: 'Field', name: { kind: 'Name', value: 'createdAt' } },
        ],
      },
    },
  ],
} as unknown as DocumentNode<RunQuery, RunQueryVariables>;
export const DatasetsDocument = {
  kind: 'Document',
  definitions: [
    {
      kind: 'OperationDefinition',
      operation: 'query',
      name: { kind: 'Name', value: 'Datasets' },
      variableDefinitions: [
        {
          kind: 'VariableDefinition',
          variable: { kind: 'Variable', name: { kind: 'Name', value: 'first' } },
          type: { kind: 'NamedType', name: { kind: 'Name', value: 'Int' } },
        },
        {
          kind: 'VariableDefinition',
          variable: { kind: 'Variable', name: { kind: 'Name', value: 'after' } },
          type: { kind: 'NamedType', name: { kind: 'Name', value: 'String' } },
        },
        {
          kind: 'VariableDefinition',
          variable: { kind: 'Variable', name: { kind: 'Name', value: 'projectId' } },
          type: { kind: 'NamedType', name: { kind: 'Name', value: 'ID' } },
        },
      ],
      selectionSet: {
        kind: 'SelectionSet',
        selections: [
          {
            kind: 'Field',
            name: { kind: 'Name', value: 'datasets' },
            arguments: [
              {
                kind: 'Argument',
                name: { kind: 'Name', value: 'first' },
                value: { kind: 'Variable', name: { kind: 'Name', value: 'first' } },
              },
              {
                kind: 'Argument',
                name: { kind: 'Name', value: 'after' },
                value: { kind: 'Variable', name: { kind: 'Name', value: 'after' } },
              },
              {
                kind: 'Argument',
                name: { kind: 'Name', value: 'projectId' },
                value: { kind: 'Variable', name: { kind: 'Name', value: 'projectId' } },
              },
            ],
            selectionSet: {
              kind: 'SelectionSet',
              selections: [
                {
                  kind: 'Field',
                  name: { kind: 'Name', value: 'edges' },
                  selectionSet: {
                    kind: 'SelectionSet',
                    selections: [
                      { kind: 'Field', name: { kind: 'Name', value: 'cursor' } },
                      {
                        kind: 'Field',
                        name: { kind: 'Name', value: 'node' },
                        selectionSet: {
                          kind: 'SelectionSet',
                          selections: [
                            {
                              kind: 'FragmentSpread',
                              name: { kind: 'Name', value: 'DatasetFields' },
                            },
                            { kind: 'Field', name: { kind: 'Name', value: 'warningCount' } },
                          ],
                        },
                      },
                    ],
                  },
                },
                {
                  kind: 'Field',
                  name: { kind: 'Name', value: 'pageInfo' },
                  selectionSet: {
                    kind: 'SelectionSet',
                    selections: [
                      { kind: 'Field', name: { kind: 'Name', value: 'hasNextPage' } },
                      { kind: 'Field', name: { kind: 'Name', value: 'endCursor' } },
                    ],
                  },
                },
                { kind: 'Field', name: { kind: 'Name', value: 'totalCount' } },
              ],
            },
          },
        ],
      },
    },
    {
      kind: 'FragmentDefinition',
      name: { kind: 'Name', value: 'DatasetFields' },
      typeCondition: { kind: 'NamedType', name: { kind: 'Name', value: 'Dataset' } },
      selectionSet: {
        kind: 'SelectionSet',
        selections: [
          { kind: 'Field', name: { kind: 'Name', value: 'id' } },
          { kind: 'Field', name: { kind: 'Name', value: 'name' } },
          { kind: 'Field', name: { kind: 'Name', value: 'kind' } },
          { kind: 'Field', name: { kind: 'Name', value: 'status' } },
          { kind: 'Field', name: { kind: 'Name', value: 'recordCount' } },
          { kind: 'Field', name: { kind: 'Name', value: 'sequenceLength' } },
          { kind: 'Field', name: { kind: 'Name', value: 'createdAt' } },
        ],
      },
    },
  ],
} as unknown as DocumentNode<DatasetsQuery, DatasetsQueryVariables>;
export const NewRunChoicesDocument = {
  kind: 'Document',
  definitions: [
    {
      kind: 'OperationDefinition',
      operation: 'query',
      name: { kind: 'Name', value: 'NewRunChoices' },
      selectionSet: {
        kind: 'SelectionSet',
        selections: [
          {
            kind: 'Field',
            name: { kind: 'Name', value: 'architectures' },
            selectionSet: {
              kind: 'SelectionSet',
              selections: [
                { kind: 'Field', name: { kind: 'Name', value: 'name' } },
                { kind: 'Field', name: { kind: 'Name', value: 'description' } },
                { kind: 'Field', name: { kind: 'Name', value: 'defaultConfig' } },
              ],
            },
          },
          {
            kind: 'Field',
            name: { kind: 'Name', value: 'motifs' },
            selectionSet: {
              kind: 'SelectionSet',
              selections: [
                { kind: 'Field', name: { kind: 'Name', value: 'id' } },
                { kind: 'Field', name: { kind: 'Name', value: 'name' } },
                { kind: 'Field', name: { kind: 'Name', value: 'width' } },
                { kind: 'Field', name: { kind: 'Name', value: 'consensus' } },
              ],
            },
          },
        ],
      },
    },
  ],
} as unknown as DocumentNode<NewRunChoicesQuery, NewRunChoicesQueryVariables>;
export const CreateDemoDatasetDocument = {
  kind: 'Document',
  definitions: [
    {
      kind: 'OperationDefinition',
      operation: 'mutation',
      name: { kind: 'Name', value: 'CreateDemoDataset' },
      variableDefinitions: [
        {
          kind: 'VariableDefinition',
          variable: { kind: 'Variable', name: { kind: 'Name', value: 'input' } },
          type: {
            kind: 'NonNullType',
            type: { kind: 'NamedType', name: { kind: 'Name', value: 'CreateDemoDatasetInput' } },
          },
        },
      ],
      selectionSet: {
        kind: 'SelectionSet',
        selections: [
          {
            kind: 'Field',
            name: { kind: 'Name', value: 'createDemoDataset' },
            arguments: [
              {
                kind: 'Argument',
                name: { kind: 'Name', value: 'input' },
                value: { kind: 'Variable', name: { kind: 'Name', value: 'input' } },
              },
            ],
            selectionSet: {
              kind: 'SelectionSet',
              selections: [
                {
                  kind: 'Field',
                  name: { kind: 'Name', value: 'job' },
                  selectionSet: {
                    kind: 'SelectionSet',
                    selections: [
                      { kind: 'FragmentSpread', name: { kind: 'Name', value: 'JobSummaryFields' } },
                    ],
                  },
                },
                {
                  kind: 'Field',
                  name: { kind: 'Name', value: 'userErrors' },
                  selectionSet: {
                    kind: 'SelectionSet',
                    selections: [
                      { kind: 'Field', name: { kind: 'Name', value: 'field' } },
                      { kind: 'Field', name: { kind: 'Name', value: 'message' } },
                      { kind: 'Field', name: { kind: 'Name', value: 'code' } },
                    ],
                  },
                },
              ],
            },
          },
        ],
      },
    },
    {
      kind: 'FragmentDefinition',
      name: { kind: 'Name', value: 'JobProgressFields' },
      typeCondition: { kind: 'NamedType', name: { kind: 'Name', value: 'JobProgress' } },
      selectionSet: {
        kind: 'SelectionSet',
        selections: [
          { kind: 'Field', name: { kind: 'Name', value: 'done' } },
          { kind: 'Field', name: { kind: 'Name', value: 'total' } },
          { kind: 'Field', name: { kind: 'Name', value: 'unit' } },
          { kind: 'Field', name: { kind: 'Name', value: 'message' } },
          { kind: 'Field', name: { kind: 'Name', value: 'fraction' } },
        ],
      },
    },
    {
      kind: 'FragmentDefinition',
      name: { kind: 'Name', value: 'JobSummaryFields' },
      typeCondition: { kind: 'NamedType', name: { kind: 'Name', value: 'Job' } },
      selectionSet: {
        kind: 'SelectionSet',
        selections: [
          { kind: 'Field', name: { kind: 'Name', value: 'id' } },
          { kind: 'Field', name: { kind: 'Name', value: 'kind' } },
          { kind: 'Field', name: { kind: 'Name', value: 'status' } },
          {
            kind: 'Field',
            name: { kind: 'Name', value: 'progress' },
            selectionSet: {
              kind: 'SelectionSet',
              selections: [
                { kind: 'FragmentSpread', name: { kind: 'Name', value: 'JobProgressFields' } },
              ],
            },
          },
          { kind: 'Field', name: { kind: 'Name', value: 'error' } },
          { kind: 'Field', name: { kind: 'Name', value: 'errorCode' } },
          { kind: 'Field', name: { kind: 'Name', value: 'createdAt' } },
          { kind: 'Field', name: { kind: 'Name', value: 'startedAt' } },
          { kind: 'Field', name: { kind: 'Name', value: 'finishedAt' } },
        ],
      },
    },
  ],
} as unknown as DocumentNode<CreateDemoDatasetMutation, CreateDemoDatasetMutationVariables>;
export const StartTrainingDocument = {
  kind: 'Document',
  definitions: [
    {
      kind: 'OperationDefinition',
      operation: 'mutation',
      name: { kind: 'Name', value: 'StartTraining' },
      variableDefinitions: [
        {
          kind: 'VariableDefinition',
          variable: { kind: 'Variable', name: { kind: 'Name', value: 'input' } },
          type: {
            kind: 'NonNullType',
            type: { kind: 'NamedType', name: { kind: 'Name', value: 'StartTrainingInput' } },
          },
        },
      ],
      selectionSet: {
        kind: 'SelectionSet',
        selections: [
          {
            kind: 'Field',
            name: { kind: 'Name', value: 'startTraining' },
            arguments: [
              {
                kind: 'Argument',
                name: { kind: 'Name', value: 'input' },
                value: { kind: 'Variable', name: { kind: 'Name', value: 'input' } },
              },
            ],
            selectionSet: {
              kind: 'SelectionSet',
              selections: [
                {
                  kind: 'Field',
                  name: { kind: 'Name', value: 'run' },
                  selectionSet: {
                    kind: 'SelectionSet',
                    selections: [
                      { kind: 'FragmentSpread', name: { kind: 'Name', value: 'RunSummaryFields' } },
                    ],
                  },
                },
                {
                  kind: 'Field',
                  name: { kind: 'Name', value: 'userErrors' },
                  selectionSet: {
                    kind: 'SelectionSet',
                    selections: [
                      { kind: 'Field', name: { kind: 'Name', value: 'field' } },
                      { kind: 'Field', name: { kind: 'Name', value: 'message' } },
                      { kind: 'Field', name: { kind: 'Name', value: 'code' } },
                    ],
                  },
                },
              ],
            },
          },
        ],
      },
    },
    {
      kind: 'FragmentDefinition',
      name: { kind: 'Name', value: 'RunSummaryFields' },
      typeCondition: { kind: 'NamedType', name: { kind: 'Name', value: 'Run' } },
      selectionSet: {
        kind: 'SelectionSet',
        selections: [
          { kind: 'Field', name: { kind: 'Name', value: 'id' } },
          { kind: 'Field', name: { kind: 'Name', value: 'status' } },
          { kind: 'Field', name: { kind: 'Name', value: 'architecture' } },
          { kind: 'Field', name: { kind: 'Name', value: 'epochs' } },
          { kind: 'Field', name: { kind: 'Name', value: 'currentEpoch' } },
          {
            kind: 'Field',
            name: { kind: 'Name', value: 'metrics' },
            selectionSet: {
              kind: 'SelectionSet',
              selections: [
                { kind: 'Field', name: { kind: 'Name', value: 'name' } },
                { kind: 'Field', name: { kind: 'Name', value: 'value' } },
              ],
            },
          },
          { kind: 'Field', name: { kind: 'Name', value: 'createdAt' } },
          {
            kind: 'Field',
            name: { kind: 'Name', value: 'dataset' },
            selectionSet: {
              kind: 'SelectionSet',
              selections: [
                { kind: 'Field', name: { kind: 'Name', value: 'id' } },
                { kind: 'Field', name: { kind: 'Name', value: 'name' } },
              ],
            },
          },
        ],
      },
    },
  ],
} as unknown as DocumentNode<StartTrainingMutation, StartTrainingMutationVariables>;
export const CancelRunDocument = {
  kind: 'Document',
  definitions: [
    {
      kind: 'OperationDefinition',
      operation: 'mutation',
      name: { kind: 'Name', value: 'CancelRun' },
      variableDefinitions: [
        {
          kind: 'VariableDefinition',
          variable: { kind: 'Variable', name: { kind: 'Name', value: 'id' } },
          type: {
            kind: 'NonNullType',
            type: { kind: 'NamedType', name: { kind: 'Name', value: 'ID' } },
          },
        },
      ],
      selectionSet: {
        kind: 'SelectionSet',
        selections: [
          {
            kind: 'Field',
            name: { kind: 'Name', value: 'cancelRun' },
            arguments: [
              {
                kind: 'Argument',
                name: { kind: 'Name', value: 'id' },
                value: { kind: 'Variable', name: { kind: 'Name', value: 'id' } },
              },
            ],
            selectionSet: {
              kind: 'SelectionSet',
              selections: [
                {
                  kind: 'Field',
                  name: { kind: 'Name', value: 'run' },
                  selectionSet: {
                    kind: 'SelectionSet',
                    selections: [
                      { kind: 'Field', name: { kind: 'Name', value: 'id' } },
                      { kind: 'Field', name: { kind: 'Name', value: 'status' } },
                    ],
                  },
                },
                {
                  kind: 'Field',
                  name: { kind: 'Name', value: 'userErrors' },
                  selectionSet: {
                    kind: 'SelectionSet',
                    selections: [
                      { kind: 'Field', name: { kind: 'Name', value: 'field' } },
                      { kind: 'Field', name: { kind: 'Name', value: 'message' } },
                      { kind: 'Field', name: { kind: 'Name', value: 'code' } },
                    ],
                  },
                },
              ],
            },
          },
        ],
      },
    },
  ],
} as unknown as DocumentNode<CancelRunMutation, CancelRunMutationVariables>;
export const TrainingProgressDocument = {
  kind: 'Document',
  definitions: [
    {
      kind: 'OperationDefinition',
      operation: 'subscription',
      name: { kind: 'Name', value: 'TrainingProgress' },
      variableDefinitions: [
        {
          kind: 'VariableDefinition',
          variable: { kind: 'Variable', name: { kind: 'Name', value: 'runId' } },
          type: {
            kind: 'NonNullType',
            type: { kind: 'NamedType', name: { kind: 'Name', value: 'ID' } },
          },
        },
      ],
      selectionSet: {
        kind: 'SelectionSet',
        selections: [
          {
            kind: 'Field',
            name: { kind: 'Name', value: 'trainingProgress' },
            arguments: [
              {
                kind: 'Argument',
                name: { kind: 'Name', value: 'runId' },
                value: { kind: 'Variable', name: { kind: 'Name', value: 'runId' } },
              },
            ],
            selectionSet: {
              kind: 'SelectionSet',
              selections: [
                { kind: 'Field', name: { kind: 'Name', value: 'runId' } },
                { kind: 'Field', name: { kind: 'Name', value: 'status' } },
                { kind: 'Field', name: { kind: 'Name', value: 'epoch' } },
                { kind: 'Field', name: { kind: 'Name', value: 'epochs' } },
                { kind: 'Field', name: { kind: 'Name', value: 'batch' } },
                { kind: 'Field', name: { kind: 'Name', value: 'batches' } },
                { kind: 'Field', name: { kind: 'Name', value: 'loss' } },
                {
                  kind: 'Field',
                  name: { kind: 'Name', value: 'metrics' },
                  selectionSet: {
                    kind: 'SelectionSet',
                    selections: [
                      { kind: 'Field', name: { kind: 'Name', value: 'name' } },
                      { kind: 'Field', name: { kind: 'Name', value: 'value' } },
                    ],
                  },
                },
                { kind: 'Field', name: { kind: 'Name', value: 'samplesPerSecond' } },
                { kind: 'Field', name: { kind: 'Name', value: 'etaSeconds' } },
                { kind: 'Field', name: { kind: 'Name', value: 'done' } },
                {
                  kind: 'Field',
                  name: { kind: 'Name', value: 'probeAttributions' },
                  selectionSet: {
                    kind: 'SelectionSet',
                    selections: [
                      {
                        kind: 'FragmentSpread',
                        name: { kind: 'Name', value: 'ProbeAttributionFields' },
                      },
                    ],
                  },
                },
              ],
            },
          },
        ],
      },
    },
    {
      kind: 'FragmentDefinition',
      name: { kind: 'Name', value: 'ProbeAttributionFields' },
      typeCondition: { kind: 'NamedType', name: { kind: 'Name', value: 'ProbeAttribution' } },
      selectionSet: {
        kind: 'SelectionSet',
        selections: [
          { kind: 'Field', name: { kind: 'Name', value: 'probe' } },
          { kind: 'Field', name: { kind: 'Name', value: 'epoch' } },
          { kind: 'Field', name: { kind: 'Name', value: 'sequence' } },
          { kind: 'Field', name: { kind: 'Name', value: 'output' } },
          { kind: 'Field', name: { kind: 'Name', value: 'scores' } },
        ],
      },
    },
  ],
} as unknown as DocumentNode<TrainingProgressSubscription, TrainingProgressSubscriptionVariables>;
export const RunProbeAttributionsDocument = {
  kind: 'Document',
  definitions: [
    {
      kind: 'OperationDefinition',
      operation: 'query',
      name: { kind: 'Name', value: 'RunProbeAttributions' },
      variableDefinitions: [
        {
          kind: 'VariableDefinition',
          variable: { kind: 'Variable', name: { kind: 'Name', value: 'id' } },
          type: {
            kind: 'NonNullType',
            type: { kind: 'NamedType', name: { kind: 'Name', value: 'ID' } },
          },
        },
        {
          kind: 'VariableDefinition',
          variable: { kind: 'Variable', name: { kind: 'Name', value: 'epoch' } },
          type: { kind: 'NamedType', name: { kind: 'Name', value: 'Int' } },
        },
      ],
      selectionSet: {
        kind: 'SelectionSet',
        selections: [
          {
            kind: 'Field',
            name: { kind: 'Name', value: 'run' },
            arguments: [
              {
                kind: 'Argument',
                name: { kind: 'Name', value: 'id' },
                value: { kind: 'Variable', name: { kind: 'Name', value: 'id' } },
              },
            ],
            selectionSet: {
              kind: 'SelectionSet',
              selections: [
                { kind: 'Field', name: { kind: 'Name', value: 'id' } },
                {
                  kind: 'Field',
                  name: { kind: 'Name', value: 'probeAttributions' },
                  arguments: [
                    {
                      kind: 'Argument',
                      name: { kind: 'Name', value: 'epoch' },
                      value: { kind: 'Variable', name: { kind: 'Name', value: 'epoch' } },
                    },
                  ],
                  selectionSet: {
                    kind: 'SelectionSet',
                    selections: [
                      {
                        kind: 'FragmentSpread',
                        name: { kind: 'Name', value: 'ProbeAttributionFields' },
                      },
                    ],
                  },
                },
              ],
            },
          },
        ],
      },
    },
    {
      kind: 'FragmentDefinition',
      name: { kind: 'Name', value: 'ProbeAttributionFields' },
      typeCondition: { kind: 'NamedType', name: { kind: 'Name', value: 'ProbeAttribution' } },
      selectionSet: {
        kind: 'SelectionSet',
        selections: [
          { kind: 'Field', name: { kind: 'Name', value: 'probe' } },
          { kind: 'Field', name: { kind: 'Name', value: 'epoch' } },
          { kind: 'Field', name: { kind: 'Name', value: 'sequence' } },
          { kind: 'Field', name: { kind: 'Name', value: 'output' } },
          { kind: 'Field', name: { kind: 'Name', value: 'scores' } },
        ],
      },
    },
  ],
} as unknown as DocumentNode<RunProbeAttributionsQuery, RunProbeAttributionsQueryVariables>;
export const RunStatusChangedDocument = {
  kind: 'Document',
  definitions: [
    {
      kind: 'OperationDefinition',
      operation: 'subscription',
      name: { kind: 'Name', value: 'RunStatusChanged' },
      selectionSet: {
        kind: 'SelectionSet',
        selections: [
          {
            kind: 'Field',
            name: { kind: 'Name', value: 'runStatusChanged' },
            selectionSet: {
              kind: 'SelectionSet',
              selections: [
                { kind: 'FragmentSpread', name: { kind: 'Name', value: 'RunSummaryFields' } },
                { kind: 'Field', name: { kind: 'Name', value: 'backend' } },
                { kind: 'Field', name: { kind: 'Name', value: 'error' } },
                { kind: 'Field', name: { kind: 'Name', value: 'startedAt' } },
                { kind: 'Field', name: { kind: 'Name', value: 'finishedAt' } },
              ],
            },
          },
        ],
      },
    },
    {
      kind: 'FragmentDefinition',
      name: { kind: 'Name', value: 'RunSummaryFields' },
      typeCondition: { kind: 'NamedType', name: { kind: 'Name', value: 'Run' } },
      selectionSet: {
        kind: 'SelectionSet',
        selections: [
          { kind: 'Field', name: { kind: 'Name', value: 'id' } },
          { kind: 'Field', name: { kind: 'Name', value: 'status' } },
          { kind: 'Field', name: { kind: 'Name', value: 'architecture' } },
          { kind: 'Field', name: { kind: 'Name', value: 'epochs' } },
          { kind: 'Field', name: { kind: 'Name', value: 'currentEpoch' } },
          {
            kind: 'Field',
            name: { kind: 'Name', value: 'metrics' },
            selectionSet: {
              kind: 'SelectionSet',
              selections: [
                { kind: 'Field', name: { kind: 'Name', value: 'name' } },
                { kind: 'Field', name: { kind: 'Name', value: 'value' } },
              ],
            },
          },
          { kind: 'Field', name: { kind: 'Name', value: 'createdAt' } },
          {
            kind: 'Field',
            name: { kind: 'Name', value: 'dataset' },
            selectionSet: {
              kind: 'SelectionSet',
              selections: [
                { kind: 'Field', name: { kind: 'Name', value: 'id' } },
                { kind: 'Field', name: { kind: 'Name', value: 'name' } },
              ],
            },
          },
        ],
      },
    },
  ],
} as unknown as DocumentNode<RunStatusChangedSubscription, RunStatusChangedSubscriptionVariables>;
export const JobsDocument = {
  kind: 'Document',
  definitions: [
    {
      kind: 'OperationDefinition',
      operation: 'query',
      name: { kind: 'Name', value: 'Jobs' },
      variableDefinitions: [
        {
          kind: 'VariableDefinition',
          variable: { kind: 'Variable', name: { kind: 'Name', value: 'first' } },
          type: { kind: 'NamedType', name: { kind: 'Name', value: 'Int' } },
        },
        {
          kind: 'VariableDefinition',
          variable: { kind: 'Variable', name: { kind: 'Name', value: 'after' } },
          type: { kind: 'NamedType', name: { kind: 'Name', value: 'String' } },
        },
        {
          kind: 'VariableDefinition',
          variable: { kind: 'Variable', name: { kind: 'Name', value: 'kind' } },
          type: { kind: 'NamedType', name: { kind: 'Name', value: 'JobKind' } },
        },
        {
          kind: 'VariableDefinition',
          variable: { kind: 'Variable', name: { kind: 'Name', value: 'status' } },
          type: { kind: 'NamedType', name: { kind: 'Name', value: 'JobStatus' } },
        },
        {
          kind: 'VariableDefinition',
          variable: { kind: 'Variable', name: { kind: 'Name', value: 'projectId' } },
          type: { kind: 'NamedType', name: { kind: 'Name', value: 'ID' } },
        },
      ],
      selectionSet: {
        kind: 'SelectionSet',
        selections: [
          {
            kind: 'Field',
            name: { kind: 'Name', value: 'jobs' },
            arguments: [
              {
                kind: 'Argument',
                name: { kind: 'Name', value: 'first' },
                value: { kind: 'Variable', name: { kind: 'Name', value: 'first' } },
              },
              {
                kind: 'Argument',
                name: { kind: 'Name', value: 'after' },
                value: { kind: 'Variable', name: { kind: 'Name', value: 'after' } },
              },
              {
                kind: 'Argument',
                name: { kind: 'Name', value: 'kind' },
                value: { kind: 'Variable', name: { kind: 'Name', value: 'kind' } },
              },
              {
                kind: 'Argument',
                name: { kind: 'Name', value: 'status' },
                value: { kind: 'Variable', name: { kind: 'Name', value: 'status' } },
              },
              {
                kind: 'Argument',
                name: { kind: 'Name', value: 'projectId' },
                value: { kind: 'Variable', name: { kind: 'Name', value: 'projectId' } },
              },
            ],
            selectionSet: {
              kind: 'SelectionSet',
              selections: [
                {
                  kind: 'Field',
                  name: { kind: 'Name', value: 'edges' },
                  selectionSet: {
                    kind: 'SelectionSet',
                    selections: [
                      { kind: 'Field', name: { kind: 'Name', value: 'cursor' } },
                      {
                        kind: 'Field',
                        name: { kind: 'Name', value: 'node' },
                        selectionSet: {
                          kind: 'SelectionSet',
                          selections: [
                            {
                              kind: 'FragmentSpread',
                              name: { kind: 'Name', value: 'JobSummaryFields' },
                            },
                            {
                              kind: 'Field',
                              name: { kind: 'Name', value: 'dataset' },
                              selectionSet: {
                                kind: 'SelectionSet',
                                selections: [
                                  { kind: 'Field', name: { kind: 'Name', value: 'id' } },
                                  { kind: 'Field', name: { kind: 'Name', value: 'name' } },
                                ],
                              },
                            },
                            {
                              kind: 'Field',
                              name: { kind: 'Name', value: 'outputDataset' },
                              selectionSet: {
                                kind: 'SelectionSet',
                                selections: [
                                  { kind: 'Field', name: { kind: 'Name', value: 'id' } },
                                  { kind: 'Field', name: { kind: 'Name', value: 'name' } },
                                ],
                              },
                            },
                          ],
                        },
                      },
                    ],
                  },
                },
                {
                  kind: 'Field',
                  name: { kind: 'Name', value: 'pageInfo' },
                  selectionSet: {
                    kind: 'SelectionSet',
                    selections: [
                      { kind: 'Field', name: { kind: 'Name', value: 'hasNextPage' } },
                      { kind: 'Field', name: { kind: 'Name', value: 'endCursor' } },
                    ],
                  },
                },
                { kind: 'Field', name: { kind: 'Name', value: 'totalCount' } },
              ],
            },
          },
        ],
      },
    },
    {
      kind: 'FragmentDefinition',
      name: { kind: 'Name', value: 'JobProgressFields' },
      typeCondition: { kind: 'NamedType', name: { kind: 'Name', value: 'JobProgress' } },
      selectionSet: {
        kind: 'SelectionSet',
        selections: [
          { kind: 'Field', name: { kind: 'Name', value: 'done' } },
          { kind: 'Field', name: { kind: 'Name', value: 'total' } },
          { kind: 'Field', name: { kind: 'Name', value: 'unit' } },
          { kind: 'Field', name: { kind: 'Name', value: 'message' } },
          { kind: 'Field', name: { kind: 'Name', value: 'fraction' } },
        ],
      },
    },
    {
      kind: 'FragmentDefinition',
      name: { kind: 'Name', value: 'JobSummaryFields' },
      typeCondition: { kind: 'NamedType', name: { kind: 'Name', value: 'Job' } },
      selectionSet: {
        kind: 'SelectionSet',
        selections: [
          { kind: 'Field', name: { kind: 'Name', value: 'id' } },
          { kind: 'Field', name: { kind: 'Name', value: 'kind' } },
          { kind: 'Field', name: { kind: 'Name', value: 'status' } },
          {
            kind: 'Field',
            name: { kind: 'Name', value: 'progress' },
            selectionSet: {
              kind: 'SelectionSet',
              selections: [
                { kind: 'FragmentSpread', name: { kind: 'Name', value: 'JobProgressFields' } },
              ],
            },
          },
          { kind: 'Field', name: { kind: 'Name', value: 'error' } },
          { kind: 'Field', name: { kind: 'Name', value: 'errorCode' } },
          { kind: 'Field', name: { kind: 'Name', value: 'createdAt' } },
          { kind: 'Field', name: { kind: 'Name', value: 'startedAt' } },
          { kind: 'Field', name: { kind: 'Name', value: 'finishedAt' } },
        ],
      },
    },
  ],
} as unknown as DocumentNode<JobsQuery, JobsQueryVariables>;
export const JobDocument = {
  kind: 'Document',
  definitions: [
    {
      kind: 'OperationDefinition',
      operation: 'query',
      name: { kind: 'Name', value: 'Job' },
      variableDefinitions: [
        {
          kind: 'VariableDefinition',
          variable: { kind: 'Variable', name: { kind: 'Name', value: 'id' } },
          type: {
            kind: 'NonNullType',
            type: { kind: 'NamedType', name: { kind: 'Name', value: 'ID' } },
          },
        },
      ],
      selectionSet: {
        kind: 'SelectionSet',
        selections: [
          {
            kind: 'Field',
            name: { kind: 'Name', value: 'job' },
            arguments: [
              {
                kind: 'Argument',
                name: { kind: 'Name', value: 'id' },
                value: { kind: 'Variable', name: { kind: 'Name', value: 'id' } },
              },
            ],
            selectionSet: {
              kind: 'SelectionSet',
              selections: [
                { kind: 'FragmentSpread', name: { kind: 'Name', value: 'JobSummaryFields' } },
                {
                  kind: 'Field',
                  name: { kind: 'Name', value: 'project' },
                  selectionSet: {
                    kind: 'SelectionSet',
                    selections: [
                      { kind: 'Field', name: { kind: 'Name', value: 'id' } },
                      { kind: 'Field', name: { kind: 'Name', value: 'viewerRole' } },
                    ],
                  },
                },
                { kind: 'Field', name: { kind: 'Name', value: 'params' } },
                { kind: 'Field', name: { kind: 'Name', value: 'lineage' } },
                {
                  kind: 'Field',
                  name: { kind: 'Name', value: 'dataset' },
                  selectionSet: {
                    kind: 'SelectionSet',
                    selections: [
                      { kind: 'FragmentSpread', name: { kind: 'Name', value: 'JobDatasetFields' } },
                    ],
                  },
                },
                {
                  kind: 'Field',
                  name: { kind: 'Name', value: 'outputDataset' },
                  selectionSet: {
                    kind: 'SelectionSet',
                    selections: [
                      { kind: 'FragmentSpread', name: { kind: 'Name', value: 'JobDatasetFields' } },
                    ],
                  },
                },
                {
                  kind: 'Field',
                  name: { kind: 'Name', value: 'run' },
                  selectionSet: {
                    kind: 'SelectionSet',
                    selections: [
                      { kind: 'Field', name: { kind: 'Name', value: 'id' } },
                      { kind: 'Field', name: { kind: 'Name', value: 'architecture' } },
                      { kind: 'Field', name: { kind: 'Name', value: 'status' } },
                    ],
                  },
                },
                {
                  kind: 'Field',
                  name: { kind: 'Name', value: 'modelVersion' },
                  selectionSet: {
                    kind: 'SelectionSet',
                    selections: [
                      { kind: 'Field', name: { kind: 'Name', value: 'id' } },
                      { kind: 'Field', name: { kind: 'Name', value: 'name' } },
                      { kind: 'Field', name: { kind: 'Name', value: 'version' } },
                      { kind: 'Field', name: { kind: 'Name', value: 'aliases' } },
                    ],
                  },
                },
                {
                  kind: 'Field',
                  name: { kind: 'Name', value: 'runs' },
                  selectionSet: {
                    kind: 'SelectionSet',
                    selections: [
                      { kind: 'FragmentSpread', name: { kind: 'Name', value: 'TrialRunFields' } },
                    ],
                  },
                },
              ],
            },
          },
        ],
      },
    },
    {
      kind: 'FragmentDefinition',
      name: { kind: 'Name', value: 'JobProgressFields' },
      typeCondition: { kind: 'NamedType', name: { kind: 'Name', value: 'JobProgress' } },
      selectionSet: {
        kind: 'SelectionSet',
        selections: [
          { kind: 'Field', name: { kind: 'Name', value: 'done' } },
          { kind: 'Field', name: { kind: 'Name', value: 'total' } },
          { kind: 'Field', name: { kind: 'Name', value: 'unit' } },
          { kind: 'Field', name: { kind: 'Name', value: 'message' } },
          { kind: 'Field', name: { kind: 'Name', value: 'fraction' } },
        ],
      },
    },
    {
      kind: 'FragmentDefinition',
      name: { kind: 'Name', value: 'JobSummaryFields' },
      typeCondition: { kind: 'NamedType', name: { kind: 'Name', value: 'Job' } },
      selectionSet: {
        kind: 'SelectionSet',
        selections: [
          { kind: 'Field', name: { kind: 'Name', value: 'id' } },
          { kind: 'Field', name: { kind: 'Name', value: 'kind' } },
          { kind: 'Field', name: { kind: 'Name', value: 'status' } },
          {
            kind: 'Field',
            name: { kind: 'Name', value: 'progress' },
            selectionSet: {
              kind: 'SelectionSet',
              selections: [
                { kind: 'FragmentSpread', name: { kind: 'Name', value: 'JobProgressFields' } },
              ],
            },
          },
          { kind: 'Field', name: { kind: 'Name', value: 'error' } },
          { kind: 'Field', name: { kind: 'Name', value: 'errorCode' } },
          { kind: 'Field', name: { kind: 'Name', value: 'createdAt' } },
          { kind: 'Field', name: { kind: 'Name', value: 'startedAt' } },
          { kind: 'Field', name: { kind: 'Name', value: 'finishedAt' } },
        ],
      },
    },
    {
      kind: 'FragmentDefinition',
      name: { kind: 'Name', value: 'JobDatasetFields' },
      typeCondition: { kind: 'NamedType', name: { kind: 'Name', value: 'Dataset' } },
      selectionSet: {
        kind: 'SelectionSet',
        selections: [
          { kind: 'Field', name: { kind: 'Name', value: 'id' } },
          { kind: 'Field', name: { kind: 'Name', value: 'name' } },
          { kind: 'Field', name: { kind: 'Name', value: 'kind' } },
          { kind: 'Field', name: { kind: 'Name', value: 'status' } },
          { kind: 'Field', name: { kind: 'Name', value: 'recordCount' } },
          { kind: 'Field', name: { kind: 'Name', value: 'checksum' } },
          { kind: 'Field', name: { kind: 'Name', value: 'warningCount' } },
          {
            kind: 'Field',
            name: { kind: 'Name', value: 'warnings' },
            selectionSet: {
              kind: 'SelectionSet',
              selections: [
                { kind: 'Field', name: { kind: 'Name', value: 'rule' } },
                { kind: 'Field', name: { kind: 'Name', value: 'count' } },
                {
                  kind: 'Field',
                  name: { kind: 'Name', value: 'examples' },
                  selectionSet: {
                    kind: 'SelectionSet',
                    selections: [
                      { kind: 'Field', name: { kind: 'Name', value: 'file' } },
                      { kind: 'Field', name: { kind: 'Name', value: 'line' } },
                      { kind: 'Field', name: { kind: 'Name', value: 'message' } },
                    ],
                  },
                },
              ],
            },
          },
        ],
      },
    },
    {
      kind: 'FragmentDefinition',
      name: { kind: 'Name', value: 'TrialRunFields' },
      typeCondition: { kind: 'NamedType', name: { kind: 'Name', value: 'Run' } },
      selectionSet: {
        kind: 'SelectionSet',
        selections: [
          { kind: 'Field', name: { kind: 'Name', value: 'id' } },
          { kind: 'Field', name: { kind: 'Name', value: 'status' } },
          { kind: 'Field', name: { kind: 'Name', value: 'architecture' } },
          { kind: 'Field', name: { kind: 'Name', value: 'currentEpoch' } },
          { kind: 'Field', name: { kind: 'Name', value: 'epochs' } },
          { kind: 'Field', name: { kind: 'Name', value: 'learningRate' } },
          { kind: 'Field', name: { kind: 'Name', value: 'batchSize' } },
          {
            kind: 'Field',
            name: { kind: 'Name', value: 'metrics' },
            selectionSet: {
              kind: 'SelectionSet',
              selections: [
                { kind: 'Field', name: { kind: 'Name', value: 'name' } },
                { kind: 'Field', name: { kind: 'Name', value: 'value' } },
              ],
            },
          },
          { kind: 'Field', name: { kind: 'Name', value: 'tags' } },
          { kind: 'Field', name: { kind: 'Name', value: 'groupLabel' } },
        ],
      },
    },
  ],
} as unknown as DocumentNode<JobQuery, JobQueryVariables>;
export const JobResultDocument = {
  kind: 'Document',
  definitions: [
    {
      kind: 'OperationDefinition',
      operation: 'query',
      name: { kind: 'Name', value: 'JobResult' },
      variableDefinitions: [
        {
          kind: 'VariableDefinition',
          variable: { kind: 'Variable', name: { kind: 'Name', value: 'id' } },
          type: {
            kind: 'NonNullType',
            type: { kind: 'NamedType', name: { kind: 'Name', value: 'ID' } },
          },
        },
      ],
      selectionSet: {
        kind: 'SelectionSet',
        selections: [
          {
            kind: 'Field',
            name: { kind: 'Name', value: 'job' },
            arguments: [
              {
                kind: 'Argument',
                name: { kind: 'Name', value: 'id' },
                value: { kind: 'Variable', name: { kind: 'Name', value: 'id' } },
              },
            ],
            selectionSet: {
              kind: 'SelectionSet',
              selections: [
                { kind: 'Field', name: { kind: 'Name', value: 'id' } },
                { kind: 'Field', name: { kind: 'Name', value: 'result' } },
              ],
            },
          },
        ],
      },
    },
  ],
} as unknown as DocumentNode<JobResultQuery, JobResultQueryVariables>;
export const CancelJobDocument = {
  kind: 'Document',
  definitions: [
    {
      kind: 'OperationDefinition',
      operation: 'mutation',
      name: { kind: 'Name', value: 'CancelJob' },
      variableDefinitions: [
        {
          kind: 'VariableDefinition',
          variable: { kind: 'Variable', name: { kind: 'Name', value: 'id' } },
          type: {
            kind: 'NonNullType',
            type: { kind: 'NamedType', name: { kind: 'Name', value: 'ID' } },
          },
        },
      ],
      selectionSet: {
        kind: 'SelectionSet',
        selections: [
          {
            kind: 'Field',
            name: { kind: 'Name', value: 'cancelJob' },
            arguments: [
              {
                kind: 'Argument',
                name: { kind: 'Name', value: 'id' },
                value: { kind: 'Variable', name: { kind: 'Name', value: 'id' } },
              },
            ],
            selectionSet: {
              kind: 'SelectionSet',
              selections: [
                {
                  kind: 'Field',
                  name: { kind: 'Name', value: 'job' },
                  selectionSet: {
                    kind: 'SelectionSet',
                    selections: [
                      { kind: 'FragmentSpread', name: { kind: 'Name', value: 'JobSummaryFields' } },
                    ],
                  },
                },
                {
                  kind: 'Field',
                  name: { kind: 'Name', value: 'userErrors' },
                  selectionSet: {
                    kind: 'SelectionSet',
                    selections: [
                      { kind: 'Field', name: { kind: 'Name', value: 'field' } },
                      { kind: 'Field', name: { kind: 'Name', value: 'message' } },
                      { kind: 'Field', name: { kind: 'Name', value: 'code' } },
                    ],
                  },
                },
              ],
            },
          },
        ],
      },
    },
    {
      kind: 'FragmentDefinition',
      name: { kind: 'Name', value: 'JobProgressFields' },
      typeCondition: { kind: 'NamedType', name: { kind: 'Name', value: 'JobProgress' } },
      selectionSet: {
        kind: 'SelectionSet',
        selections: [
          { kind: 'Field', name: { kind: 'Name', value: 'done' } },
          { kind: 'Field', name: { kind: 'Name', value: 'total' } },
          { kind: 'Field', name: { kind: 'Name', value: 'unit' } },
          { kind: 'Field', name: { kind: 'Name', value: 'message' } },
          { kind: 'Field', name: { kind: 'Name', value: 'fraction' } },
        ],
      },
    },
    {
      kind: 'FragmentDefinition',
      name: { kind: 'Name', value: 'JobSummaryFields' },
      typeCondition: { kind: 'NamedType', name: { kind: 'Name', value: 'Job' } },
      selectionSet: {
        kind: 'SelectionSet',
        selections: [
          { kind: 'Field', name: { kind: 'Name', value: 'id' } },
          { kind: 'Field', name: { kind: 'Name', value: 'kind' } },
          { kind: 'Field', name: { kind: 'Name', value: 'status' } },
          {
            kind: 'Field',
            name: { kind: 'Name', value: 'progress' },
            selectionSet: {
              kind: 'SelectionSet',
              selections: [
                { kind: 'FragmentSpread', name: { kind: 'Name', value: 'JobProgressFields' } },
              ],
            },
          },
          { kind: 'Field', name: { kind: 'Name', value: 'error' } },
          { kind: 'Field', name: { kind: 'Name', value: 'errorCode' } },
          { kind: 'Field', name: { kind: 'Name', value: 'createdAt' } },
          { kind: 'Field', name: { kind: 'Name', value: 'startedAt' } },
          { kind: 'Field', name: { kind: 'Name', value: 'finishedAt' } },
        ],
      },
    },
  ],
} as unknown as DocumentNode<CancelJobMutation, CancelJobMutationVariables>;
export const DemoJobDocument = {
  kind: 'Document',
  definitions: [
    {
      kind: 'OperationDefinition',
      operation: 'query',
      name: { kind: 'Name', value: 'DemoJob' },
      variableDefinitions: [
        {
          kind: 'VariableDefinition',
          variable: { kind: 'Variable', name: { kind: 'Name', value: 'id' } },
          type: {
            kind: 'NonNullType',
            type: { kind: 'NamedType', name: { kind: 'Name', value: 'ID' } },
          },
        },
      ],
      selectionSet: {
        kind: 'SelectionSet',
        selections: [
          {
            kind: 'Field',
            name: { kind: 'Name', value: 'job' },
            arguments: [
              {
                kind: 'Argument',
                name: { kind: 'Name', value: 'id' },
                value: { kind: 'Variable', name: { kind: 'Name', value: 'id' } },
              },
            ],
            selectionSet: {
              kind: 'SelectionSet',
              selections: [
                { kind: 'FragmentSpread', name: { kind: 'Name', value: 'JobSummaryFields' } },
                {
                  kind: 'Field',
                  name: { kind: 'Name', value: 'outputDataset' },
                  selectionSet: {
                    kind: 'SelectionSet',
                    selections: [
                      { kind: 'FragmentSpread', name: { kind: 'Name', value: 'DatasetFields' } },
                    ],
                  },
                },
              ],
            },
          },
        ],
      },
    },
    {
      kind: 'FragmentDefinition',
      name: { kind: 'Name', value: 'JobProgressFields' },
      typeCondition: { kind: 'NamedType', name: { kind: 'Name', value: 'JobProgress' } },
      selectionSet: {
        kind: 'SelectionSet',
        selections: [
          { kind: 'Field', name: { kind: 'Name', value: 'done' } },
          { kind: 'Field', name: { kind: 'Name', value: 'total' } },
          { kind: 'Field', name: { kind: 'Name', value: 'unit' } },
          { kind: 'Field', name: { kind: 'Name', value: 'message' } },
          { kind: 'Field', name: { kind: 'Name', value: 'fraction' } },
        ],
      },
    },
    {
      kind: 'FragmentDefinition',
      name: { kind: 'Name', value: 'JobSummaryFields' },
      typeCondition: { kind: 'NamedType', name: { kind: 'Name', value: 'Job' } },
      selectionSet: {
        kind: 'SelectionSet',
        selections: [
          { kind: 'Field', name: { kind: 'Name', value: 'id' } },
          { kind: 'Field', name: { kind: 'Name', value: 'kind' } },
          { kind: 'Field', name: { kind: 'Name', value: 'status' } },
          {
            kind: 'Field',
            name: { kind: 'Name', value: 'progress' },
            selectionSet: {
              kind: 'SelectionSet',
              selections: [
                { kind: 'FragmentSpread', name: { kind: 'Name', value: 'JobProgressFields' } },
              ],
            },
          },
          { kind: 'Field', name: { kind: 'Name', value: 'error' } },
          { kind: 'Field', name: { kind: 'Name', value: 'errorCode' } },
          { kind: 'Field', name: { kind: 'Name', value: 'createdAt' } },
          { kind: 'Field', name: { kind: 'Name', value: 'startedAt' } },
          { kind: 'Field', name: { kind: 'Name', value: 'finishedAt' } },
        ],
      },
    },
    {
      kind: 'FragmentDefinition',
      name: { kind: 'Name', value: 'DatasetFields' },
      typeCondition: { kind: 'NamedType', name: { kind: 'Name', value: 'Dataset' } },
      selectionSet: {
        kind: 'SelectionSet',
        selections: [
          { kind: 'Field', name: { kind: 'Name', value: 'id' } },
          { kind: 'Field', name: { kind: 'Name', value: 'name' } },
          { kind: 'Field', name: { kind: 'Name', value: 'kind' } },
          { kind: 'Field', name: { kind: 'Name', value: 'status' } },
          { kind: 'Field', name: { kind: 'Name', value: 'recordCount' } },
          { kind: 'Field', name: { kind: 'Name', value: 'sequenceLength' } },
          { kind: 'Field', name: { kind: 'Name', value: 'createdAt' } },
        ],
      },
    },
  ],
} as unknown as DocumentNode<DemoJobQuery, DemoJobQueryVariables>;
export const JobProgressDocument = {
  kind: 'Document',
  definitions: [
    {
      kind: 'OperationDefinition',
      operation: 'subscription',
      name: { kind: 'Name', value: 'JobProgress' },
      variableDefinitions: [
        {
          kind: 'VariableDefinition',
          variable: { kind: 'Variable', name: { kind: 'Name', value: 'jobId' } },
          type: {
            kind: 'NonNullType',
            type: { kind: 'NamedType', name: { kind: 'Name', value: 'ID' } },
          },
        },
      ],
      selectionSet: {
        kind: 'SelectionSet',
        selections: [
          {
            kind: 'Field',
            name: { kind: 'Name', value: 'jobProgress' },
            arguments: [
              {
                kind: 'Argument',
                name: { kind: 'Name', value: 'jobId' },
                value: { kind: 'Variable', name: { kind: 'Name', value: 'jobId' } },
              },
            ],
            selectionSet: {
              kind: 'SelectionSet',
              selections: [
                { kind: 'Field', name: { kind: 'Name', value: 'jobId' } },
                { kind: 'Field', name: { kind: 'Name', value: 'status' } },
                { kind: 'Field', name: { kind: 'Name', value: 'done' } },
                {
                  kind: 'Field',
                  name: { kind: 'Name', value: 'progress' },
                  selectionSet: {
                    kind: 'SelectionSet',
                    selections: [
                      {
                        kind: 'FragmentSpread',
                        name: { kind: 'Name', value: 'JobProgressFields' },
                      },
                    ],
                  },
                },
              ],
            },
          },
        ],
      },
    },
    {
      kind: 'FragmentDefinition',
      name: { kind: 'Name', value: 'JobProgressFields' },
      typeCondition: { kind: 'NamedType', name: { kind: 'Name', value: 'JobProgress' } },
      selectionSet: {
        kind: 'SelectionSet',
        selections: [
          { kind: 'Field', name: { kind: 'Name', value: 'done' } },
          { kind: 'Field', name: { kind: 'Name', value: 'total' } },
          { kind: 'Field', name: { kind: 'Name', value: 'unit' } },
          { kind: 'Field', name: { kind: 'Name', value: 'message' } },
          { kind: 'Field', name: { kind: 'Name', value: 'fraction' } },
        ],
      },
    },
  ],
} as unknown as DocumentNode<JobProgressSubscription, JobProgressSubscriptionVariables>;
export const JobStatusChangedDocument = {
  kind: 'Document',
  definitions: [
    {
      kind: 'OperationDefinition',
      operation: 'subscription',
      name: { kind: 'Name', value: 'JobStatusChanged' },
      selectionSet: {
        kind: 'SelectionSet',
        selections: [
          {
            kind: 'Field',
            name: { kind: 'Name', value: 'jobStatusChanged' },
            selectionSet: {
              kind: 'SelectionSet',
              selections: [
                { kind: 'FragmentSpread', name: { kind: 'Name', value: 'JobSummaryFields' } },
              ],
            },
          },
        ],
      },
    },
    {
      kind: 'FragmentDefinition',
      name: { kind: 'Name', value: 'JobProgressFields' },
      typeCondition: { kind: 'NamedType', name: { kind: 'Name', value: 'JobProgress' } },
      selectionSet: {
        kind: 'SelectionSet',
        selections: [
          { kind: 'Field', name: { kind: 'Name', value: 'done' } },
          { kind: 'Field', name: { kind: 'Name', value: 'total' } },
          { kind: 'Field', name: { kind: 'Name', value: 'unit' } },
          { kind: 'Field', name: { kind: 'Name', value: 'message' } },
          { kind: 'Field', name: { kind: 'Name', value: 'fraction' } },
        ],
      },
    },
    {
      kind: 'FragmentDefinition',
      name: { kind: 'Name', value: 'JobSummaryFields' },
      typeCondition: { kind: 'NamedType', name: { kind: 'Name', value: 'Job' } },
      selectionSet: {
        kind: 'SelectionSet',
        selections: [
          { kind: 'Field', name: { kind: 'Name', value: 'id' } },
          { kind: 'Field', name: { kind: 'Name', value: 'kind' } },
          { kind: 'Field', name: { kind: 'Name', value: 'status' } },
          {
            kind: 'Field',
            name: { kind: 'Name', value: 'progress' },
            selectionSet: {
              kind: 'SelectionSet',
              selections: [
                { kind: 'FragmentSpread', name: { kind: 'Name', value: 'JobProgressFields' } },
              ],
            },
          },
          { kind: 'Field', name: { kind: 'Name', value: 'error' } },
          { kind: 'Field', name: { kind: 'Name', value: 'errorCode' } },
          { kind: 'Field', name: { kind: 'Name', value: 'createdAt' } },
          { kind: 'Field', name: { kind: 'Name', value: 'startedAt' } },
          { kind: 'Field', name: { kind: 'Name', value: 'finishedAt' } },
        ],
      },
    },
  ],
} as unknown as DocumentNode<JobStatusChangedSubscription, JobStatusChangedSubscriptionVariables>;
export const SweepTrialChangedDocument = {
  kind: 'Document',
  definitions: [
    {
      kind: 'OperationDefinition',
      operation: 'subscription',
      name: { kind: 'Name', value: 'SweepTrialChanged' },
      selectionSet: {
        kind: 'SelectionSet',
        selections: [
          {
            kind: 'Field',
            name: { kind: 'Name', value: 'runStatusChanged' },
            selectionSet: {
              kind: 'SelectionSet',
              selections: [
                { kind: 'FragmentSpread', name: { kind: 'Name', value: 'TrialRunFields' } },
                {
                  kind: 'Field',
                  name: { kind: 'Name', value: 'parentJob' },
                  selectionSet: {
                    kind: 'SelectionSet',
                    selections: [{ kind: 'Field', name: { kind: 'Name', value: 'id' } }],
                  },
                },
              ],
            },
          },
        ],
      },
    },
    {
      kind: 'FragmentDefinition',
      name: { kind: 'Name', value: 'TrialRunFields' },
      typeCondition: { kind: 'NamedType', name: { kind: 'Name', value: 'Run' } },
      selectionSet: {
        kind: 'SelectionSet',
        selections: [
          { kind: 'Field', name: { kind: 'Name', value: 'id' } },
          { kind: 'Field', name: { kind: 'Name', value: 'status' } },
          { kind: 'Field', name: { kind: 'Name', value: 'architecture' } },
          { kind: 'Field', name: { kind: 'Name', value: 'currentEpoch' } },
          { kind: 'Field', name: { kind: 'Name', value: 'epochs' } },
          { kind: 'Field', name: { kind: 'Name', value: 'learningRate' } },
          { kind: 'Field', name: { kind: 'Name', value: 'batchSize' } },
          {
            kind: 'Field',
            name: { kind: 'Name', value: 'metrics' },
            selectionSet: {
              kind: 'SelectionSet',
              selections: [
                { kind: 'Field', name: { kind: 'Name', value: 'name' } },
                { kind: 'Field', name: { kind: 'Name', value: 'value' } },
              ],
            },
          },
          { kind: 'Field', name: { kind: 'Name', value: 'tags' } },
          { kind: 'Field', name: { kind: 'Name', value: 'groupLabel' } },
        ],
      },
    },
  ],
} as unknown as DocumentNode<SweepTrialChangedSubscription, SweepTrialChangedSubscriptionVariables>;
export const VariantScoresDocument = {
  kind: 'Document',
  definitions: [
    {
      kind: 'OperationDefinition',
      operation: 'query',
      name: { kind: 'Name', value: 'VariantScores' },
      variableDefinitions: [
        {
          kind: 'VariableDefinition',
          variable: { kind: 'Variable', name: { kind: 'Name', value: 'jobId' } },
          type: {
            kind: 'NonNullType',
            type: { kind: 'NamedType', name: { kind: 'Name', value: 'ID' } },
          },
        },
        {
          kind: 'VariableDefinition',
          variable: { kind: 'Variable', name: { kind: 'Name', value: 'first' } },
          type: { kind: 'NamedType', name: { kind: 'Name', value: 'Int' } },
        },
        {
          kind: 'VariableDefinition',
          variable: { kind: 'Variable', name: { kind: 'Name', value: 'after' } },
          type: { kind: 'NamedType', name: { kind: 'Name', value: 'String' } },
        },
        {
          kind: 'VariableDefinition',
          variable: { kind: 'Variable', name: { kind: 'Name', value: 'filter' } },
          type: { kind: 'NamedType', name: { kind: 'Name', value: 'VariantScoreFilterInput' } },
        },
        {
          kind: 'VariableDefinition',
          variable: { kind: 'Variable', name: { kind: 'Name', value: 'orderBy' } },
          type: { kind: 'NamedType', name: { kind: 'Name', value: 'VariantScoreOrderInput' } },
        },
      ],
      selectionSet: {
        kind: 'SelectionSet',
        selections: [
          {
            kind: 'Field',
            name: { kind: 'Name', value: 'variantScores' },
            arguments: [
              {
                kind: 'Argument',
                name: { kind: 'Name', value: 'jobId' },
                value: { kind: 'Variable', name: { kind: 'Name', value: 'jobId' } },
              },
              {
                kind: 'Argument',
                name: { kind: 'Name', value: 'first' },
                value: { kind: 'Variable', name: { kind: 'Name', value: 'first' } },
              },
              {
                kind: 'Argument',
                name: { kind: 'Name', value: 'after' },
                value: { kind: 'Variable', name: { kind: 'Name', value: 'after' } },
              },
              {
                kind: 'Argument',
                name: { kind: 'Name', value: 'filter' },
                value: { kind: 'Variable', name: { kind: 'Name', value: 'filter' } },
              },
              {
                kind: 'Argument',
                name: { kind: 'Name', value: 'orderBy' },
                value: { kind: 'Variable', name: { kind: 'Name', value: 'orderBy' } },
              },
            ],
            selectionSet: {
              kind: 'SelectionSet',
              selections: [
                {
                  kind: 'Field',
                  name: { kind: 'Name', value: 'edges' },
                  selectionSet: {
                    kind: 'SelectionSet',
                    selections: [
                      { kind: 'Field', name: { kind: 'Name', value: 'cursor' } },
                      {
                        kind: 'Field',
                        name: { kind: 'Name', value: 'node' },
                        selectionSet: {
                          kind: 'SelectionSet',
                          selections: [
                            { kind: 'Field', name: { kind: 'Name', value: 'row' } },
                            { kind: 'Field', name: { kind: 'Name', value: 'chrom' } },
                            { kind: 'Field', name: { kind: 'Name', value: 'pos' } },
                            { kind: 'Field', name: { kind: 'Name', value: 'variantId' } },
                            { kind: 'Field', name: { kind: 'Name', value: 'ref' } },
                            { kind: 'Field', name: { kind: 'Name', value: 'alt' } },
                            { kind: 'Field', name: { kind: 'Name', value: 'task' } },
                            { kind: 'Field', name: { kind: 'Name', value: 'refPred' } },
                            { kind: 'Field', name: { kind: 'Name', value: 'altPred' } },
                            { kind: 'Field', name: { kind: 'Name', value: 'diff' } },
                            { kind: 'Field', name: { kind: 'Name', value: 'absDiff' } },
                            { kind: 'Field', name: { kind: 'Name', value: 'logOddsChange' } },
                            { kind: 'Field', name: { kind: 'Name', value: 'quantile' } },
                          ],
                        },
                      },
                    ],
                  },
                },
                {
                  kind: 'Field',
                  name: { kind: 'Name', value: 'pageInfo' },
                  selectionSet: {
                    kind: 'SelectionSet',
                    selections: [
                      { kind: 'Field', name: { kind: 'Name', value: 'hasNextPage' } },
                      { kind: 'Field', name: { kind: 'Name', value: 'endCursor' } },
                    ],
                  },
                },
                { kind: 'Field', name: { kind: 'Name', value: 'totalCount' } },
              ],
            },
          },
        ],
      },
    },
  ],
} as unknown as DocumentNode<VariantScoresQuery, VariantScoresQueryVariables>;
export const ExplanationDocument = {
  kind: 'Document',
  definitions: [
    {
      kind: 'OperationDefinition',
      operation: 'query',
      name: { kind: 'Name', value: 'Explanation' },
      variableDefinitions: [
        {
          kind: 'VariableDefinition',
          variable: { kind: 'Variable', name: { kind: 'Name', value: 'jobId' } },
          type: {
            kind: 'NonNullType',
            type: { kind: 'NamedType', name: { kind: 'Name', value: 'ID' } },
          },
        },
      ],
      selectionSet: {
        kind: 'SelectionSet',
        selections: [
          {
            kind: 'Field',
            name: { kind: 'Name', value: 'explanation' },
            arguments: [
              {
                kind: 'Argument',
                name: { kind: 'Name', value: 'jobId' },
                value: { kind: 'Variable', name: { kind: 'Name', value: 'jobId' } },
              },
            ],
            selectionSet: {
              kind: 'SelectionSet',
              selections: [
                { kind: 'Field', name: { kind: 'Name', value: 'jobId' } },
                { kind: 'Field', name: { kind: 'Name', value: 'method' } },
                { kind: 'Field', name: { kind: 'Name', value: 'task' } },
                { kind: 'Field', name: { kind: 'Name', value: 'taskName' } },
                { kind: 'Field', name: { kind: 'Name', value: 'backend' } },
                { kind: 'Field', name: { kind: 'Name', value: 'inputLength' } },
                { kind: 'Field', name: { kind: 'Name', value: 'summary' } },
                { kind: 'Field', name: { kind: 'Name', value: 'target' } },
                {
                  kind: 'Field',
                  name: { kind: 'Name', value: 'sequences' },
                  selectionSet: {
                    kind: 'SelectionSet',
                    selections: [
                      { kind: 'Field', name: { kind: 'Name', value: 'id' } },
                      { kind: 'Field', name: { kind: 'Name', value: 'chrom' } },
                      { kind: 'Field', name: { kind: 'Name', value: 'start' } },
                      { kind: 'Field', name: { kind: 'Name', value: 'end' } },
                      { kind: 'Field', name: { kind: 'Name', value: 'strand' } },
                      { kind: 'Field', name: { kind: 'Name', value: 'prediction' } },
                      { kind: 'Field', name: { kind: 'Name', value: 'explained' } },
                      { kind: 'Field', name: { kind: 'Name', value: 'reference' } },
                      { kind: 'Field', name: { kind: 'Name', value: 'scores' } },
                      { kind: 'Field', name: { kind: 'Name', value: 'positionScores' } },
                      {
                        kind: 'Field',
                        name: { kind: 'Name', value: 'topPositions' },
                        selectionSet: {
                          kind: 'SelectionSet',
                          selections: [
                            { kind: 'Field', name: { kind: 'Name', value: 'position' } },
                            { kind: 'Field', name: { kind: 'Name', value: 'score' } },
                          ],
                        },
                      },
                    ],
                  },
                },
              ],
            },
          },
        ],
      },
    },
  ],
} as unknown as DocumentNode<ExplanationQuery, ExplanationQueryVariables>;
export const ProjectsDocument = {
  kind: 'Document',
  definitions: [
    {
      kind: 'OperationDefinition',
      operation: 'query',
      name: { kind: 'Name', value: 'Projects' },
      selectionSet: {
        kind: 'SelectionSet',
        selections: [
          {
            kind: 'Field',
            name: { kind: 'Name', value: 'projects' },
            selectionSet: {
              kind: 'SelectionSet',
              selections: [
                { kind: 'Field', name: { kind: 'Name', value: 'id' } },
                { kind: 'Field', name: { kind: 'Name', value: 'name' } },
                { kind: 'Field', name: { kind: 'Name', value: 'slug' } },
                { kind: 'Field', name: { kind: 'Name', value: 'viewerRole' } },
              ],
            },
          },
        ],
      },
    },
  ],
} as unknown as DocumentNode<ProjectsQuery, ProjectsQueryVariables>;
export const PileupCandidatesDocument = {
  kind: 'Document',
  definitions: [
    {
      kind: 'OperationDefinition',
      operation: 'query',
      name: { kind: 'Name', value: 'PileupCandidates' },
      variableDefinitions: [
        {
          kind: 'VariableDefinition',
          variable: { kind: 'Variable', name: { kind: 'Name', value: 'id' } },
          type: {
            kind: 'NonNullType',
            type: { kind: 'NamedType', name: { kind: 'Name', value: 'ID' } },
          },
        },
        {
          kind: 'VariableDefinition',
          variable: { kind: 'Variable', name: { kind: 'Name', value: 'offset' } },
          type: {
            kind: 'NonNullType',
            type: { kind: 'NamedType', name: { kind: 'Name', value: 'Int' } },
          },
        },
        {
          kind: 'VariableDefinition',
          variable: { kind: 'Variable', name: { kind: 'Name', value: 'first' } },
          type: {
            kind: 'NonNullType',
            type: { kind: 'NamedType', name: { kind: 'Name', value: 'Int' } },
          },
        },
      ],
      selectionSet: {
        kind: 'SelectionSet',
        selections: [
          {
            kind: 'Field',
            name: { kind: 'Name', value: 'dataset' },
            arguments: [
              {
                kind: 'Argument',
                name: { kind: 'Name', value: 'id' },
                value: { kind: 'Variable', name: { kind: 'Name', value: 'id' } },
              },
            ],
            selectionSet: {
              kind: 'SelectionSet',
              selections: [
                { kind: 'Field', name: { kind: 'Name', value: 'id' } },
                {
                  kind: 'Field',
                  name: { kind: 'Name', value: 'pileupCandidates' },
                  arguments: [
                    {
                      kind: 'Argument',
                      name: { kind: 'Name', value: 'offset' },
                      value: { kind: 'Variable', name: { kind: 'Name', value: 'offset' } },
                    },
                    {
                      kind: 'Argument',
                      name: { kind: 'Name', value: 'first' },
                      value: { kind: 'Variable', name: { kind: 'Name', value: 'first' } },
                    },
                  ],
                  selectionSet: {
                    kind: 'SelectionSet',
                    selections: [
                      { kind: 'Field', name: { kind: 'Name', value: 'totalCount' } },
                      { kind: 'Field', name: { kind: 'Name', value: 'offset' } },
                      {
                        kind: 'Field',
                        name: { kind: 'Name', value: 'candidates' },
                        selectionSet: {
                          kind: 'SelectionSet',
                          selections: [
                            {
                              kind: 'FragmentSpread',
                              name: { kind: 'Name', value: 'PileupCandidateFields' },
                            },
                          ],
                        },
                      },
                    ],
                  },
                },
              ],
            },
          },
        ],
      },
    },
    {
      kind: 'FragmentDefinition',
      name: { kind: 'Name', value: 'PileupCandidateFields' },
      typeCondition: { kind: 'NamedType', name: { kind: 'Name', value: 'PileupCandidate' } },
      selectionSet: {
        kind: 'SelectionSet',
        selections: [
          { kind: 'Field', name: { kind: 'Name', value: 'index' } },
          { kind: 'Field', name: { kind: 'Name', value: 'chrom' } },
          { kind: 'Field', name: { kind: 'Name', value: 'pos' } },
          { kind: 'Field', name: { kind: 'Name', value: 'ref' } },
          { kind: 'Field', name: { kind: 'Name', value: 'alt' } },
          { kind: 'Field', name: { kind: 'Name', value: 'variant' } },
          { kind: 'Field', name: { kind: 'Name', value: 'depth' } },
          { kind: 'Field', name: { kind: 'Name', value: 'altCount' } },
          { kind: 'Field', name: { kind: 'Name', value: 'refCount' } },
          { kind: 'Field', name: { kind: 'Name', value: 'genotype' } },
          { kind: 'Field', name: { kind: 'Name', value: 'qual' } },
          { kind: 'Field', name: { kind: 'Name', value: 'filter' } },
          { kind: 'Field', name: { kind: 'Name', value: 'truth' } },
          { kind: 'Field', name: { kind: 'Name', value: 'probabilities' } },
        ],
      },
    },
  ],
} as unknown as DocumentNode<PileupCandidatesQuery, PileupCandidatesQueryVariables>;
export const PileupImageDocument = {
  kind: 'Document',
  definitions: [
    {
      kind: 'OperationDefinition',
      operation: 'query',
      name: { kind: 'Name', value: 'PileupImage' },
      variableDefinitions: [
        {
          kind: 'VariableDefinition',
          variable: { kind: 'Variable', name: { kind: 'Name', value: 'id' } },
          type: {
            kind: 'NonNullType',
            type: { kind: 'NamedType', name: { kind: 'Name', value: 'ID' } },
          },
        },
        {
          kind: 'VariableDefinition',
          variable: { kind: 'Variable', name: { kind: 'Name', value: 'index' } },
          type: {
            kind: 'NonNullType',
            type: { kind: 'NamedType', name: { kind: 'Name', value: 'Int' } },
          },
        },
      ],
      selectionSet: {
        kind: 'SelectionSet',
        selections: [
          {
            kind: 'Field',
            name: { kind: 'Name', value: 'dataset' },
            arguments: [
              {
                kind: 'Argument',
                name: { kind: 'Name', value: 'id' },
                value: { kind: 'Variable', name: { kind: 'Name', value: 'id' } },
              },
            ],
            selectionSet: {
              kind: 'SelectionSet',
              selections: [
                { kind: 'Field', name: { kind: 'Name', value: 'id' } },
                {
                  kind: 'Field',
                  name: { kind: 'Name', value: 'pileupImage' },
                  arguments: [
                    {
                      kind: 'Argument',
                      name: { kind: 'Name', value: 'index' },
                      value: { kind: 'Variable', name: { kind: 'Name', value: 'index' } },
                    },
                  ],
                  selectionSet: {
                    kind: 'SelectionSet',
                    selections: [
                      { kind: 'Field', name: { kind: 'Name', value: 'width' } },
                      { kind: 'Field', name: { kind: 'Name', value: 'rows' } },
                      {
                        kind: 'Field',
                        name: { kind: 'Name', value: 'candidate' },
                        selectionSet: {
                          kind: 'SelectionSet',
                          selections: [
                            {
                              kind: 'FragmentSpread',
                              name: { kind: 'Name', value: 'PileupCandidateFields' },
                            },
                          ],
                        },
                      },
                      {
                        kind: 'Field',
                        name: { kind: 'Name', value: 'channels' },
                        selectionSet: {
                          kind: 'SelectionSet',
                          selections: [
                            { kind: 'Field', name: { kind: 'Name', value: 'name' } },
                            { kind: 'Field', name: { kind: 'Name', value: 'values' } },
                          ],
                        },
                      },
                    ],
                  },
                },
              ],
            },
          },
        ],
      },
    },
    {
      kind: 'FragmentDefinition',
      name: { kind: 'Name', value: 'PileupCandidateFields' },
      typeCondition: { kind: 'NamedType', name: { kind: 'Name', value: 'PileupCandidate' } },
      selectionSet: {
        kind: 'SelectionSet',
        selections: [
          { kind: 'Field', name: { kind: 'Name', value: 'index' } },
          { kind: 'Field', name: { kind: 'Name', value: 'chrom' } },
          { kind: 'Field', name: { kind: 'Name', value: 'pos' } },
          { kind: 'Field', name: { kind: 'Name', value: 'ref' } },
          { kind: 'Field', name: { kind: 'Name', value: 'alt' } },
          { kind: 'Field', name: { kind: 'Name', value: 'variant' } },
          { kind: 'Field', name: { kind: 'Name', value: 'depth' } },
          { kind: 'Field', name: { kind: 'Name', value: 'altCount' } },
          { kind: 'Field', name: { kind: 'Name', value: 'refCount' } },
          { kind: 'Field', name: { kind: 'Name', value: 'genotype' } },
          { kind: 'Field', name: { kind: 'Name', value: 'qual' } },
          { kind: 'Field', name: { kind: 'Name', value: 'filter' } },
          { kind: 'Field', name: { kind: 'Name', value: 'truth' } },
          { kind: 'Field', name: { kind: 'Name', value: 'probabilities' } },
        ],
      },
    },
  ],
} as unknown as DocumentNode<PileupImageQuery, PileupImageQueryVariables>;
export const ImportDatasetDocument = {
  kind: 'Document',
  definitions: [
    {
      kind: 'OperationDefinition',
      operation: 'mutation',
      name: { kind: 'Name', value: 'ImportDataset' },
      variableDefinitions: [
        {
          kind: 'VariableDefinition',
          variable: { kind: 'Variable', name: { kind: 'Name', value: 'input' } },
          type: {
            kind: 'NonNullType',
            type: { kind: 'NamedType', name: { kind: 'Name', value: 'ImportDatasetInput' } },
          },
        },
      ],
      selectionSet: {
        kind: 'SelectionSet',
        selections: [
          {
            kind: 'Field',
            name: { kind: 'Name', value: 'importDataset' },
            arguments: [
              {
                kind: 'Argument',
                name: { kind: 'Name', value: 'input' },
                value: { kind: 'Variable', name: { kind: 'Name', value: 'input' } },
              },
            ],
            selectionSet: {
              kind: 'SelectionSet',
              selections: [
                { kind: 'FragmentSpread', name: { kind: 'Name', value: 'StartedJobFields' } },
              ],
            },
          },
        ],
      },
    },
    {
      kind: 'FragmentDefinition',
      name: { kind: 'Name', value: 'JobProgressFields' },
      typeCondition: { kind: 'NamedType', name: { kind: 'Name', value: 'JobProgress' } },
      selectionSet: {
        kind: 'SelectionSet',
        selections: [
          { kind: 'Field', name: { kind: 'Name', value: 'done' } },
          { kind: 'Field', name: { kind: 'Name', value: 'total' } },
          { kind: 'Field', name: { kind: 'Name', value: 'unit' } },
          { kind: 'Field', name: { kind: 'Name', value: 'message' } },
          { kind: 'Field', name: { kind: 'Name', value: 'fraction' } },
        ],
      },
    },
    {
      kind: 'FragmentDefinition',
      name: { kind: 'Name', value: 'JobSummaryFields' },
      typeCondition: { kind: 'NamedType', name: { kind: 'Name', value: 'Job' } },
      selectionSet: {
        kind: 'SelectionSet',
        selections: [
          { kind: 'Field', name: { kind: 'Name', value: 'id' } },
          { kind: 'Field', name: { kind: 'Name', value: 'kind' } },
          { kind: 'Field', name: { kind: 'Name', value: 'status' } },
          {
            kind: 'Field',
            name: { kind: 'Name', value: 'progress' },
            selectionSet: {
              kind: 'SelectionSet',
              selections: [
                { kind: 'FragmentSpread', name: { kind: 'Name', value: 'JobProgressFields' } },
              ],
            },
          },
          { kind: 'Field', name: { kind: 'Name', value: 'error' } },
          { kind: 'Field', name: { kind: 'Name', value: 'errorCode' } },
          { kind: 'Field', name: { kind: 'Name', value: 'createdAt' } },
          { kind: 'Field', name: { kind: 'Name', value: 'startedAt' } },
          { kind: 'Field', name: { kind: 'Name', value: 'finishedAt' } },
        ],
      },
    },
    {
      kind: 'FragmentDefinition',
      name: { kind: 'Name', value: 'StartedJobFields' },
      typeCondition: { kind: 'NamedType', name: { kind: 'Name', value: 'JobPayload' } },
      selectionSet: {
        kind: 'SelectionSet',
        selections: [
          {
            kind: 'Field',
            name: { kind: 'Name', value: 'job' },
            selectionSet: {
              kind: 'SelectionSet',
              selections: [
                { kind: 'FragmentSpread', name: { kind: 'Name', value: 'JobSummaryFields' } },
              ],
            },
          },
          {
            kind: 'Field',
            name: { kind: 'Name', value: 'userErrors' },
            selectionSet: {
              kind: 'SelectionSet',
              selections: [
                { kind: 'Field', name: { kind: 'Name', value: 'field' } },
                { kind: 'Field', name: { kind: 'Name', value: 'message' } },
                { kind: 'Field', name: { kind: 'Name', value: 'code' } },
              ],
            },
          },
        ],
      },
    },
  ],
} as unknown as DocumentNode<ImportDatasetMutation, ImportDatasetMutationVariables>;
export const ScoreVariantsDocument = {
  kind: 'Document',
  definitions: [
    {
      kind: 'OperationDefinition',
      operation: 'mutation',
      name: { kind: 'Name', value: 'ScoreVariants' },
      variableDefinitions: [
        {
          kind: 'VariableDefinition',
          variable: { kind: 'Variable', name: { kind: 'Name', value: 'input' } },
          type: {
            kind: 'NonNullType',
            type: { kind: 'NamedType', name: { kind: 'Name', value: 'ScoreVariantsInput' } },
          },
        },
      ],
      selectionSet: {
        kind: 'SelectionSet',
        selections: [
          {
            kind: 'Field',
            name: { kind: 'Name', value: 'scoreVariants' },
            arguments: [
              {
                kind: 'Argument',
                name: { kind: 'Name', value: 'input' },
                value: { kind: 'Variable', name: { kind: 'Name', value: 'input' } },
              },
            ],
            selectionSet: {
              kind: 'SelectionSet',
              selections: [
                { kind: 'FragmentSpread', name: { kind: 'Name', value: 'StartedJobFields' } },
              ],
            },
          },
        ],
      },
    },
    {
      kind: 'FragmentDefinition',
      name: { kind: 'Name', value: 'JobProgressFields' },
      typeCondition: { kind: 'NamedType', name: { kind: 'Name', value: 'JobProgress' } },
      selectionSet: {
        kind: 'SelectionSet',
        selections: [
          { kind: 'Field', name: { kind: 'Name', value: 'done' } },
          { kind: 'Field', name: { kind: 'Name', value: 'total' } },
          { kind: 'Field', name: { kind: 'Name', value: 'unit' } },
          { kind: 'Field', name: { kind: 'Name', value: 'message' } },
          { kind: 'Field', name: { kind: 'Name', value: 'fraction' } },
        ],
      },
    },
    {
      kind: 'FragmentDefinition',
      name: { kind: 'Name', value: 'JobSummaryFields' },
      typeCondition: { kind: 'NamedType', name: { kind: 'Name', value: 'Job' } },
      selectionSet: {
        kind: 'SelectionSet',
        selections: [
          { kind: 'Field', name: { kind: 'Name', value: 'id' } },
          { kind: 'Field', name: { kind: 'Name', value: 'kind' } },
          { kind: 'Field', name: { kind: 'Name', value: 'status' } },
          {
            kind: 'Field',
            name: { kind: 'Name', value: 'progress' },
            selectionSet: {
              kind: 'SelectionSet',
              selections: [
                { kind: 'FragmentSpread', name: { kind: 'Name', value: 'JobProgressFields' } },
              ],
            },
          },
          { kind: 'Field', name: { kind: 'Name', value: 'error' } },
          { kind: 'Field', name: { kind: 'Name', value: 'errorCode' } },
          { kind: 'Field', name: { kind: 'Name', value: 'createdAt' } },
          { kind: 'Field', name: { kind: 'Name', value: 'startedAt' } },
          { kind: 'Field', name: { kind: 'Name', value: 'finishedAt' } },
        ],
      },
    },
    {
      kind: 'FragmentDefinition',
      name: { kind: 'Name', value: 'StartedJobFields' },
      typeCondition: { kind: 'NamedType', name: { kind: 'Name', value: 'JobPayload' } },
      selectionSet: {
        kind: 'SelectionSet',
        selections: [
          {
            kind: 'Field',
            name: { kind: 'Name', value: 'job' },
            selectionSet: {
              kind: 'SelectionSet',
              selections: [
                { kind: 'FragmentSpread', name: { kind: 'Name', value: 'JobSummaryFields' } },
              ],
            },
          },
          {
            kind: 'Field',
            name: { kind: 'Name', value: 'userErrors' },
            selectionSet: {
              kind: 'SelectionSet',
              selections: [
                { kind: 'Field', name: { kind: 'Name', value: 'field' } },
                { kind: 'Field', name: { kind: 'Name', value: 'message' } },
                { kind: 'Field', name: { kind: 'Name', value: 'code' } },
              ],
            },
          },
        ],
      },
    },
  ],
} as unknown as DocumentNode<ScoreVariantsMutation, ScoreVariantsMutationVariables>;
export const ExplainSequenceDocument = {
  kind: 'Document',
  definitions: [
    {
      kind: 'OperationDefinition',
      operation: 'mutation',
      name: { kind: 'Name', value: 'ExplainSequence' },
      variableDefinitions: [
        {
          kind: 'VariableDefinition',
          variable: { kind: 'Variable', name: { kind: 'Name', value: 'input' } },
          type: {
            kind: 'NonNullType',
            type: { kind: 'NamedType', name: { kind: 'Name', value: 'ExplainSequenceInput' } },
          },
        },
      ],
      selectionSet: {
        kind: 'SelectionSet',
        selections: [
          {
            kind: 'Field',
            name: { kind: 'Name', value: 'explainSequence' },
            arguments: [
              {
                kind: 'Argument',
                name: { kind: 'Name', value: 'input' },
                value: { kind: 'Variable', name: { kind: 'Name', value: 'input' } },
              },
            ],
            selectionSet: {
              kind: 'SelectionSet',
              selections: [
                { kind: 'FragmentSpread', name: { kind: 'Name', value: 'StartedJobFields' } },
              ],
            },
          },
        ],
      },
    },
    {
      kind: 'FragmentDefinition',
      name: { kind: 'Name', value: 'JobProgressFields' },
      typeCondition: { kind: 'NamedType', name: { kind: 'Name', value: 'JobProgress' } },
      selectionSet: {
        kind: 'SelectionSet',
        selections: [
          { kind: 'Field', name: { kind: 'Name', value: 'done' } },
          { kind: 'Field', name: { kind: 'Name', value: 'total' } },
          { kind: 'Field', name: { kind: 'Name', value: 'unit' } },
          { kind: 'Field', name: { kind: 'Name', value: 'message' } },
          { kind: 'Field', name: { kind: 'Name', value: 'fraction' } },
        ],
      },
    },
    {
      kind: 'FragmentDefinition',
      name: { kind: 'Name', value: 'JobSummaryFields' },
      typeCondition: { kind: 'NamedType', name: { kind: 'Name', value: 'Job' } },
      selectionSet: {
        kind: 'SelectionSet',
        selections: [
          { kind: 'Field', name: { kind: 'Name', value: 'id' } },
          { kind: 'Field', name: { kind: 'Name', value: 'kind' } },
          { kind: 'Field', name: { kind: 'Name', value: 'status' } },
          {
            kind: 'Field',
            name: { kind: 'Name', value: 'progress' },
            selectionSet: {
              kind: 'SelectionSet',
              selections: [
                { kind: 'FragmentSpread', name: { kind: 'Name', value: 'JobProgressFields' } },
              ],
            },
          },
          { kind: 'Field', name: { kind: 'Name', value: 'error' } },
          { kind: 'Field', name: { kind: 'Name', value: 'errorCode' } },
          { kind: 'Field', name: { kind: 'Name', value: 'createdAt' } },
          { kind: 'Field', name: { kind: 'Name', value: 'startedAt' } },
          { kind: 'Field', name: { kind: 'Name', value: 'finishedAt' } },
        ],
      },
    },
    {
      kind: 'FragmentDefinition',
      name: { kind: 'Name', value: 'StartedJobFields' },
      typeCondition: { kind: 'NamedType', name: { kind: 'Name', value: 'JobPayload' } },
      selectionSet: {
        kind: 'SelectionSet',
        selections: [
          {
            kind: 'Field',
            name: { kind: 'Name', value: 'job' },
            selectionSet: {
              kind: 'SelectionSet',
              selections: [
                { kind: 'FragmentSpread', name: { kind: 'Name', value: 'JobSummaryFields' } },
              ],
            },
          },
          {
            kind: 'Field',
            name: { kind: 'Name', value: 'userErrors' },
            selectionSet: {
              kind: 'SelectionSet',
              selections: [
                { kind: 'Field', name: { kind: 'Name', value: 'field' } },
                { kind: 'Field', name: { kind: 'Name', value: 'message' } },
                { kind: 'Field', name: { kind: 'Name', value: 'code' } },
              ],
            },
          },
        ],
      },
    },
  ],
} as unknown as DocumentNode<ExplainSequenceMutation, ExplainSequenceMutationVariables>;
export const DiscoverMotifsDocument = {
  kind: 'Document',
  definitions: [
    {
      kind: 'OperationDefinition',
      operation: 'mutation',
      name: { kind: 'Name', value: 'DiscoverMotifs' },
      variableDefinitions: [
        {
          kind: 'VariableDefinition',
          variable: { kind: 'Variable', name: { kind: 'Name', value: 'input' } },
          type: {
            kind: 'NonNullType',
            type: { kind: 'NamedType', name: { kind: 'Name', value: 'DiscoverMotifsInput' } },
          },
        },
      ],
      selectionSet: {
        kind: 'SelectionSet',
        selections: [
          {
            kind: 'Field',
            name: { kind: 'Name', value: 'discoverMotifs' },
            arguments: [
              {
                kind: 'Argument',
                name: { kind: 'Name', value: 'input' },
                value: { kind: 'Variable', name: { kind: 'Name', value: 'input' } },
              },
            ],
            selectionSet: {
              kind: 'SelectionSet',
              selections: [
                { kind: 'FragmentSpread', name: { kind: 'Name', value: 'StartedJobFields' } },
              ],
            },
          },
        ],
      },
    },
    {
      kind: 'FragmentDefinition',
      name: { kind: 'Name', value: 'JobProgressFields' },
      typeCondition: { kind: 'NamedType', name: { kind: 'Name', value: 'JobProgress' } },
      selectionSet: {
        kind: 'SelectionSet',
        selections: [
          { kind: 'Field', name: { kind: 'Name', value: 'done' } },
          { kind: 'Field', name: { kind: 'Name', value: 'total' } },
          { kind: 'Field', name: { kind: 'Name', value: 'unit' } },
          { kind: 'Field', name: { kind: 'Name', value: 'message' } },
          { kind: 'Field', name: { kind: 'Name', value: 'fraction' } },
        ],
      },
    },
    {
      kind: 'FragmentDefinition',
      name: { kind: 'Name', value: 'JobSummaryFields' },
      typeCondition: { kind: 'NamedType', name: { kind: 'Name', value: 'Job' } },
      selectionSet: {
        kind: 'SelectionSet',
        selections: [
          { kind: 'Field', name: { kind: 'Name', value: 'id' } },
          { kind: 'Field', name: { kind: 'Name', value: 'kind' } },
          { kind: 'Field', name: { kind: 'Name', value: 'status' } },
          {
            kind: 'Field',
            name: { kind: 'Name', value: 'progress' },
            selectionSet: {
              kind: 'SelectionSet',
              selections: [
                { kind: 'FragmentSpread', name: { kind: 'Name', value: 'JobProgressFields' } },
              ],
            },
          },
          { kind: 'Field', name: { kind: 'Name', value: 'error' } },
          { kind: 'Field', name: { kind: 'Name', value: 'errorCode' } },
          { kind: 'Field', name: { kind: 'Name', value: 'createdAt' } },
          { kind: 'Field', name: { kind: 'Name', value: 'startedAt' } },
          { kind: 'Field', name: { kind: 'Name', value: 'finishedAt' } },
        ],
      },
    },
    {
      kind: 'FragmentDefinition',
      name: { kind: 'Name', value: 'StartedJobFields' },
      typeCondition: { kind: 'NamedType', name: { kind: 'Name', value: 'JobPayload' } },
      selectionSet: {
        kind: 'SelectionSet',
        selections: [
          {
            kind: 'Field',
            name: { kind: 'Name', value: 'job' },
            selectionSet: {
              kind: 'SelectionSet',
              selections: [
                { kind: 'FragmentSpread', name: { kind: 'Name', value: 'JobSummaryFields' } },
              ],
            },
          },
          {
            kind: 'Field',
            name: { kind: 'Name', value: 'userErrors' },
            selectionSet: {
              kind: 'SelectionSet',
              selections: [
                { kind: 'Field', name: { kind: 'Name', value: 'field' } },
                { kind: 'Field', name: { kind: 'Name', value: 'message' } },
                { kind: 'Field', name: { kind: 'Name', value: 'code' } },
              ],
            },
          },
        ],
      },
    },
  ],
} as unknown as DocumentNode<DiscoverMotifsMutation, DiscoverMotifsMutationVariables>;
export const MarginalizeDocument = {
  kind: 'Document',
  definitions: [
    {
      kind: 'OperationDefinition',
      operation: 'mutation',
      name: { kind: 'Name', value: 'Marginalize' },
      variableDefinitions: [
        {
          kind: 'VariableDefinition',
          variable: { kind: 'Variable', name: { kind: 'Name', value: 'input' } },
          type: {
            kind: 'NonNullType',
            type: { kind: 'NamedType', name: { kind: 'Name', value: 'MarginalizeInput' } },
          },
        },
      ],
      selectionSet: {
        kind: 'SelectionSet',
        selections: [
          {
            kind: 'Field',
            name: { kind: 'Name', value: 'marginalize' },
            arguments: [
              {
                kind: 'Argument',
                name: { kind: 'Name', value: 'input' },
                value: { kind: 'Variable', name: { kind: 'Name', value: 'input' } },
              },
            ],
            selectionSet: {
              kind: 'SelectionSet',
              selections: [
                { kind: 'FragmentSpread', name: { kind: 'Name', value: 'StartedJobFields' } },
              ],
            },
          },
        ],
      },
    },
    {
      kind: 'FragmentDefinition',
      name: { kind: 'Name', value: 'JobProgressFields' },
      typeCondition: { kind: 'NamedType', name: { kind: 'Name', value: 'JobProgress' } },
      selectionSet: {
        kind: 'SelectionSet',
        selections: [
          { kind: 'Field', name: { kind: 'Name', value: 'done' } },
          { kind: 'Field', name: { kind: 'Name', value: 'total' } },
          { kind: 'Field', name: { kind: 'Name', value: 'unit' } },
          { kind: 'Field', name: { kind: 'Name', value: 'message' } },
          { kind: 'Field', name: { kind: 'Name', value: 'fraction' } },
        ],
      },
    },
    {
      kind: 'FragmentDefinition',
      name: { kind: 'Name', value: 'JobSummaryFields' },
      typeCondition: { kind: 'NamedType', name: { kind: 'Name', value: 'Job' } },
      selectionSet: {
        kind: 'SelectionSet',
        selections: [
          { kind: 'Field', name: { kind: 'Name', value: 'id' } },
          { kind: 'Field', name: { kind: 'Name', value: 'kind' } },
          { kind: 'Field', name: { kind: 'Name', value: 'status' } },
          {
            kind: 'Field',
            name: { kind: 'Name', value: 'progress' },
            selectionSet: {
              kind: 'SelectionSet',
              selections: [
                { kind: 'FragmentSpread', name: { kind: 'Name', value: 'JobProgressFields' } },
              ],
            },
          },
          { kind: 'Field', name: { kind: 'Name', value: 'error' } },
          { kind: 'Field', name: { kind: 'Name', value: 'errorCode' } },
          { kind: 'Field', name: { kind: 'Name', value: 'createdAt' } },
          { kind: 'Field', name: { kind: 'Name', value: 'startedAt' } },
          { kind: 'Field', name: { kind: 'Name', value: 'finishedAt' } },
        ],
      },
    },
    {
      kind: 'FragmentDefinition',
      name: { kind: 'Name', value: 'StartedJobFields' },
      typeCondition: { kind: 'NamedType', name: { kind: 'Name', value: 'JobPayload' } },
      selectionSet: {
        kind: 'SelectionSet',
        selections: [
          {
            kind: 'Field',
            name: { kind: 'Name', value: 'job' },
            selectionSet: {
              kind: 'SelectionSet',
              selections: [
                { kind: 'FragmentSpread', name: { kind: 'Name', value: 'JobSummaryFields' } },
              ],
            },
          },
          {
            kind: 'Field',
            name: { kind: 'Name', value: 'userErrors' },
            selectionSet: {
              kind: 'SelectionSet',
              selections: [
                { kind: 'Field', name: { kind: 'Name', value: 'field' } },
                { kind: 'Field', name: { kind: 'Name', value: 'message' } },
                { kind: 'Field', name: { kind: 'Name', value: 'code' } },
              ],
            },
          },
        ],
      },
    },
  ],
} as unknown as DocumentNode<MarginalizeMutation, MarginalizeMutationVariables>;
export const DesignSequenceDocument = {
  kind: 'Document',
  definitions: [
    {
      kind: 'OperationDefinition',
      operation: 'mutation',
      name: { kind: 'Name', value: 'DesignSequence' },
      variableDefinitions: [
        {
          kind: 'VariableDefinition',
          variable: { kind: 'Variable', name: { kind: 'Name', value: 'input' } },
          type: {
            kind: 'NonNullType',
            type: { kind: 'NamedType', name: { kind: 'Name', value: 'DesignSequenceInput' } },
          },
        },
      ],
      selectionSet: {
        kind: 'SelectionSet',
        selections: [
          {
            kind: 'Field',
            name: { kind: 'Name', value: 'designSequence' },
            arguments: [
              {
                kind: 'Argument',
                name: { kind: 'Name', value: 'input' },
                value: { kind: 'Variable', name: { kind: 'Name', value: 'input' } },
              },
            ],
            selectionSet: {
              kind: 'SelectionSet',
              selections: [
                { kind: 'FragmentSpread', name: { kind: 'Name', value: 'StartedJobFields' } },
              ],
            },
          },
        ],
      },
    },
    {
      kind: 'FragmentDefinition',
      name: { kind: 'Name', value: 'JobProgressFields' },
      typeCondition: { kind: 'NamedType', name: { kind: 'Name', value: 'JobProgress' } },
      selectionSet: {
        kind: 'SelectionSet',
        selections: [
          { kind: 'Field', name: { kind: 'Name', value: 'done' } },
          { kind: 'Field', name: { kind: 'Name', value: 'total' } },
          { kind: 'Field', name: { kind: 'Name', value: 'unit' } },
          { kind: 'Field', name: { kind: 'Name', value: 'message' } },
          { kind: 'Field', name: { kind: 'Name', value: 'fraction' } },
        ],
      },
    },
    {
      kind: 'FragmentDefinition',
      name: { kind: 'Name', value: 'JobSummaryFields' },
      typeCondition: { kind: 'NamedType', name: { kind: 'Name', value: 'Job' } },
      selectionSet: {
        kind: 'SelectionSet',
        selections: [
          { kind: 'Field', name: { kind: 'Name', value: 'id' } },
          { kind: 'Field', name: { kind: 'Name', value: 'kind' } },
          { kind: 'Field', name: { kind: 'Name', value: 'status' } },
          {
            kind: 'Field',
            name: { kind: 'Name', value: 'progress' },
            selectionSet: {
              kind: 'SelectionSet',
              selections: [
                { kind: 'FragmentSpread', name: { kind: 'Name', value: 'JobProgressFields' } },
              ],
            },
          },
          { kind: 'Field', name: { kind: 'Name', value: 'error' } },
          { kind: 'Field', name: { kind: 'Name', value: 'errorCode' } },
          { kind: 'Field', name: { kind: 'Name', value: 'createdAt' } },
          { kind: 'Field', name: { kind: 'Name', value: 'startedAt' } },
          { kind: 'Field', name: { kind: 'Name', value: 'finishedAt' } },
        ],
      },
    },
    {
      kind: 'FragmentDefinition',
      name: { kind: 'Name', value: 'StartedJobFields' },
      typeCondition: { kind: 'NamedType', name: { kind: 'Name', value: 'JobPayload' } },
      selectionSet: {
        kind: 'SelectionSet',
        selections: [
          {
            kind: 'Field',
            name: { kind: 'Name', value: 'job' },
            selectionSet: {
              kind: 'SelectionSet',
              selections: [
                { kind: 'FragmentSpread', name: { kind: 'Name', value: 'JobSummaryFields' } },
              ],
            },
          },
          {
            kind: 'Field',
            name: { kind: 'Name', value: 'userErrors' },
            selectionSet: {
              kind: 'SelectionSet',
              selections: [
                { kind: 'Field', name: { kind: 'Name', value: 'field' } },
                { kind: 'Field', name: { kind: 'Name', value: 'message' } },
                { kind: 'Field', name: { kind: 'Name', value: 'code' } },
              ],
            },
          },
        ],
      },
    },
  ],
} as unknown as DocumentNode<DesignSequenceMutation, DesignSequenceMutationVariables>;
export const StartCrossValidationDocument = {
  kind: 'Document',
  definitions: [
    {
      kind: 'OperationDefinition',
      operation: 'mutation',
      name: { kind: 'Name', value: 'StartCrossValidation' },
      variableDefinitions: [
        {
          kind: 'VariableDefinition',
          variable: { kind: 'Variable', name: { kind: 'Name', value: 'input' } },
          type: {
            kind: 'NonNullType',
            type: { kind: 'NamedType', name: { kind: 'Name', value: 'CrossValidationInput' } },
          },
        },
      ],
      selectionSet: {
        kind: 'SelectionSet',
        selections: [
          {
            kind: 'Field',
            name: { kind: 'Name', value: 'startCrossValidation' },
            arguments: [
              {
                kind: 'Argument',
                name: { kind: 'Name', value: 'input' },
                value: { kind: 'Variable', name: { kind: 'Name', value: 'input' } },
              },
            ],
            selectionSet: {
              kind: 'SelectionSet',
              selections: [
                { kind: 'FragmentSpread', name: { kind: 'Name', value: 'StartedJobFields' } },
              ],
            },
          },
        ],
      },
    },
    {
      kind: 'FragmentDefinition',
      name: { kind: 'Name', value: 'JobProgressFields' },
      typeCondition: { kind: 'NamedType', name: { kind: 'Name', value: 'JobProgress' } },
      selectionSet: {
        kind: 'SelectionSet',
        selections: [
          { kind: 'Field', name: { kind: 'Name', value: 'done' } },
          { kind: 'Field', name: { kind: 'Name', value: 'total' } },
          { kind: 'Field', name: { kind: 'Name', value: 'unit' } },
          { kind: 'Field', name: { kind: 'Name', value: 'message' } },
          { kind: 'Field', name: { kind: 'Name', value: 'fraction' } },
        ],
      },
    },
    {
      kind: 'FragmentDefinition',
      name: { kind: 'Name', value: 'JobSummaryFields' },
      typeCondition: { kind: 'NamedType', name: { kind: 'Name', value: 'Job' } },
      selectionSet: {
        kind: 'SelectionSet',
        selections: [
          { kind: 'Field', name: { kind: 'Name', value: 'id' } },
          { kind: 'Field', name: { kind: 'Name', value: 'kind' } },
          { kind: 'Field', name: { kind: 'Name', value: 'status' } },
          {
            kind: 'Field',
            name: { kind: 'Name', value: 'progress' },
            selectionSet: {
              kind: 'SelectionSet',
              selections: [
                { kind: 'FragmentSpread', name: { kind: 'Name', value: 'JobProgressFields' } },
              ],
            },
          },
          { kind: 'Field', name: { kind: 'Name', value: 'error' } },
          { kind: 'Field', name: { kind: 'Name', value: 'errorCode' } },
          { kind: 'Field', name: { kind: 'Name', value: 'createdAt' } },
          { kind: 'Field', name: { kind: 'Name', value: 'startedAt' } },
          { kind: 'Field', name: { kind: 'Name', value: 'finishedAt' } },
        ],
      },
    },
    {
      kind: 'FragmentDefinition',
      name: { kind: 'Name', value: 'StartedJobFields' },
      typeCondition: { kind: 'NamedType', name: { kind: 'Name', value: 'JobPayload' } },
      selectionSet: {
        kind: 'SelectionSet',
        selections: [
          {
            kind: 'Field',
            name: { kind: 'Name', value: 'job' },
            selectionSet: {
              kind: 'SelectionSet',
              selections: [
                { kind: 'FragmentSpread', name: { kind: 'Name', value: 'JobSummaryFields' } },
              ],
            },
          },
          {
            kind: 'Field',
            name: { kind: 'Name', value: 'userErrors' },
            selectionSet: {
              kind: 'SelectionSet',
              selections: [
                { kind: 'Field', name: { kind: 'Name', value: 'field' } },
                { kind: 'Field', name: { kind: 'Name', value: 'message' } },
                { kind: 'Field', name: { kind: 'Name', value: 'code' } },
              ],
            },
          },
        ],
      },
    },
  ],
} as unknown as DocumentNode<StartCrossValidationMutation, StartCrossValidationMutationVariables>;
export const StartSweepDocument = {
  kind: 'Document',
  definitions: [
    {
      kind: 'OperationDefinition',
      operation: 'mutation',
      name: { kind: 'Name', value: 'StartSweep' },
      variableDefinitions: [
        {
          kind: 'VariableDefinition',
          variable: { kind: 'Variable', name: { kind: 'Name', value: 'input' } },
          type: {
            kind: 'NonNullType',
            type: { kind: 'NamedType', name: { kind: 'Name', value: 'SweepInput' } },
          },
        },
      ],
      selectionSet: {
        kind: 'SelectionSet',
        selections: [
          {
            kind: 'Field',
            name: { kind: 'Name', value: 'startSweep' },
            arguments: [
              {
                kind: 'Argument',
                name: { kind: 'Name', value: 'input' },
                value: { kind: 'Variable', name: { kind: 'Name', value: 'input' } },
              },
            ],
            selectionSet: {
              kind: 'SelectionSet',
              selections: [
                { kind: 'FragmentSpread', name: { kind: 'Name', value: 'StartedJobFields' } },
              ],
            },
          },
        ],
      },
    },
    {
      kind: 'FragmentDefinition',
      name: { kind: 'Name', value: 'JobProgressFields' },
      typeCondition: { kind: 'NamedType', name: { kind: 'Name', value: 'JobProgress' } },
      selectionSet: {
        kind: 'SelectionSet',
        selections: [
          { kind: 'Field', name: { kind: 'Name', value: 'done' } },
          { kind: 'Field', name: { kind: 'Name', value: 'total' } },
          { kind: 'Field', name: { kind: 'Name', value: 'unit' } },
          { kind: 'Field', name: { kind: 'Name', value: 'message' } },
          { kind: 'Field', name: { kind: 'Name', value: 'fraction' } },
        ],
      },
    },
    {
      kind: 'FragmentDefinition',
      name: { kind: 'Name', value: 'JobSummaryFields' },
      typeCondition: { kind: 'NamedType', name: { kind: 'Name', value: 'Job' } },
      selectionSet: {
        kind: 'SelectionSet',
        selections: [
          { kind: 'Field', name: { kind: 'Name', value: 'id' } },
          { kind: 'Field', name: { kind: 'Name', value: 'kind' } },
          { kind: 'Field', name: { kind: 'Name', value: 'status' } },
          {
            kind: 'Field',
            name: { kind: 'Name', value: 'progress' },
            selectionSet: {
              kind: 'SelectionSet',
              selections: [
                { kind: 'FragmentSpread', name: { kind: 'Name', value: 'JobProgressFields' } },
              ],
            },
          },
          { kind: 'Field', name: { kind: 'Name', value: 'error' } },
          { kind: 'Field', name: { kind: 'Name', value: 'errorCode' } },
          { kind: 'Field', name: { kind: 'Name', value: 'createdAt' } },
          { kind: 'Field', name: { kind: 'Name', value: 'startedAt' } },
          { kind: 'Field', name: { kind: 'Name', value: 'finishedAt' } },
        ],
      },
    },
    {
      kind: 'FragmentDefinition',
      name: { kind: 'Name', value: 'StartedJobFields' },
      typeCondition: { kind: 'NamedType', name: { kind: 'Name', value: 'JobPayload' } },
      selectionSet: {
        kind: 'SelectionSet',
        selections: [
          {
            kind: 'Field',
            name: { kind: 'Name', value: 'job' },
            selectionSet: {
              kind: 'SelectionSet',
              selections: [
                { kind: 'FragmentSpread', name: { kind: 'Name', value: 'JobSummaryFields' } },
              ],
            },
          },
          {
            kind: 'Field',
            name: { kind: 'Name', value: 'userErrors' },
            selectionSet: {
              kind: 'SelectionSet',
              selections: [
                { kind: 'Field', name: { kind: 'Name', value: 'field' } },
                { kind: 'Field', name: { kind: 'Name', value: 'message' } },
                { kind: 'Field', name: { kind: 'Name', value: 'code' } },
              ],
            },
          },
        ],
      },
    },
  ],
} as unknown as DocumentNode<StartSweepMutation, StartSweepMutationVariables>;
export const PredictRiskDocument = {
  kind: 'Document',
  definitions: [
    {
      kind: 'OperationDefinition',
      operation: 'mutation',
      name: { kind: 'Name', value: 'PredictRisk' },
      variableDefinitions: [
        {
          kind: 'VariableDefinition',
          variable: { kind: 'Variable', name: { kind: 'Name', value: 'input' } },
          type: {
            kind: 'NonNullType',
            type: { kind: 'NamedType', name: { kind: 'Name', value: 'PredictRiskInput' } },
          },
        },
      ],
      selectionSet: {
        kind: 'SelectionSet',
        selections: [
          {
            kind: 'Field',
            name: { kind: 'Name', value: 'predictRisk' },
            arguments: [
              {
                kind: 'Argument',
                name: { kind: 'Name', value: 'input' },
                value: { kind: 'Variable', name: { kind: 'Name', value: 'input' } },
              },
            ],
            selectionSet: {
              kind: 'SelectionSet',
              selections: [
                { kind: 'FragmentSpread', name: { kind: 'Name', value: 'StartedJobFields' } },
              ],
            },
          },
        ],
      },
    },
    {
      kind: 'FragmentDefinition',
      name: { kind: 'Name', value: 'JobProgressFields' },
      typeCondition: { kind: 'NamedType', name: { kind: 'Name', value: 'JobProgress' } },
      selectionSet: {
        kind: 'SelectionSet',
        selections: [
          { kind: 'Field', name: { kind: 'Name', value: 'done' } },
          { kind: 'Field', name: { kind: 'Name', value: 'total' } },
          { kind: 'Field', name: { kind: 'Name', value: 'unit' } },
          { kind: 'Field', name: { kind: 'Name', value: 'message' } },
          { kind: 'Field', name: { kind: 'Name', value: 'fraction' } },
        ],
      },
    },
    {
      kind: 'FragmentDefinition',
      name: { kind: 'Name', value: 'JobSummaryFields' },
      typeCondition: { kind: 'NamedType', name: { kind: 'Name', value: 'Job' } },
      selectionSet: {
        kind: 'SelectionSet',
        selections: [
          { kind: 'Field', name: { kind: 'Name', value: 'id' } },
          { kind: 'Field', name: { kind: 'Name', value: 'kind' } },
          { kind: 'Field', name: { kind: 'Name', value: 'status' } },
          {
            kind: 'Field',
            name: { kind: 'Name', value: 'progress' },
            selectionSet: {
              kind: 'SelectionSet',
              selections: [
                { kind: 'FragmentSpread', name: { kind: 'Name', value: 'JobProgressFields' } },
              ],
            },
          },
          { kind: 'Field', name: { kind: 'Name', value: 'error' } },
          { kind: 'Field', name: { kind: 'Name', value: 'errorCode' } },
          { kind: 'Field', name: { kind: 'Name', value: 'createdAt' } },
          { kind: 'Field', name: { kind: 'Name', value: 'startedAt' } },
          { kind: 'Field', name: { kind: 'Name', value: 'finishedAt' } },
        ],
      },
    },
    {
      kind: 'FragmentDefinition',
      name: { kind: 'Name', value: 'StartedJobFields' },
      typeCondition: { kind: 'NamedType', name: { kind: 'Name', value: 'JobPayload' } },
      selectionSet: {
        kind: 'SelectionSet',
        selections: [
          {
            kind: 'Field',
            name: { kind: 'Name', value: 'job' },
            selectionSet: {
              kind: 'SelectionSet',
              selections: [
                { kind: 'FragmentSpread', name: { kind: 'Name', value: 'JobSummaryFields' } },
              ],
            },
          },
          {
            kind: 'Field',
            name: { kind: 'Name', value: 'userErrors' },
            selectionSet: {
              kind: 'SelectionSet',
              selections: [
                { kind: 'Field', name: { kind: 'Name', value: 'field' } },
                { kind: 'Field', name: { kind: 'Name', value: 'message' } },
                { kind: 'Field', name: { kind: 'Name', value: 'code' } },
              ],
            },
          },
        ],
      },
    },
  ],
} as unknown as DocumentNode<PredictRiskMutation, PredictRiskMutationVariables>;
export const CallVariantsDocument = {
  kind: 'Document',
  definitions: [
    {
      kind: 'OperationDefinition',
      operation: 'mutation',
      name: { kind: 'Name', value: 'CallVariants' },
      variableDefinitions: [
        {
          kind: 'VariableDefinition',
          variable: { kind: 'Variable', name: { kind: 'Name', value: 'input' } },
          type: {
            kind: 'NonNullType',
            type: { kind: 'NamedType', name: { kind: 'Name', value: 'CallVariantsInput' } },
          },
        },
      ],
      selectionSet: {
        kind: 'SelectionSet',
        selections: [
          {
            kind: 'Field',
            name: { kind: 'Name', value: 'callVariants' },
            arguments: [
              {
                kind: 'Argument',
                name: { kind: 'Name', value: 'input' },
                value: { kind: 'Variable', name: { kind: 'Name', value: 'input' } },
              },
            ],
            selectionSet: {
              kind: 'SelectionSet',
              selections: [
                { kind: 'FragmentSpread', name: { kind: 'Name', value: 'StartedJobFields' } },
              ],
            },
          },
        ],
      },
    },
    {
      kind: 'FragmentDefinition',
      name: { kind: 'Name', value: 'JobProgressFields' },
      typeCondition: { kind: 'NamedType', name: { kind: 'Name', value: 'JobProgress' } },
      selectionSet: {
        kind: 'SelectionSet',
        selections: [
          { kind: 'Field', name: { kind: 'Name', value: 'done' } },
          { kind: 'Field', name: { kind: 'Name', value: 'total' } },
          { kind: 'Field', name: { kind: 'Name', value: 'unit' } },
          { kind: 'Field', name: { kind: 'Name', value: 'message' } },
          { kind: 'Field', name: { kind: 'Name', value: 'fraction' } },
        ],
      },
    },
    {
      kind: 'FragmentDefinition',
      name: { kind: 'Name', value: 'JobSummaryFields' },
      typeCondition: { kind: 'NamedType', name: { kind: 'Name', value: 'Job' } },
      selectionSet: {
        kind: 'SelectionSet',
        selections: [
          { kind: 'Field', name: { kind: 'Name', value: 'id' } },
          { kind: 'Field', name: { kind: 'Name', value: 'kind' } },
          { kind: 'Field', name: { kind: 'Name', value: 'status' } },
          {
            kind: 'Field',
            name: { kind: 'Name', value: 'progress' },
            selectionSet: {
              kind: 'SelectionSet',
              selections: [
                { kind: 'FragmentSpread', name: { kind: 'Name', value: 'JobProgressFields' } },
              ],
            },
          },
          { kind: 'Field', name: { kind: 'Name', value: 'error' } },
          { kind: 'Field', name: { kind: 'Name', value: 'errorCode' } },
          { kind: 'Field', name: { kind: 'Name', value: 'createdAt' } },
          { kind: 'Field', name: { kind: 'Name', value: 'startedAt' } },
          { kind: 'Field', name: { kind: 'Name', value: 'finishedAt' } },
        ],
      },
    },
    {
      kind: 'FragmentDefinition',
      name: { kind: 'Name', value: 'StartedJobFields' },
      typeCondition: { kind: 'NamedType', name: { kind: 'Name', value: 'JobPayload' } },
      selectionSet: {
        kind: 'SelectionSet',
        selections: [
          {
            kind: 'Field',
            name: { kind: 'Name', value: 'job' },
            selectionSet: {
              kind: 'SelectionSet',
              selections: [
                { kind: 'FragmentSpread', name: { kind: 'Name', value: 'JobSummaryFields' } },
              ],
            },
          },
          {
            kind: 'Field',
            name: { kind: 'Name', value: 'userErrors' },
            selectionSet: {
              kind: 'SelectionSet',
              selections: [
                { kind: 'Field', name: { kind: 'Name', value: 'field' } },
                { kind: 'Field', name: { kind: 'Name', value: 'message' } },
                { kind: 'Field', name: { kind: 'Name', value: 'code' } },
              ],
            },
          },
        ],
      },
    },
  ],
} as unknown as DocumentNode<CallVariantsMutation, CallVariantsMutationVariables>;
export const JobStateDocument = {
  kind: 'Document',
  definitions: [
    {
      kind: 'OperationDefinition',
      operation: 'query',
      name: { kind: 'Name', value: 'JobState' },
      variableDefinitions: [
        {
          kind: 'VariableDefinition',
          variable: { kind: 'Variable', name: { kind: 'Name', value: 'id' } },
          type: {
            kind: 'NonNullType',
            type: { kind: 'NamedType', name: { kind: 'Name', value: 'ID' } },
          },
        },
      ],
      selectionSet: {
        kind: 'SelectionSet',
        selections: [
          {
            kind: 'Field',
            name: { kind: 'Name', value: 'job' },
            arguments: [
              {
                kind: 'Argument',
                name: { kind: 'Name', value: 'id' },
                value: { kind: 'Variable', name: { kind: 'Name', value: 'id' } },
              },
            ],
            selectionSet: {
              kind: 'SelectionSet',
              selections: [
                { kind: 'FragmentSpread', name: { kind: 'Name', value: 'JobSummaryFields' } },
              ],
            },
          },
        ],
      },
    },
    {
      kind: 'FragmentDefinition',
      name: { kind: 'Name', value: 'JobProgressFields' },
      typeCondition: { kind: 'NamedType', name: { kind: 'Name', value: 'JobProgress' } },
      selectionSet: {
        kind: 'SelectionSet',
        selections: [
          { kind: 'Field', name: { kind: 'Name', value: 'done' } },
          { kind: 'Field', name: { kind: 'Name', value: 'total' } },
          { kind: 'Field', name: { kind: 'Name', value: 'unit' } },
          { kind: 'Field', name: { kind: 'Name', value: 'message' } },
          { kind: 'Field', name: { kind: 'Name', value: 'fraction' } },
        ],
      },
    },
    {
      kind: 'FragmentDefinition',
      name: { kind: 'Name', value: 'JobSummaryFields' },
      typeCondition: { kind: 'NamedType', name: { kind: 'Name', value: 'Job' } },
      selectionSet: {
        kind: 'SelectionSet',
        selections: [
          { kind: 'Field', name: { kind: 'Name', value: 'id' } },
          { kind: 'Field', name: { kind: 'Name', value: 'kind' } },
          { kind: 'Field', name: { kind: 'Name', value: 'status' } },
          {
            kind: 'Field',
            name: { kind: 'Name', value: 'progress' },
            selectionSet: {
              kind: 'SelectionSet',
              selections: [
                { kind: 'FragmentSpread', name: { kind: 'Name', value: 'JobProgressFields' } },
              ],
            },
          },
          { kind: 'Field', name: { kind: 'Name', value: 'error' } },
          { kind: 'Field', name: { kind: 'Name', value: 'errorCode' } },
          { kind: 'Field', name: { kind: 'Name', value: 'createdAt' } },
          { kind: 'Field', name: { kind: 'Name', value: 'startedAt' } },
          { kind: 'Field', name: { kind: 'Name', value: 'finishedAt' } },
        ],
      },
    },
  ],
} as unknown as DocumentNode<JobStateQuery, JobStateQueryVariables>;
export const MyTokensDocument = {
  kind: 'Document',
  definitions: [
    {
      kind: 'OperationDefinition',
      operation: 'query',
      name: { kind: 'Name', value: 'MyTokens' },
      selectionSet: {
        kind: 'SelectionSet',
        selections: [
          {
            kind: 'Field',
            name: { kind: 'Name', value: 'me' },
            selectionSet: {
              kind: 'SelectionSet',
              selections: [
                { kind: 'Field', name: { kind: 'Name', value: 'id' } },
                { kind: 'Field', name: { kind: 'Name', value: 'name' } },
                {
                  kind: 'Field',
                  name: { kind: 'Name', value: 'tokens' },
                  selectionSet: {
                    kind: 'SelectionSet',
                    selections: [
                      { kind: 'FragmentSpread', name: { kind: 'Name', value: 'ApiTokenFields' } },
                    ],
                  },
                },
              ],
            },
          },
        ],
      },
    },
    {
      kind: 'FragmentDefinition',
      name: { kind: 'Name', value: 'ApiTokenFields' },
      typeCondition: { kind: 'NamedType', name: { kind: 'Name', value: 'ApiToken' } },
      selectionSet: {
        kind: 'SelectionSet',
        selections: [
          { kind: 'Field', name: { kind: 'Name', value: 'id' } },
          { kind: 'Field', name: { kind: 'Name', value: 'name' } },
          { kind: 'Field', name: { kind: 'Name', value: 'prefix' } },
          { kind: 'Field', name: { kind: 'Name', value: 'createdAt' } },
          { kind: 'Field', name: { kind: 'Name', value: 'expiresAt' } },
        ],
      },
    },
  ],
} as unknown as DocumentNode<MyTokensQuery, MyTokensQueryVariables>;
export const CreateTokenDocument = {
  kind: 'Document',
  definitions: [
    {
      kind: 'OperationDefinition',
      operation: 'mutation',
      name: { kind: 'Name', value: 'CreateToken' },
      variableDefinitions: [
        {
          kind: 'VariableDefinition',
          variable: { kind: 'Variable', name: { kind: 'Name', value: 'name' } },
          type: {
            kind: 'NonNullType',
            type: { kind: 'NamedType', name: { kind: 'Name', value: 'String' } },
          },
        },
        {
          kind: 'VariableDefinition',
          variable: { kind: 'Variable', name: { kind: 'Name', value: 'expiresAt' } },
          type: { kind: 'NamedType', name: { kind: 'Name', value: 'DateTimeISO' } },
        },
      ],
      selectionSet: {
        kind: 'SelectionSet',
        selections: [
          {
            kind: 'Field',
            name: { kind: 'Name', value: 'createToken' },
            arguments: [
              {
                kind: 'Argument',
                name: { kind: 'Name', value: 'name' },
                value: { kind: 'Variable', name: { kind: 'Name', value: 'name' } },
              },
              {
                kind: 'Argument',
                name: { kind: 'Name', value: 'expiresAt' },
                value: { kind: 'Variable', name: { kind: 'Name', value: 'expiresAt' } },
              },
            ],
            selectionSet: {
              kind: 'SelectionSet',
              selections: [
                {
                  kind: 'Field',
                  name: { kind: 'Name', value: 'apiToken' },
                  selectionSet: {
                    kind: 'SelectionSet',
                    selections: [
                      { kind: 'FragmentSpread', name: { kind: 'Name', value: 'ApiTokenFields' } },
                    ],
                  },
                },
                { kind: 'Field', name: { kind: 'Name', value: 'token' } },
                {
                  kind: 'Field',
                  name: { kind: 'Name', value: 'userErrors' },
                  selectionSet: {
                    kind: 'SelectionSet',
                    selections: [
                      { kind: 'Field', name: { kind: 'Name', value: 'field' } },
                      { kind: 'Field', name: { kind: 'Name', value: 'message' } },
                      { kind: 'Field', name: { kind: 'Name', value: 'code' } },
                    ],
                  },
                },
              ],
            },
          },
        ],
      },
    },
    {
      kind: 'FragmentDefinition',
      name: { kind: 'Name', value: 'ApiTokenFields' },
      typeCondition: { kind: 'NamedType', name: { kind: 'Name', value: 'ApiToken' } },
      selectionSet: {
        kind: 'SelectionSet',
        selections: [
          { kind: 'Field', name: { kind: 'Name', value: 'id' } },
          { kind: 'Field', name: { kind: 'Name', value: 'name' } },
          { kind: 'Field', name: { kind: 'Name', value: 'prefix' } },
          { kind: 'Field', name: { kind: 'Name', value: 'createdAt' } },
          { kind: 'Field', name: { kind: 'Name', value: 'expiresAt' } },
        ],
      },
    },
  ],
} as unknown as DocumentNode<CreateTokenMutation, CreateTokenMutationVariables>;
export const RevokeTokenDocument = {
  kind: 'Document',
  definitions: [
    {
      kind: 'OperationDefinition',
      operation: 'mutation',
      name: { kind: 'Name', value: 'RevokeToken' },
      variableDefinitions: [
        {
          kind: 'VariableDefinition',
          variable: { kind: 'Variable', name: { kind: 'Name', value: 'id' } },
          type: {
            kind: 'NonNullType',
            type: { kind: 'NamedType', name: { kind: 'Name', value: 'ID' } },
          },
        },
      ],
      selectionSet: {
        kind: 'SelectionSet',
        selections: [
          {
            kind: 'Field',
            name: { kind: 'Name', value: 'revokeToken' },
            arguments: [
              {
                kind: 'Argument',
                name: { kind: 'Name', value: 'id' },
                value: { kind: 'Variable', name: { kind: 'Name', value: 'id' } },
              },
            ],
            selectionSet: {
              kind: 'SelectionSet',
              selections: [
                {
                  kind: 'Field',
                  name: { kind: 'Name', value: 'apiToken' },
                  selectionSet: {
                    kind: 'SelectionSet',
                    selections: [{ kind: 'Field', name: { kind: 'Name', value: 'id' } }],
                  },
                },
                {
                  kind: 'Field',
                  name: { kind: 'Name', value: 'userErrors' },
                  selectionSet: {
                    kind: 'SelectionSet',
                    selections: [
                      { kind: 'Field', name: { kind: 'Name', value: 'field' } },
                      { kind: 'Field', name: { kind: 'Name', value: 'message' } },
                      { kind: 'Field', name: { kind: 'Name', value: 'code' } },
                    ],
                  },
                },
              ],
            },
          },
        ],
      },
    },
  ],
} as unknown as DocumentNode<RevokeTokenMutation, RevokeTokenMutationVariables>;
export const MotifDiscoveryDocument = {
  kind: 'Document',
  definitions: [
    {
      kind: 'OperationDefinition',
      operation: 'query',
      name: { kind: 'Name', value: 'MotifDiscovery' },
      variableDefinitions: [
        {
          kind: 'VariableDefinition',
          variable: { kind: 'Variable', name: { kind: 'Name', value: 'jobId' } },
          type: {
            kind: 'NonNullType',
            type: { kind: 'NamedType', name: { kind: 'Name', value: 'ID' } },
          },
        },
      ],
      selectionSet: {
        kind: 'SelectionSet',
        selections: [
          {
            kind: 'Field',
            name: { kind: 'Name', value: 'motifDiscovery' },
            arguments: [
              {
                kind: 'Argument',
                name: { kind: 'Name', value: 'jobId' },
                value: { kind: 'Variable', name: { kind: 'Name', value: 'jobId' } },
              },
            ],
            selectionSet: {
              kind: 'SelectionSet',
              selections: [
                { kind: 'Field', name: { kind: 'Name', value: 'jobId' } },
                { kind: 'Field', name: { kind: 'Name', value: 'backend' } },
                { kind: 'Field', name: { kind: 'Name', value: 'sequences' } },
                { kind: 'Field', name: { kind: 'Name', value: 'seqletsCalled' } },
                { kind: 'Field', name: { kind: 'Name', value: 'seqletsClustered' } },
                {
                  kind: 'Field',
                  name: { kind: 'Name', value: 'motifs' },
                  selectionSet: {
                    kind: 'SelectionSet',
                    selections: [
                      { kind: 'Field', name: { kind: 'Name', value: 'name' } },
                      { kind: 'Field', name: { kind: 'Name', value: 'sign' } },
                      { kind: 'Field', name: { kind: 'Name', value: 'consensus' } },
                      { kind: 'Field', name: { kind: 'Name', value: 'seqlets' } },
                      { kind: 'Field', name: { kind: 'Name', value: 'informationContent' } },
                      { kind: 'Field', name: { kind: 'Name', value: 'pwm' } },
                      { kind: 'Field', name: { kind: 'Name', value: 'cwm' } },
                      {
                        kind: 'Field',
                        name: { kind: 'Name', value: 'matches' },
                        selectionSet: {
                          kind: 'SelectionSet',
                          selections: [
                            { kind: 'Field', name: { kind: 'Name', value: 'id' } },
                            { kind: 'Field', name: { kind: 'Name', value: 'name' } },
                            { kind: 'Field', name: { kind: 'Name', value: 'score' } },
                            { kind: 'Field', name: { kind: 'Name', value: 'p' } },
                          ],
                        },
                      },
                    ],
                  },
                },
              ],
            },
          },
        ],
      },
    },
  ],
} as unknown as DocumentNode<MotifDiscoveryQuery, MotifDiscoveryQueryVariables>;
export const MarginalizationDocument = {
  kind: 'Document',
  definitions: [
    {
      kind: 'OperationDefinition',
      operation: 'query',
      name: { kind: 'Name', value: 'Marginalization' },
      variableDefinitions: [
        {
          kind: 'VariableDefinition',
          variable: { kind: 'Variable', name: { kind: 'Name', value: 'jobId' } },
          type: {
            kind: 'NonNullType',
            type: { kind: 'NamedType', name: { kind: 'Name', value: 'ID' } },
          },
        },
      ],
      selectionSet: {
        kind: 'SelectionSet',
        selections: [
          {
            kind: 'Field',
            name: { kind: 'Name', value: 'marginalization' },
            arguments: [
              {
                kind: 'Argument',
                name: { kind: 'Name', value: 'jobId' },
                value: { kind: 'Variable', name: { kind: 'Name', value: 'jobId' } },
              },
            ],
            selectionSet: {
              kind: 'SelectionSet',
              selections: [
                { kind: 'Field', name: { kind: 'Name', value: 'jobId' } },
                { kind: 'Field', name: { kind: 'Name', value: 'backend' } },
                { kind: 'Field', name: { kind: 'Name', value: 'target' } },
                { kind: 'Field', name: { kind: 'Name', value: 'sequences' } },
                { kind: 'Field', name: { kind: 'Name', value: 'backgrounds' } },
                {
                  kind: 'Field',
                  name: { kind: 'Name', value: 'motif' },
                  selectionSet: {
                    kind: 'SelectionSet',
                    selections: [
                      { kind: 'Field', name: { kind: 'Name', value: 'id' } },
                      { kind: 'Field', name: { kind: 'Name', value: 'name' } },
                      { kind: 'Field', name: { kind: 'Name', value: 'consensus' } },
                      { kind: 'Field', name: { kind: 'Name', value: 'position' } },
                    ],
                  },
                },
                { kind: 'Field', name: { kind: 'Name', value: 'before' } },
                { kind: 'Field', name: { kind: 'Name', value: 'after' } },
                {
                  kind: 'Field',
                  name: { kind: 'Name', value: 'effect' },
                  selectionSet: {
                    kind: 'SelectionSet',
                    selections: [
                      { kind: 'FragmentSpread', name: { kind: 'Name', value: 'EffectFields' } },
                    ],
                  },
                },
                {
                  kind: 'Field',
                  name: { kind: 'Name', value: 'positions' },
                  selectionSet: {
                    kind: 'SelectionSet',
                    selections: [
                      { kind: 'Field', name: { kind: 'Name', value: 'position' } },
                      {
                        kind: 'Field',
                        name: { kind: 'Name', value: 'effect' },
                        selectionSet: {
                          kind: 'SelectionSet',
                          selections: [
                            {
                              kind: 'FragmentSpread',
                              name: { kind: 'Name', value: 'EffectFields' },
                            },
                          ],
                        },
                      },
                    ],
                  },
                },
                {
                  kind: 'Field',
                  name: { kind: 'Name', value: 'second' },
                  selectionSet: {
                    kind: 'SelectionSet',
                    selections: [
                      { kind: 'Field', name: { kind: 'Name', value: 'id' } },
                      { kind: 'Field', name: { kind: 'Name', value: 'name' } },
                      { kind: 'Field', name: { kind: 'Name', value: 'consensus' } },
                    ],
                  },
                },
                {
                  kind: 'Field',
                  name: { kind: 'Name', value: 'spacings' },
                  selectionSet: {
                    kind: 'SelectionSet',
                    selections: [
                      { kind: 'Field', name: { kind: 'Name', value: 'spacing' } },
                      {
                        kind: 'Field',
                        name: { kind: 'Name', value: 'effect' },
                        selectionSet: {
                          kind: 'SelectionSet',
                          selections: [
                            {
                              kind: 'FragmentSpread',
                              name: { kind: 'Name', value: 'EffectFields' },
                            },
                          ],
                        },
                      },
                    ],
                  },
                },
                { kind: 'Field', name: { kind: 'Name', value: 'bestSpacing' } },
                {
                  kind: 'Field',
                  name: { kind: 'Name', value: 'ablation' },
                  selectionSet: {
                    kind: 'SelectionSet',
                    selections: [
                      { kind: 'Field', name: { kind: 'Name', value: 'ablated' } },
                      {
                        kind: 'Field',
                        name: { kind: 'Name', value: 'drop' },
                        selectionSet: {
                          kind: 'SelectionSet',
                          selections: [
                            {
                              kind: 'FragmentSpread',
                              name: { kind: 'Name', value: 'EffectFields' },
                            },
                          ],
                        },
                      },
                    ],
                  },
                },
              ],
            },
          },
        ],
      },
    },
    {
      kind: 'FragmentDefinition',
      name: { kind: 'Name', value: 'EffectFields' },
      typeCondition: { kind: 'NamedType', name: { kind: 'Name', value: 'EffectSummary' } },
      selectionSet: {
        kind: 'SelectionSet',
        selections: [
          { kind: 'Field', name: { kind: 'Name', value: 'n' } },
          { kind: 'Field', name: { kind: 'Name', value: 'mean' } },
          { kind: 'Field', name: { kind: 'Name', value: 'sd' } },
          { kind: 'Field', name: { kind: 'Name', value: 'min' } },
          { kind: 'Field', name: { kind: 'Name', value: 'max' } },
        ],
      },
    },
  ],
} as unknown as DocumentNode<MarginalizationQuery, MarginalizationQueryVariables>;
export const SequenceDesignDocument = {
  kind: 'Document',
  definitions: [
    {
      kind: 'OperationDefinition',
      operation: 'query',
      name: { kind: 'Name', value: 'SequenceDesign' },
      variableDefinitions: [
        {
          kind: 'VariableDefinition',
          variable: { kind: 'Variable', name: { kind: 'Name', value: 'jobId' } },
          type: {
            kind: 'NonNullType',
            type: { kind: 'NamedType', name: { kind: 'Name', value: 'ID' } },
          },
        },
      ],
      selectionSet: {
        kind: 'SelectionSet',
        selections: [
          {
            kind: 'Field',
            name: { kind: 'Name', value: 'sequenceDesign' },
            arguments: [
              {
                kind: 'Argument',
                name: { kind: 'Name', value: 'jobId' },
                value: { kind: 'Variable', name: { kind: 'Name', value: 'jobId' } },
              },
            ],
            selectionSet: {
              kind: 'SelectionSet',
              selections: [
                { kind: 'Field', name: { kind: 'Name', value: 'jobId' } },
                { kind: 'Field', name: { kind: 'Name', value: 'backend' } },
                { kind: 'Field', name: { kind: 'Name', value: 'target' } },
                { kind: 'Field', name: { kind: 'Name', value: 'method' } },
                {
                  kind: 'Field',
                  name: { kind: 'Name', value: 'start' },
                  selectionSet: {
                    kind: 'SelectionSet',
                    selections: [
                      { kind: 'Field', name: { kind: 'Name', value: 'sequence' } },
                      { kind: 'Field', name: { kind: 'Name', value: 'score' } },
                    ],
                  },
                },
                {
                  kind: 'Field',
                  name: { kind: 'Name', value: 'best' },
                  selectionSet: {
                    kind: 'SelectionSet',
                    selections: [
                      { kind: 'Field', name: { kind: 'Name', value: 'step' } },
                      { kind: 'Field', name: { kind: 'Name', value: 'score' } },
                      { kind: 'Field', name: { kind: 'Name', value: 'sequence' } },
                      {
                        kind: 'Field',
                        name: { kind: 'Name', value: 'edits' },
                        selectionSet: {
                          kind: 'SelectionSet',
                          selections: [
                            { kind: 'Field', name: { kind: 'Name', value: 'position' } },
                            { kind: 'Field', name: { kind: 'Name', value: 'from' } },
                            { kind: 'Field', name: { kind: 'Name', value: 'to' } },
                          ],
                        },
                      },
                    ],
                  },
                },
                {
                  kind: 'Field',
                  name: { kind: 'Name', value: 'trajectory' },
                  selectionSet: {
                    kind: 'SelectionSet',
                    selections: [
                      { kind: 'Field', name: { kind: 'Name', value: 'step' } },
                      { kind: 'Field', name: { kind: 'Name', value: 'score' } },
                      {
                        kind: 'Field',
                        name: { kind: 'Name', value: 'edits' },
                        selectionSet: {
                          kind: 'SelectionSet',
                          selections: [
                            { kind: 'Field', name: { kind: 'Name', value: 'position' } },
                            { kind: 'Field', name: { kind: 'Name', value: 'from' } },
                            { kind: 'Field', name: { kind: 'Name', value: 'to' } },
                          ],
                        },
                      },
                    ],
                  },
                },
              ],
            },
          },
        ],
      },
    },
  ],
} as unknown as DocumentNode<SequenceDesignQuery, SequenceDesignQueryVariables>;
export const RunEvaluationDocument = {
  kind: 'Document',
  definitions: [
    {
      kind: 'OperationDefinition',
      operation: 'query',
      name: { kind: 'Name', value: 'RunEvaluation' },
      variableDefinitions: [
        {
          kind: 'VariableDefinition',
          variable: { kind: 'Variable', name: { kind: 'Name', value: 'id' } },
          type: {
            kind: 'NonNullType',
            type: { kind: 'NamedType', name: { kind: 'Name', value: 'ID' } },
          },
        },
      ],
      selectionSet: {
        kind: 'SelectionSet',
        selections: [
          {
            kind: 'Field',
            name: { kind: 'Name', value: 'run' },
            arguments: [
              {
                kind: 'Argument',
                name: { kind: 'Name', value: 'id' },
                value: { kind: 'Variable', name: { kind: 'Name', value: 'id' } },
              },
            ],
            selectionSet: {
              kind: 'SelectionSet',
              selections: [
                { kind: 'Field', name: { kind: 'Name', value: 'id' } },
                { kind: 'Field', name: { kind: 'Name', value: 'status' } },
                {
                  kind: 'Field',
                  name: { kind: 'Name', value: 'embedding' },
                  selectionSet: {
                    kind: 'SelectionSet',
                    selections: [
                      { kind: 'Field', name: { kind: 'Name', value: 'split' } },
                      { kind: 'Field', name: { kind: 'Name', value: 'epoch' } },
                      { kind: 'Field', name: { kind: 'Name', value: 'rows' } },
                      { kind: 'Field', name: { kind: 'Name', value: 'latentSize' } },
                      { kind: 'Field', name: { kind: 'Name', value: 'method' } },
                      { kind: 'Field', name: { kind: 'Name', value: 'explained' } },
                      { kind: 'Field', name: { kind: 'Name', value: 'x' } },
                      { kind: 'Field', name: { kind: 'Name', value: 'y' } },
                      { kind: 'Field', name: { kind: 'Name', value: 'label' } },
                      { kind: 'Field', name: { kind: 'Name', value: 'labelNames' } },
                    ],
                  },
                },
                {
                  kind: 'Field',
                  name: { kind: 'Name', value: 'evaluation' },
                  selectionSet: {
                    kind: 'SelectionSet',
                    selections: [
                      { kind: 'Field', name: { kind: 'Name', value: 'split' } },
                      { kind: 'Field', name: { kind: 'Name', value: 'epoch' } },
                      { kind: 'Field', name: { kind: 'Name', value: 'task' } },
                      { kind: 'Field', name: { kind: 'Name', value: 'rows' } },
                      { kind: 'Field', name: { kind: 'Name', value: 'omitted' } },
                      {
                        kind: 'Field',
                        name: { kind: 'Name', value: 'classes' },
                        selectionSet: {
                          kind: 'SelectionSet',
                          selections: [
                            { kind: 'Field', name: { kind: 'Name', value: 'name' } },
                            { kind: 'Field', name: { kind: 'Name', value: 'positives' } },
                            { kind: 'Field', name: { kind: 'Name', value: 'negatives' } },
                            { kind: 'Field', name: { kind: 'Name', value: 'auroc' } },
                            { kind: 'Field', name: { kind: 'Name', value: 'auprc' } },
                            {
                              kind: 'Field',
                              name: { kind: 'Name', value: 'roc' },
                              selectionSet: {
                                kind: 'SelectionSet',
                                selections: [
                                  { kind: 'Field', name: { kind: 'Name', value: 'x' } },
                                  { kind: 'Field', name: { kind: 'Name', value: 'y' } },
                                ],
                              },
                            },
                            {
                              kind: 'Field',
                              name: { kind: 'Name', value: 'pr' },
                              selectionSet: {
                                kind: 'SelectionSet',
                                selections: [
                                  { kind: 'Field', name: { kind: 'Name', value: 'x' } },
                                  { kind: 'Field', name: { kind: 'Name', value: 'y' } },
                                ],
                              },
                            },
                            {
                              kind: 'Field',
                              name: { kind: 'Name', value: 'calibration' },
                              selectionSet: {
                                kind: 'SelectionSet',
                                selections: [
                                  { kind: 'Field', name: { kind: 'Name', value: 'lower' } },
                                  { kind: 'Field', name: { kind: 'Name', value: 'upper' } },
                                  { kind: 'Field', name: { kind: 'Name', value: 'count' } },
                                  { kind: 'Field', name: { kind: 'Name', value: 'meanPredicted' } },
                                  { kind: 'Field', name: { kind: 'Name', value: 'observed' } },
                                ],
                              },
                            },
                          ],
                        },
                      },
                      {
                        kind: 'Field',
                        name: { kind: 'Name', value: 'confusion' },
                        selectionSet: {
                          kind: 'SelectionSet',
                          selections: [
                            { kind: 'Field', name: { kind: 'Name', value: 'name' } },
                            { kind: 'Field', name: { kind: 'Name', value: 'labels' } },
                            { kind: 'Field', name: { kind: 'Name', value: 'counts' } },
                            { kind: 'Field', name: { kind: 'Name', value: 'rule' } },
                          ],
                        },
                      },
                      {
                        kind: 'Field',
                        name: { kind: 'Name', value: 'regression' },
                        selectionSet: {
                          kind: 'SelectionSet',
                          selections: [
                            { kind: 'Field', name: { kind: 'Name', value: 'name' } },
                            { kind: 'Field', name: { kind: 'Name', value: 'count' } },
                            { kind: 'Field', name: { kind: 'Name', value: 'pearson' } },
                            { kind: 'Field', name: { kind: 'Name', value: 'spearman' } },
                            { kind: 'Field', name: { kind: 'Name', value: 'r2' } },
                            { kind: 'Field', name: { kind: 'Name', value: 'observed' } },
                            { kind: 'Field', name: { kind: 'Name', value: 'predicted' } },
                          ],
                        },
                      },
                    ],
                  },
                },
              ],
            },
          },
        ],
      },
    },
  ],
} as unknown as DocumentNode<RunEvaluationQuery, RunEvaluationQueryVariables>;
export const VariantAttributionsDocument = {
  kind: 'Document',
  definitions: [
    {
      kind: 'OperationDefinition',
      operation: 'query',
      name: { kind: 'Name', value: 'VariantAttributions' },
      variableDefinitions: [
        {
          kind: 'VariableDefinition',
          variable: { kind: 'Variable', name: { kind: 'Name', value: 'jobId' } },
          type: {
            kind: 'NonNullType',
            type: { kind: 'NamedType', name: { kind: 'Name', value: 'ID' } },
          },
        },
        {
          kind: 'VariableDefinition',
          variable: { kind: 'Variable', name: { kind: 'Name', value: 'first' } },
          type: { kind: 'NamedType', name: { kind: 'Name', value: 'Int' } },
        },
      ],
      selectionSet: {
        kind: 'SelectionSet',
        selections: [
          {
            kind: 'Field',
            name: { kind: 'Name', value: 'variantAttributions' },
            arguments: [
              {
                kind: 'Argument',
                name: { kind: 'Name', value: 'jobId' },
                value: { kind: 'Variable', name: { kind: 'Name', value: 'jobId' } },
              },
              {
                kind: 'Argument',
                name: { kind: 'Name', value: 'first' },
                value: { kind: 'Variable', name: { kind: 'Name', value: 'first' } },
              },
            ],
            selectionSet: {
              kind: 'SelectionSet',
              selections: [
                { kind: 'Field', name: { kind: 'Name', value: 'row' } },
                { kind: 'Field', name: { kind: 'Name', value: 'chrom' } },
                { kind: 'Field', name: { kind: 'Name', value: 'pos' } },
                { kind: 'Field', name: { kind: 'Name', value: 'variantId' } },
                { kind: 'Field', name: { kind: 'Name', value: 'ref' } },
                { kind: 'Field', name: { kind: 'Name', value: 'alt' } },
                { kind: 'Field', name: { kind: 'Name', value: 'task' } },
                { kind: 'Field', name: { kind: 'Name', value: 'diff' } },
                { kind: 'Field', name: { kind: 'Name', value: 'quantile' } },
                { kind: 'Field', name: { kind: 'Name', value: 'center' } },
                { kind: 'Field', name: { kind: 'Name', value: 'refWindow' } },
                { kind: 'Field', name: { kind: 'Name', value: 'altWindow' } },
                { kind: 'Field', name: { kind: 'Name', value: 'refScores' } },
                { kind: 'Field', name: { kind: 'Name', value: 'altScores' } },
              ],
            },
          },
        ],
      },
    },
  ],
} as unknown as DocumentNode<VariantAttributionsQuery, VariantAttributionsQueryVariables>;
