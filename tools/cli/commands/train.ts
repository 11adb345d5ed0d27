import { stratifiedSplit } from '@strand/genomics';
import {
  architectureForData,
  fitAndEvaluate,
  loadLabelledData,
  saveTrainedModel,
  subset,
} from '@strand/jobs';
import { initBackend } from '@strand/models';
import { createOutput } from '../output.ts';
import { confusionTable } from '../training/confusion-table.ts';
import { dataColumns, describeTargets } from '../training/data-summary.ts';
import { withCliErrors } from '../training/learning-errors.ts';
import { parseArgs, readTrainArgs, TRAIN_HELP, TRAIN_OPTIONS } from '../training/train-args.ts';

const HELP = `usage: strand train --train FILE [--test FILE] [--out DIR] [options]

${TRAIN_HELP}
  --test FILE           scored once at the end; without it a seeded, stratified 20% hold-out
  --out DIR             save the model (TF.js layers format + strand.json, and
                        feature-scaling.json for expression, extra-input-scaling.json for
                        feature columns)
Test metrics follow the task: test_auroc, test_auprc, test_accuracy (binary; multitask also per
task, test_auroc_t1, …); for a softmax head (3 or more classes) test_accuracy, test_macro_f1,
test_auroc (macro one-vs-rest), test_auroc_<class>, test_recall_<class> and the confusion matrix;
for a regression head test_pearson, test_spearman, test_r2, test_mse; for bpnet
test_profile_pearson / test_profile_spearman (profile shape) and test_counts_pearson (totals).`;

/**
 * `strand train`: trains and prints final test metrics (test_auroc, test_auprc, test_accuracy,
 * …; per head for bpnet).
 */
export async function train(argv: string[]): Promise<number> {
  const { values } = parseArgs({
    args: argv,
    options: { ...TRAIN_OPTIONS, test: { type: 'string' }, out: { type: 'string' } },
  });
  if (values.help) {
    process.stdout.write(`${HELP}\n`);
    return 0;
  }
  const args = readTrainArgs('strand train', values, HELP);
  const out = createOutput(args.json);
  return withCliErrors('strand train', async () => {
    const all = await loadLabelledData(args.files);
    // Before any output: an architecture that does not fit the data is a usage error.
    architectureForData(args.architecture, all, args.config);
    const [trainSet, testSet] = values.test
      ? [all, await loadLabelledData({ ...args.files, file: values.test }, all)]
      : (() => {
          const split = stratifiedSplit([...all.labels], {
            train: 0.8,
            valid: 0,
            test: 0.2,
            seed: args.seed,
          });
          return [subset(all, split.train), subset(all, split.test)];
        })();
    if (!values.test)
      out.info(
        `No --test given: a seeded, stratified 20% of ${args.files.file} (${testSet.count} records) is the test set.`,
      );
    const backend = await initBackend();
    out.info(
      `Training ${args.architecture} on ${trainSet.count} records × ${trainSet.length} (${describeTargets(trainSet)}; backend ${backend}, seed ${args.seed}).`,
    );
    const fit = await fitAndEvaluate(trainSet, testSet, {
      ...args,
      onBatch: (b) =>
        out.progress(
          `epoch ${b.epoch}/${b.epochs}`,
          b.batch,
          b.batches,
          `loss ${b.loss.toFixed(4)}`,
        ),
      onEpoch: (e) =>
        out.info(
          `epoch ${e.epoch}/${e.epochs}  ${Object.entries(e.metrics)
            .map(([k, v]) => `${k} ${v.toFixed(4)}`)
            .join('  ')}`,
        ),
    });
    try {
      if (values.out) {
        await saveTrainedModel(values.out, fit, {
          seed: args.seed,
          backend,
          dataChecksum: all.checksum,
        });
        out.info(`Model saved to ${values.out}`);
      }
    } finally {
      fit.model.dispose();
    }
    out.result(
      {
        architecture: fit.architecture,
        config: fit.config,
        task: fit.task,
        backend,
        seed: args.seed,
        epochs: fit.epochs,
        train: trainSet.count,
        test: testSet.count,
        labels: fit.labelNames,
        ...dataColumns(trainSet),
        validation: fit.split,
        metrics: fit.metrics,
        confusionMatrix: fit.confusionMatrix,
      },
      (r) =>
        [
          ...Object.entries(r.metrics).map(([k, v]) => `${k}\t${v.toFixed(4)}`),
          ...(r.confusionMatrix
            ? ['', 'confusion matrix (test records)', confusionTable(r.confusionMatrix)]
            : []),
        ].join('\n'),
    );
    return 0;
  });
}
