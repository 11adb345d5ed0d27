/**
 * `strand <command> …`: the CLI for people (progress bars, readable output) and scripts
 * (`--json`, exit codes). Each command lives in commands/<name>.ts.
 */
import { CliError } from './cli-error.ts';

type Command = (argv: string[]) => Promise<number>;

const COMMANDS: Record<string, { summary: string; load: () => Promise<Command> }> = {
  train: {
    summary: 'train on a labelled sequence table or an expression matrix; print test metrics',
    load: async () => (await import('./commands/train.ts')).train,
  },
  cv: {
    summary: 'k-fold cross-validation: per-fold test metrics with mean and sd',
    load: async () => (await import('./commands/cv.ts')).cv,
  },
  sweep: {
    summary: 'hyperparameter sweep (grid or random, median stopping): trials and the best one',
    load: async () => (await import('./commands/sweep.ts')).sweep,
  },
  import: {
    summary: 'import a file (sequences, expression, variants) into the embedded store',
    load: async () => (await import('./commands/import.ts')).importCommand,
  },
  inspect: {
    summary: "a dataset's counts, label balance, lengths, GC and missingness",
    load: async () => (await import('./commands/inspect.ts')).inspect,
  },
  'vcf validate': {
    summary: 'check a VCF against the spec: a summary, or FILE:LINE: reason',
    load: async () => (await import('./commands/vcf-validate.ts')).vcfValidate,
  },
  score: {
    summary: 'score the variants of a VCF with a model (pre-flight first; resumable)',
    load: async () => (await import('./commands/score.ts')).score,
  },
  explain: {
    summary: 'attribute a prediction to each base: ISM, saliency or integrated gradients',
    load: async () => (await import('./commands/explain.ts')).explain,
  },
  motifs: {
    summary: "a model's first-layer filters as motifs, matched to JASPAR, by importance",
    load: async () => (await import('./commands/motifs.ts')).motifs,
  },
  modisco: {
    summary: 'motifs discovered in DeepSHAP attributions (TF-MoDISco-lite), matched to JASPAR',
    load: async () => (await import('./commands/modisco.ts')).modisco,
  },
  marginalize: {
    summary: "a motif's effect on shuffled backgrounds; two motifs' spacing; ablation",
    load: async () => (await import('./commands/marginalize.ts')).marginalize,
  },
  design: {
    summary: 'edit a sequence to raise or lower an output (greedy, beam, evolution)',
    load: async () => (await import('./commands/design.ts')).design,
  },
  call: {
    summary: 'call SNVs and indels from a BAM/CRAM with the pileup CNN; write a VCF',
    load: async () => (await import('./commands/call.ts')).call,
  },
  'call train': {
    summary: 'train the pileup genotyper on reads labelled by a truth VCF',
    load: async () => (await import('./commands/call.ts')).callTrain,
  },
  'call eval': {
    summary: 'precision, recall, F1 (SNV, indel) and genotype concordance against a truth VCF',
    load: async () => (await import('./commands/call.ts')).callEval,
  },
  risk: {
    summary: 'disease risk from expression + variant burden: CV, attribution; `risk simulate`',
    load: async () => (await import('./commands/risk.ts')).risk,
  },
};

function usage(): string {
  const lines = Object.entries(COMMANDS).map(([name, c]) => `  ${name.padEnd(14)} ${c.summary}`);
  return `usage: strand <command> [options]\n\ncommands:\n${lines.join('\n')}\n\nstrand <command> --help for a command's options`;
}

/** Runs the CLI; returns the exit code. */
export async function main(argv: string[]): Promise<number> {
  const [name, ...rest] = argv;
  if (!name || name === '--help' || name === '-h') {
    process.stdout.write(`${usage()}\n`);
    return name ? 0 : 2;
  }
  // Two-word commands (`strand vcf validate`).
  const key = COMMANDS[`${name} ${rest[0]}`] ? `${name} ${rest.shift()}` : name;
  const command = COMMANDS[key];
  if (!command) {
    process.stderr.write(`strand: unknown command "${name}"\n${usage()}\n`);
    return 2;
  }
  try {
    return await (
      await command.load()
    )(rest);
  } catch (error) {
    if (error instanceof CliError) {
      process.stderr.write(`${error.message}\n`);
      return error.exitCode;
    }
    const e = error as Error & { code?: string };
    // Strand's own errors carry a code and a message that says where; anything else is a bug.
    process.stderr.write(e.code ? `${e.message}\n` : `strand: unexpected error: ${e.stack ?? e}\n`);
    return 1;
  }
}
