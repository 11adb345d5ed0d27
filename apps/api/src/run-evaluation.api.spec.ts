import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { ModelArtifact } from '@strand/data';
import { startTestServer } from './testing/test-server.ts';
import type { TestServer } from './testing/test-server.ts';

const START = /* GraphQL */ `
  mutation ($input: StartTrainingInput!) {
    startTraining(input: $input) {
      run {
        id
      }
      userErrors {
        message
      }
    }
  }
`;
const DONE = /* GraphQL */ `
  subscription ($runId: ID!) {
    trainingProgress(runId: $runId) {
      done
      status
    }
  }
`;
const EVALUATION = /* GraphQL */ `
  query ($id: ID!) {
    run(id: $id) {
      status
      metrics {
        name
        value
      }
      evaluation {
        split
        epoch
        task
        rows
        omitted
        classes {
          name
          positives
          negatives
          auroc
          auprc
          roc {
            x
            y
          }
          pr {
            x
            y
          }
          calibration {
            lower
            upper
            count
            meanPredicted
            observed
          }
        }
        confusion {
          name
          labels
          counts
          rule
        }
        regression {
          name
        }
      }
    }
  }
`;

interface Answer {
  run: {
    status: string;
    metrics: { name: string; value: number }[];
    evaluation: {
      split: string;
      epoch: number;
      task: string;
      rows: number;
      omitted: number;
      classes: {
        name: string;
        positives: number;
        negatives: number;
        auroc: number | null;
        auprc: number | null;
        roc: { x: number[]; y: number[] };
        pr: { x: number[]; y: number[] };
        calibration: { count: number }[];
      }[];
      confusion: { labels: string[]; counts: number[][]; rule: string }[];
      regression: unknown[];
    } | null;
  };
}

let server: TestServer;
beforeAll(async () => {
  server = await startTestServer();
});
afterAll(async () => {
  await server?.stop();
});

describe('Run.evaluation', () => {
  it('draws the saved model on the validation rows its val_ metrics come from; null without the file', async () => {
    const datasetId = await server.demoDataset({
      sequences: 400,
      length: 40,
      motifs: ['CTCF'],
      seed: 5,
    });
    const started = await server.request<{ startTraining: { run: { id: string } } }>(START, {
      input: { datasetId, architecture: 'deepbind', epochs: 2, seed: 3 },
    });
    expect(started.errors).toBeUndefined();
    const runId = started.data!.startTraining.run.id;
    await server.subscribe<{ trainingProgress: { done: boolean } }>(
      DONE,
      { runId },
      (e) => e.trainingProgress.done,
    );
    const answer = await server.request<Answer>(EVALUATION, { id: runId });
    expect(answer.errors).toBeUndefined();
    const run = answer.data!.run;
    expect(run.status).toBe('SUCCEEDED');
    const metric = (name: string) => run.metrics.find((m) => m.name === name)?.value;
    const e = run.evaluation!;
    expect(e).toMatchObject({ split: 'validation', epoch: 2, task: 'binary', omitted: 0 });
    expect(e.regression).toEqual([]);
    // The same rows and predictions as the stored val_ metrics of the last epoch.
    const [c] = e.classes;
    expect(c!.positives + c!.negatives).toBe(e.rows);
    expect(c!.auroc).toBeCloseTo(metric('val_auroc')!, 9);
    expect(c!.auprc).toBeCloseTo(metric('val_auprc')!, 9);
    const [confusion] = e.confusion;
    const [[tn, fp], [fn, tp]] = confusion!.counts as [[number, number], [number, number]];
    expect(tn + fp + fn + tp).toBe(e.rows);
    expect((tn + tp) / e.rows).toBeCloseTo(metric('val_accuracy')!, 9);
    expect(confusion!.labels).toEqual(['0', '1']);
    // Curves are bounded and run from (0, 0) to (1, 1).
    for (const curve of [c!.roc, c!.pr]) {
      expect(curve.x.length).toBe(curve.y.length);
      expect(curve.x.length).toBeLessThanOrEqual(200);
    }
    expect([c!.roc.x[0], c!.roc.y[0], c!.roc.x.at(-1), c!.roc.y.at(-1)]).toEqual([0, 0, 1, 1]);
    expect(c!.calibration.reduce((sum, b) => sum + b.count, 0)).toBe(e.rows);

    // A run trained before evaluations were stored has no file: null, not an error.
    const em = server.db.fork();
    const artifact = await em.findOneOrFail(ModelArtifact, { run: runId });
    await server.db.artifacts.remove(`${artifact.path}/evaluation.json`);
    const before = await server.request<Answer>(EVALUATION, { id: runId });
    expect(before.errors).toBeUndefined();
    expect(before.data!.run.evaluation).toBeNull();
  }, 120_000);
});
