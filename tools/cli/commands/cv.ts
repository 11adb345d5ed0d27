import { kFold } from '@strand/genomics';
import { initBackend } from '@strand/models';
import { CliError } from '../cli-error.ts';
import { createOutput } from '../output.ts';
import { fitAndEvaluate } from '../training/fit-and-evaluate.ts';
import { loadLabelledData, standardise, subset } from '../training/labelled-data.ts';
import { parseArgs, readTrainArgs, TRAIN_HELP, TRAIN_OPTIONS } from '../training/train-args.ts';

const HELP = `usage: strand cv --train FILE --folds K [options]

Stratified, seeded k-fold cross-validation: K models, each tested on the fold it did not see.
  --folds K             default 5
${TRAIN_HELP}`;

const mean = (v: number[]) => v.reduce((a, b) => a + b, 0) / v.length;
/** Sample standard deviation (n − 1). */
const sd = (v: number[]) =>
  v.length > 1 ? Math.sqrt(v.reduce((a, x) => a + (x - mean(v)) ** 2, 0) / (v.length - 1)) : 0;

/** `strand cv`: per-fold test metrics, and `mean` / `sd` objects over the folds. */
export async function cv(argv: string[]): Promise<number> {
  const { values } = parseArgs({
    args: argv,
    options: { ...TRAIN_OPTIONS, folds: { type: 'string', default: '5' } },
  });
  if (values.help) {
    process.stdout.write(`${HELP}\n`);
    return 0;
  }
  const args = readTrainArgs('strand cv', values, HELP);
  const k = Number(values.folds);
  if (!Number.isInteger(k) || k < 2)
    throw new CliError(`strand cv: --folds must be an integer ≥ 2; got "${values.folds}"`, 2);
  const out = createOutput(args.json);
  const all = await loadLabelledData(args.files);
  const backend = await initBackend();
  out.info(
    `${k}-fold cross-validation of ${args.architecture} on ${all.count} records (${all.labelNames.join(' / ')}; backend ${backend}, seed ${args.seed}).`,
  );
  const folds: Array<{
    fold: number;
    train: number;
    test: number;
    epochs: number;
    metrics: Record<string, number>;
  }> = [];
  for (const [i, fold] of kFold([...all.labels], { k, seed: args.seed }).entries()) {
    const [train, test] = standardise(subset(all, fold.train), [subset(all, fold.test)]);
    const fit = await fitAndEvaluate(train, test, {
      ...args,
      onBatch: (b) => out.progress(`fold ${i + 1}/${k} epoch ${b.epoch}`, b.batch, b.batches),
    });
    fit.model.dispose();
    folds.push({
      fold: i + 1,
      train: train.count,
      test: test.count,
      epochs: fit.epochs,
      metrics: fit.metrics,
    });
    out.info(
      `fold ${i + 1}/${k}  ${Object.entries(fit.metrics)
        .map(([name, v]) => `${name} ${v.toFixed(4)}`)
        .join('  ')}`,
    );
  }
  const names = Object.keys(folds[0].metrics);
  // NaN folds (e.g. AUROC of a fold with one class) are left out of the summary, and counted.
  const summary = (f: (v: number[]) => number) =>
    Object.fromEntries(
      names.map((name) => [name, f(folds.map((x) => x.metrics[name]).filter(Number.isFinite))]),
    );
  const result = {
    architecture: args.architecture,
    backend,
    seed: args.seed,
    folds,
    mean: summary(mean),
    sd: summary(sd),
  };
  out.result(result, (r) =>
    names
      .map((name) => `${name}\t${r.mean[name].toFixed(4)} ± ${r.sd[name].toFixed(4)}`)
      .join('\n'),
  );
  return 0;
}
