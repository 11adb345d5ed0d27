import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { seedRun } from '../testing/seed-run.ts';
import { startTestServer } from '../testing/test-server.ts';
import type { TestServer } from '../testing/test-server.ts';

let server: TestServer;

const REGISTER = `mutation ($runId: ID!, $name: String!) { registerModel(runId: $runId, name: $name) {
  modelVersion { id name version aliases run { id } artifact { format sizeBytes } }
  userErrors { field code message } } }`;
const ALIAS = `mutation ($name: String!, $alias: String!, $version: Int!) {
  setModelAlias(name: $name, alias: $alias, version: $version) {
    modelVersion { version aliases } userErrors { field code message } } }`;

type Errors = { field: string; code: string; message: string }[];
interface Registered {
  registerModel: {
    modelVersion: { id: string; name: string; version: number; aliases: string[] } | null;
    userErrors: Errors;
  };
}

beforeAll(async () => {
  server = await startTestServer();
});
afterAll(async () => {
  await server?.stop();
});

async function register(runId: string, name: string) {
  return (await server.request<Registered>(REGISTER, { runId, name })).data!.registerModel;
}

describe('model registry', () => {
  it('registers versions 1, 2 of a name; aliases point at one version and move', async () => {
    const projectId = server.defaultProjectId;
    const r1 = (await seedRun(server.db, { projectId })).runId;
    const r2 = (await seedRun(server.db, { projectId })).runId;
    const v1 = await register(r1, 'ctcf');
    expect(v1).toEqual({
      modelVersion: {
        id: expect.any(String),
        name: 'ctcf',
        version: 1,
        aliases: [],
        run: { id: r1 },
        artifact: { format: 'tfjs-layers', sizeBytes: 1234 },
      },
      userErrors: [],
    });
    expect((await register(r2, 'ctcf')).modelVersion).toMatchObject({ version: 2 });

    const set = async (alias: string, version: number) =>
      (await server.request(ALIAS, { name: 'ctcf', alias, version })).data!.setModelAlias;
    expect(await set('production', 1)).toEqual({
      modelVersion: { version: 1, aliases: ['production'] },
      userErrors: [],
    });
    await set('candidate', 2);
    expect(await set('production', 2)).toEqual({
      modelVersion: { version: 2, aliases: ['candidate', 'production'] },
      userErrors: [],
    });
    expect(await set('production', 7)).toEqual({
      modelVersion: null,
      userErrors: [
        { field: 'version', code: 'NOT_FOUND', message: 'model "ctcf" has no version 7' },
      ],
    });

    const read = await server.request(
      `{ byAlias: modelVersion(name: "ctcf", alias: "production") { version run { id } }
         byNumber: modelVersion(name: "ctcf", version: 1) { version aliases }
         none: modelVersion(name: "ctcf", alias: "staging") { version }
         registeredModels { name latestVersion versions { version } aliases { alias version } } }`,
    );
    expect(read.errors).toBeUndefined();
    expect(read.data).toEqual({
      byAlias: { version: 2, run: { id: r2 } },
      byNumber: { version: 1, aliases: [] },
      none: null,
      registeredModels: [
        {
          name: 'ctcf',
          latestVersion: 2,
          versions: [{ version: 1 }, { version: 2 }],
          aliases: [
            { alias: 'candidate', version: 2 },
            { alias: 'production', version: 2 },
          ],
        },
      ],
    });
    const node = await server.request<{ node: unknown }>(
      `query ($id: ID!) { node(id: $id) { __typename ... on ModelVersion { name version } } }`,
      { id: v1.modelVersion!.id },
    );
    expect(node.data!.node).toEqual({ __typename: 'ModelVersion', name: 'ctcf', version: 1 });
  });

  it('pages models with first, which also keeps a versions query under the cost limit', async () => {
    const projectId = server.defaultProjectId;
    for (const name of ['page-a', 'page-b']) {
      await register((await seedRun(server.db, { projectId })).runId, name);
    }
    // What the dashboard's registry page asks for each version.
    const query = (first: string) => `{ registeredModels(projectId: "${projectId}"${first}) {
      name cursor project { id viewerRole } aliases { alias version }
      versions { id name version aliases createdAt artifact { id sizeBytes }
        run { id architecture status metrics { name value } dataset { id name } } } } }`;
    const all = await server.request(query(''));
    expect(all.errors?.map((e) => (e.extensions as { code: string }).code)).toEqual([
      'QUERY_TOO_COMPLEX',
    ]);
    const one = await server.request<{ registeredModels: { name: string; cursor: string }[] }>(
      query(', first: 1'),
    );
    expect(one.errors).toBeUndefined();
    expect(one.data!.registeredModels).toHaveLength(1);
    const names = await server.request<{ registeredModels: { name: string }[] }>(
      `query ($after: String) { registeredModels(first: 5, after: $after) { name } }`,
      { after: one.data!.registeredModels[0]!.cursor },
    );
    expect(names.data!.registeredModels.map((m) => m.name)).not.toContain(
      one.data!.registeredModels[0]!.name,
    );
    const bad = await server.request('{ registeredModels(first: 0) { name } }');
    expect(bad.errors?.[0]).toMatchObject({
      message: 'first must be from 1 to 50; got 0',
      extensions: { code: 'BAD_USER_INPUT' },
    });
  });

  it('refuses runs that did not succeed or stored no model, and bad names', async () => {
    const projectId = server.defaultProjectId;
    const failed = (await seedRun(server.db, { projectId, status: 'FAILED' })).runId;
    expect(await register(failed, 'm')).toEqual({
      modelVersion: null,
      userErrors: [
        {
          field: 'runId',
          code: 'RUN_NOT_SUCCEEDED',
          message: `run ${failed} is FAILED; only a SUCCEEDED run can be registered`,
        },
      ],
    });
    const bare = (await seedRun(server.db, { projectId, artifact: false })).runId;
    expect((await register(bare, 'm')).userErrors).toEqual([
      { field: 'runId', code: 'NO_MODEL_ARTIFACT', message: `run ${bare} stored no model` },
    ]);
    expect((await register(bare, 'no spaces')).userErrors[0].code).toBe('BAD_MODEL_NAME');
    // A run whose saved model was deleted from disk (issue 18): nothing to register.
    const gone = (await seedRun(server.db, { projectId })).runId;
    await server.db.artifacts.remove(`models/${gone}`);
    expect(await register(gone, 'm')).toEqual({
      modelVersion: null,
      userErrors: [
        {
          field: 'runId',
          code: 'MODEL_FILES_MISSING',
          message: `the model files of run ${gone} are gone from the artifact store; train it again to register it`,
        },
      ],
    });
    const both = await server.request(`{ modelVersion(name: "x", version: 1, alias: "a") { id } }`);
    expect(both.errors?.[0]).toMatchObject({
      message: 'give exactly one of version and alias',
      extensions: { code: 'BAD_USER_INPUT' },
    });
  });

  it('registers the model of a run that really trained, and traces its lineage', async () => {
    const datasetId = await server.demoDataset({ sequences: 40, length: 24, seed: 5 });
    const dataset = (
      await server.request<{ dataset: { id: string; checksum: string } }>(
        `query ($id: ID!) { dataset(id: $id) { id checksum } }`,
        { id: datasetId },
      )
    ).data!.dataset;
    const started = await server.request<{ startTraining: { run: { id: string } } }>(
      `mutation ($d: ID!) { startTraining(input: { datasetId: $d, architecture: "deepbind", epochs: 1, batchSize: 8,
         config: "{\\"filters\\":4,\\"kernelSize\\":4,\\"hiddenUnits\\":4}" }) { run { id } } }`,
      { d: dataset.id },
    );
    const runId = started.data!.startTraining.run.id;
    await server.subscribe<{ trainingProgress: { done: boolean } }>(
      `subscription ($id: ID!) { trainingProgress(runId: $id) { done } }`,
      { id: runId },
      (e) => e.trainingProgress.done,
    );
    const version = await register(runId, 'trained');
    expect(version.userErrors).toEqual([]);

    const lineage = await server.request(
      `query ($id: ID!) { lineage(id: $id) { modelVersion { name version } run { id status }
           config checksumMatches dataset { id checksum } } }`,
      { id: version.modelVersion!.id },
    );
    expect(lineage.errors).toBeUndefined();
    expect(lineage.data).toEqual({
      lineage: {
        modelVersion: { name: 'trained', version: 1 },
        run: { id: runId, status: 'SUCCEEDED' },
        config: expect.stringContaining('"filters":4'),
        checksumMatches: true,
        dataset: { id: dataset.id, checksum: dataset.checksum },
      },
    });
    const derived = await server.request(
      `query ($id: ID!) { dataset(id: $id) { derived { runs { edges { node { id } } } modelVersions { edges { node { name version } } } } } }`,
      { id: dataset.id },
    );
    expect(derived.data).toEqual({
      dataset: {
        derived: {
          runs: { edges: [{ node: { id: runId } }] },
          modelVersions: { edges: [{ node: { name: 'trained', version: 1 } }] },
        },
      },
    });
    const fromRun = await server.request<{ lineage: { modelVersion: null; run: { id: string } } }>(
      `query ($id: ID!) { lineage(id: $id) { modelVersion { id } run { id } } }`,
      { id: runId },
    );
    expect(fromRun.data!.lineage).toEqual({ modelVersion: null, run: { id: runId } });

    // A result (a job that applied the version) leads back to the run, its dataset and split…
    const explained = await server.request<{ explainSequence: { job: { id: string } } }>(
      `mutation ($v: ID!) { explainSequence(input: { modelVersionId: $v, method: SALIENCY,
         sequences: ["ACGTACGTACGTACGTACGTACGT"] }) { job { id } userErrors { message } } }`,
      { v: version.modelVersion!.id },
    );
    const jobId = explained.data!.explainSequence.job.id;
    await server.subscribe<{ jobProgress: { done: boolean } }>(
      `subscription ($id: ID!) { jobProgress(jobId: $id) { done } }`,
      { id: jobId },
      (e) => e.jobProgress.done,
    );
    const fromJob = await server.request<{
      lineage: {
        job: { id: string; status: string };
        modelVersion: { version: number };
        run: { id: string };
        dataset: { id: string };
        split: string;
      };
    }>(
      `query ($id: ID!) { lineage(id: $id) { job { id status } modelVersion { version } run { id }
           dataset { id } split } }`,
      { id: jobId },
    );
    expect(fromJob.data!.lineage).toMatchObject({
      job: { id: jobId, status: 'SUCCEEDED' },
      modelVersion: { version: 1 },
      run: { id: runId },
      dataset: { id: dataset.id },
    });
    const split = JSON.parse(fromJob.data!.lineage.split) as Record<string, unknown>;
    expect(split).toMatchObject({ seed: expect.any(Number) });
    expect(JSON.stringify(split)).toMatch(/[0-9a-f]{64}/); // the held-out indices' SHA-256
    // …and the dataset leads forward to it.
    const forward = await server.request<{
      dataset: { derived: { jobs: { edges: { node: { id: string } }[] } } };
    }>(`query ($id: ID!) { dataset(id: $id) { derived { jobs { edges { node { id } } } } } }`, {
      id: dataset.id,
    });
    expect(forward.data!.dataset.derived.jobs.edges).toEqual([{ node: { id: jobId } }]);
  });
});
