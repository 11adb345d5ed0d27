/**
 * The worker-thread half of DISCOVER_MOTIFS (see discover-motifs.kind.ts): streams a stored
 * sequence table chunk by chunk (only the rows of one class when asked) into `discoverMotifs`,
 * the function `strand modisco` calls, and rounds as the CLI does.
 */
import { BUNDLED_MOTIFS, readJasparFile } from '@strand/genomics';
import { discoverMotifs, initBackend, loadModel } from '@strand/models';
import { JobError } from '../platform/job-kind.ts';
import type { WorkerTools } from '../platform/run-in-worker.ts';
import { isStoreTable } from '../datasets/sequence-store.ts';
import { chunkClasses, openSequenceStore } from '../datasets/sequence-store-reader.ts';

export interface DiscoverMotifsTaskInput {
  modelDir: string;
  datasetFile: string;
  /** Only rows of this class (a label name of the dataset), or every row. */
  label: string | null;
  /** At most this many sequences are read. */
  limit: number;
  task: number;
  shuffles: number;
  /** A JASPAR file on the server, or null for Strand's bundled motifs. */
  jaspar: string | null;
  seed: number;
}

export interface DiscoveredMotifRow {
  name: string;
  sign: 'positive' | 'negative';
  seqlets: number;
  consensus: string;
  informationContent: number;
  pwm: number[][];
  cwm: number[][];
  matches: { name: string; id: string; p: number; score: number }[];
}

export interface DiscoverMotifsTaskResult {
  backend: string;
  sequences: number;
  seqletsCalled: number;
  seqletsClustered: number;
  motifs: DiscoveredMotifRow[];
}

const round = (x: number) => Number(x.toPrecision(4));

/**
 * Batches of at most 256 sequences of the stored table, of one class when `label` is set, at most
 * `limit` of them (MARGINALIZE reads its backgrounds' sources the same way).
 */
export async function* storedBatches(input: {
  datasetFile: string;
  label: string | null;
  limit: number;
}): AsyncGenerator<string[]> {
  const store = await openSequenceStore(input.datasetFile);
  const wanted = input.label === null ? -1 : store.labelNames.indexOf(input.label);
  if (input.label !== null && wanted < 0) {
    await store.table.close();
    throw new JobError(
      `the dataset has no label "${input.label}"; its labels are ${store.labelNames.join(', ')}`,
    );
  }
  let read = 0;
  try {
    for (let c = 0; c < store.table.chunks && read < input.limit; c++) {
      const chunk = await store.table.chunk(c);
      const classes = wanted < 0 ? null : chunkClasses(store, chunk);
      let batch: string[] = [];
      for (let r = 0; r < chunk.rows && read < input.limit; r++) {
        if (classes && classes[r] !== wanted) continue;
        batch.push(chunk.textAt('sequence', r).toUpperCase());
        read++;
        if (batch.length === 256) {
          yield batch;
          batch = [];
        }
      }
      if (batch.length > 0) yield batch;
    }
  } finally {
    await store.table.close();
  }
}

/** Discovers motifs in the model's attributions over the dataset; progress counts sequences. */
export async function discoverMotifsTask(
  input: DiscoverMotifsTaskInput,
  { progress, signal }: WorkerTools,
): Promise<DiscoverMotifsTaskResult> {
  if (!isStoreTable(input.datasetFile)) {
    throw new JobError('motif discovery reads datasets of the store; import the dataset again');
  }
  const backend = await initBackend();
  const database = input.jaspar ? await readJasparFile(input.jaspar) : BUNDLED_MOTIFS;
  const { model } = await loadModel(input.modelDir);
  try {
    const result = await discoverMotifs(model, storedBatches(input), {
      task: input.task,
      shuffles: input.shuffles,
      seed: input.seed,
      database,
      aborted: () => signal.aborted,
      onProgress: (done) => progress({ done, total: input.limit, unit: 'sequences' }),
    });
    return {
      backend,
      sequences: result.sequences,
      seqletsCalled: result.seqletsCalled,
      seqletsClustered: result.seqletsClustered,
      motifs: result.motifs.map((m) => ({
        name: m.name,
        sign: m.sign,
        seqlets: m.seqlets,
        consensus: m.consensus,
        informationContent: round(m.informationContent),
        pwm: m.pwm.map((row) => row.map(round)),
        cwm: m.cwm.map((row) => row.map(round)),
        matches: m.matches.map((x) => ({ name: x.name, id: x.id, p: x.p, score: round(x.score) })),
      })),
    };
  } finally {
    model.dispose();
  }
}
