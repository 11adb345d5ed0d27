import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { seedRun } from '../testing/seed-run.ts';
import { startTestServer } from '../testing/test-server.ts';
import type { TestServer, TestUser } from '../testing/test-server.ts';

// Projects A and B, each with a tagged run registered as model "shared-name". viewerA only
// reads A; editorA and editorB write in their own project.
let server: TestServer;
let projectA: string;
let projectB: string;
let viewerA: TestUser;
let editorA: TestUser;
let editorB: TestUser;
let runA: string;
let runB: string;
let datasetB: string;
let versionB: string;

const REGISTER = `mutation ($runId: ID!) { registerModel(runId: $runId, name: "shared-name") {
  modelVersion { id } userErrors { field code message } } }`;
const TAG = `mutation ($id: ID!) { tagRun(runId: $id, tags: ["secret"]) {
  run { id } userErrors { field code message } } }`;

beforeAll(async () => {
  server = await startTestServer();
  projectA = await server.createProject('track-a');
  projectB = await server.createProject('track-b');
  viewerA = await server.createUser('viewer of A', { [projectA]: 'viewer' });
  editorA = await server.createUser('editor of A', { [projectA]: 'editor' });
  editorB = await server.createUser('editor of B', { [projectB]: 'editor' });
  runA = (await seedRun(server.db, { projectId: projectA })).runId;
  const seededB = await seedRun(server.db, { projectId: projectB });
  runB = seededB.runId;
  datasetB = seededB.datasetId;
  await server.request(TAG, { id: runA }, editorA.token);
  await server.request(TAG, { id: runB }, editorB.token);
  await server.request(REGISTER, { runId: runA }, editorA.token);
  const registered = await server.request<{ registerModel: { modelVersion: { id: string } } }>(
    REGISTER,
    { runId: runB },
    editorB.token,
  );
  versionB = registered.data!.registerModel.modelVersion.id;
  await server.request(
    `mutation { setModelAlias(name: "shared-name", alias: "production", version: 1) { userErrors { code } } }`,
    {},
    editorB.token,
  );
});
afterAll(async () => {
  await server?.stop();
});

describe('tracking and registry across projects', () => {
  it('a viewer of A sees none of B’s tagged runs, models, versions or lineage', async () => {
    const res = await server.request(
      `query ($runB: ID!, $versionB: ID!, $projectB: ID!, $datasetB: ID!) {
         tagged: runs(filter: { tag: "secret" }) { edges { node { id tags } } }
         registeredModels { name project { id } }
         inB: registeredModels(projectId: $projectB) { name }
         byAlias: modelVersion(name: "shared-name", alias: "production") { id }
         inBByNumber: modelVersion(name: "shared-name", version: 1, projectId: $projectB) { id }
         node(id: $versionB) { id }
         lineageOfVersion: lineage(id: $versionB) { run { id } }
         lineageOfRun: lineage(id: $runB) { run { id } }
         dataset(id: $datasetB) { id } }`,
      { runB, versionB, projectB, datasetB },
      viewerA.token,
    );
    expect(res.errors).toBeUndefined();
    expect(res.data).toEqual({
      tagged: { edges: [{ node: { id: runA, tags: ['secret'] } }] },
      registeredModels: [{ name: 'shared-name', project: { id: projectA } }],
      inB: [],
      byAlias: null,
      inBByNumber: null,
      node: null,
      lineageOfVersion: null,
      lineageOfRun: null,
      dataset: null,
    });
    const compare = await server.request(
      `query ($ids: [ID!]!) { compareRuns(ids: $ids) { runs { id } } }`,
      { ids: [runA, runB] },
      viewerA.token,
    );
    expect(compare.errors?.[0]).toMatchObject({
      message: `no run with id "${runB}"`,
      extensions: { code: 'NOT_FOUND' },
    });
  });

  it('a viewer of A cannot tag, note, register or alias in A, nor touch B', async () => {
    const tagA = await server.request<{ tagRun: { userErrors: unknown[] } }>(
      TAG,
      { id: runA },
      viewerA.token,
    );
    expect(tagA.data!.tagRun.userErrors).toEqual([
      {
        field: 'runId',
        code: 'FORBIDDEN',
        message: 'your role in this project is viewer; this needs editor',
      },
    ]);
    const regA = await server.request<{ registerModel: { userErrors: { code: string }[] } }>(
      REGISTER,
      { runId: runA },
      viewerA.token,
    );
    expect(regA.data!.registerModel.userErrors[0].code).toBe('FORBIDDEN');
    const aliasA = await server.request<{ setModelAlias: { userErrors: { code: string }[] } }>(
      `mutation { setModelAlias(name: "shared-name", alias: "production", version: 1) { userErrors { code } } }`,
      {},
      viewerA.token,
    );
    expect(aliasA.data!.setModelAlias.userErrors).toEqual([{ code: 'FORBIDDEN' }]);
    const tagB = await server.request<{ tagRun: { userErrors: unknown[] } }>(
      TAG,
      { id: runB },
      viewerA.token,
    );
    expect(tagB.data!.tagRun.userErrors).toEqual([
      { field: 'runId', code: 'NOT_FOUND', message: `no run with id "${runB}"` },
    ]);
    const noteB = await server.request<{ setRunNote: { userErrors: { code: string }[] } }>(
      `mutation ($id: ID!) { setRunNote(runId: $id, note: "x") { userErrors { code } } }`,
      { id: runB },
      viewerA.token,
    );
    expect(noteB.data!.setRunNote.userErrors).toEqual([{ code: 'NOT_FOUND' }]);
    const regB = await server.request<{ registerModel: { userErrors: unknown[] } }>(
      REGISTER,
      { runId: runB },
      viewerA.token,
    );
    expect(regB.data!.registerModel.userErrors).toEqual([
      { field: 'runId', code: 'NOT_FOUND', message: `no run with id "${runB}"` },
    ]);
  });
});
