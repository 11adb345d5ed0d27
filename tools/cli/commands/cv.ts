import { BUNDLED_MOTIFS, readJasparFile } from '@strand/genomics';
import {
  architectureForData,
  changedChoices,
  crossValidate,
  encodedShape,
  findBaselineMotif,
  INNER_FOLD_LIMITS,
  loadLabelledData,
} from '@strand/jobs';
import { initBackend } from '@strand/models';
import { CliError } from '../cli-error.ts';
import { createOutput } from '../output.ts';
import { confusionTable } from '../training/confusion-table.ts';
import { describeTargets } from '../training/data-summary.ts';
import { withCliErrors } from '../training/learning-errors.ts';
import {
  assertChoicesFitData,
  parseArgs,
  readTrainArgs,
  TRAIN_HELP,
  TRAIN_OPTIONS,
} from '../training/train-args.ts';

const HELP = `usage: strand cv --train FILE --folds K [options]

Stratified, seeded k-fold cross-validation: K models, each tested on the fold it did not see.
  --folds K             default 5
  --skip-baseline       do not fit the baseline: by default an L2 logistic regression (C = 1)
                        on one-hot bases (sequences) or standardised features (expression) is
                        fitted on the same folds and reported beside the model ("baseline")
  --baseline-motif ID   also scan this motif as a baseline (two classes of sequences): each test
                        sequence's best PWM log-odds on either strand, AUROC on the same folds
                        ("baseline.pwmScan"); a JASPAR matrix ID (MA0139.2, or MA0139 for its
                        latest version) or a factor name
  --inner-folds K       nested CV: in each outer fold, choose a configuration by K-fold CV on
                        the outer training rows only (mean inner test_auroc; test_r2 for
                        regression), refit it on them and score it on the outer test fold;
                        "nested" reports the choice per fold. The set: expression, weight
                        decay {0, 0.01} × f-test top-k {50, 200} (leave --weight-decay and
                        --select-features out); sequences, learning rate {X, X/3} × weight
                        decay {0, 0.001}. ${'K'} from ${INNER_FOLD_LIMITS.min} to ${INNER_FOLD_LIMITS.max}; costs (4 × K + 1) fits per outer fold
  --jaspar FILE         JASPAR matrices to find --baseline-motif in (default: Strand's bundled
                        JASPAR 2024 excerpt: CTCF, GATA1, Spi1, REST, …)
${TRAIN_HELP}`;

/** `strand cv`: per-fold test metrics, and `mean` / `sd` objects over the folds. */
export async function cv(argv: string[]): Promise<number> {
  const { values } = parseArgs({
    args: argv,
    options: {
      ...TRAIN_OPTIONS,
      folds: { type: 'string', default: '5' },
      'skip-baseline': { type: 'boolean', default: false },
      'baseline-motif': { type: 'string' },
      jaspar: { type: 'string' },
      'inner-folds': { type: 'string' },
    },
  });
  if (values.help) {
    process.stdout.write(`${HELP}\n`);
    return 0;
  }
  const args = readTrainArgs('strand cv', values, HELP);
  const k = Number(values.folds);
  if (!Number.isInteger(k) || k < 2)
    throw new CliError(`strand cv: --folds must be an integer ≥ 2; got "${values.folds}"`, 2);
  if (values.jaspar && !values['baseline-motif'])
    throw new CliError('strand cv: --jaspar needs --baseline-motif ID', 2);
  if (values['baseline-motif'] && values['skip-baseline'])
    throw new CliError('strand cv: --baseline-motif is a baseline; drop --skip-baseline', 2);
  let innerFolds: number | undefined;
  if (values['inner-folds'] !== undefined) {
    innerFolds = Number(values['inner-folds']);
    const { min, max } = INNER_FOLD_LIMITS;
    if (!Number.isInteger(innerFolds) || innerFolds < min || innerFolds > max)
      throw new CliError(
        `strand cv: --inner-folds must be an integer from ${min} to ${max}; got "${values['inner-folds']}"`,
        2,
      );
  }
  const out = createOutput(args.json);
  return withCliErrors('strand cv', async () => {
    const motifId = values['baseline-motif'];
    const motif = motifId
      ? findBaselineMotif(
          values.jaspar ? await readJasparFile(values.jaspar) : BUNDLED_MOTIFS,
          motifId,
          values.jaspar ?? "Strand's bundled motifs",
        )
      : undefined;
    const all = await loadLabelledData(args.files);
    // Before any output: an architecture that does not fit the data is a usage error.
    assertChoicesFitData('strand cv', args, all, args.files.file);
    // crossValidate encodes the records (k-mer counts, normalisation) before the folds.
    architectureForData(args.architecture, encodedShape(all, args), args.config);
    const backend = await initBackend();
    out.info(
      `${k}-fold cross-validation of ${args.architecture} on ${all.count} records (${describeTargets(all)}; backend ${backend}, seed ${args.seed}).`,
    );
    let fold = 1;
    const result = await crossValidate(all, {
      ...args,
      folds: k,
      baseline: values['skip-baseline'] !== true,
      ...(motif ? { baselineMotif: motif } : {}),
      ...(innerFolds !== undefined ? { innerFolds } : {}),
      onEpoch: (f) => {
        fold = f;
      },
      onFold: (f) =>
        out.info(
          `fold ${f.fold}/${k}  ${Object.entries(f.metrics)
            .map(([name, v]) => `${name} ${v.toFixed(4)}`)
            .join('  ')}`,
        ),
      onBatch: (b) =>
        out.progress(`fold ${fold}/${k} epoch ${b.epoch}/${b.epochs}`, b.batch, b.batches),
    });
    out.result({ ...result, training: changedChoices(args) }, (r) =>
      [
        ...Object.keys(r.mean).map(
          (name) => `${name}\t${r.mean[name].toFixed(4)} ± ${r.sd[name].toFixed(4)}`,
        ),
        ...(r.baseline
          ? [
              '',
              `baseline: ${r.baseline.method} (${r.baseline.features}, L2, C = ${r.baseline.C}) on the same folds`,
              ...Object.keys(r.baseline.mean).map(
                (name) =>
                  `${name}\t${(r.baseline?.mean[name] ?? NaN).toFixed(4)} ± ${(r.baseline?.sd[name] ?? NaN).toFixed(4)}`,
              ),
            ]
          : []),
        ...(r.baseline?.pwmScan
          ? [
              '',
              `baseline: scan of ${r.baseline.pwmScan.motif.id} ${r.baseline.pwmScan.motif.name} (best log-odds, both strands) on the same folds`,
              ...Object.keys(r.baseline.pwmScan.mean).map(
                (name) =>
                  `${name}\t${(r.baseline?.pwmScan?.mean[name] ?? NaN).toFixed(4)} ± ${(r.baseline?.pwmScan?.sd[name] ?? NaN).toFixed(4)}`,
              ),
            ]
          : []),
        ...(r.nested
          ? [
              '',
              `nested: chosen by ${r.nested.innerFolds}-fold inner CV (${r.nested.metric}) on each outer training set`,
              ...r.nested.folds.map((f) => `fold ${f.fold}\t${f.chosen}`),
            ]
          : []),
        ...(r.confusionMatrix
          ? [
              '',
              'confusion matrix (every record, in its test fold)',
              confusionTable(r.confusionMatrix),
            ]
          : []),
      ].join('\n'),
    );
    return 0;
  });
}
