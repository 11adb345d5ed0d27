import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startTestServer } from '../testing/test-server.ts';
import type { TestServer, TestUser } from '../testing/test-server.ts';

// Projects A and B. viewerA may only read A; editorA and editorB write in their own project.
let server: TestServer;
let projectA: string;
let projectB: string;
let viewerA: TestUser;
let editorA: TestUser;
let editorB: TestUser;
let datasetA: string;
let datasetB: string;
let runA: string;
let runB: string;

const CREATE = `mutation ($input: CreateDemoDatasetInput!) {
  createDemoDataset(input: $input) { job { id } userErrors { field code message } } }`;
const START = `mutation ($input: StartTrainingInput!) {
  startTraining(input: $input) { run { id } userErrors { field code message } } }`;
const CANCEL = `mutation ($id: ID!) { cancelRun(id: $id) { run { id } userErrors { field code message } } }`;
const TINY = { sequences: 20, length: 20, seed: 1 };
const TRAIN = {
  architecture: 'deepbind',
  epochs: 1,
  batchSize: 8,
  config: '{"filters":4,"kernelSize":4,"hiddenUnits":4}',
};

type Payload = { userErrors: { field: string | null; code: string; message: string }[] };

async function makeDataset(user: TestUser, projectId: string): Promise<string> {
  return server.demoDataset({ ...TINY, projectId }, user.token);
}

async function startRun(user: TestUser, datasetId: string): Promise<string> {
  const res = await server.request<{ startTraining: { run: { id: string } } & Payload }>(
    START,
    { input: { ...TRAIN, datasetId } },
    user.token,
  );
  expect(res.data!.startTraining.userErrors).toEqual([]);
  return res.data!.startTraining.run.id;
}

beforeAll(async () => {
  server = await startTestServer();
  projectA = await server.createProject('project-a');
  projectB = await server.createProject('project-b');
  viewerA = await server.createUser('viewer of A', { [projectA]: 'viewer' });
  editorA = await server.createUser('editor of A', { [projectA]: 'editor' });
  editorB = await server.createUser('editor of B', { [projectB]: 'editor' });
  datasetA = await makeDataset(editorA, projectA);
  datasetB = await makeDataset(editorB, projectB);
  runA = await startRun(editorA, datasetA);
  runB = await startRun(editorB, datasetB);
});
afterAll(async () => {
  await server?.stop();
});

describe('a viewer of project A', () => {
  it('lists only A’s datasets and runs, and sees only A among projects', async () => {
    const res = await server.request<{
      datasets: { edges: { node: { id: string } }[]; totalCount: number };
      runs: { edges: { node: { id: string } }[]; totalCount: number };
      inB: { totalCount: number };
      projects: { id: string; viewerRole: string }[];
      me: { name: string; projects: { slug: string }[] };
    }>(
      `{ datasets { edges { node { id } } totalCount } runs { edges { node { id } } totalCount }
         inB: runs(projectId: "${projectB}") { totalCount }
         projects { id viewerRole } me { name projects { slug } } }`,
      {},
      viewerA.token,
    );
    expect(res.errors).toBeUndefined();
    expect(res.data!.datasets.edges.map((e) => e.node.id)).toEqual([datasetA]);
    expect(res.data!.datasets.totalCount).toBe(1);
    expect(res.data!.runs.edges.map((e) => e.node.id)).toEqual([runA]);
    expect(res.data!.inB.totalCount).toBe(0);
    expect(res.data!.projects).toEqual([{ id: projectA, viewerRole: 'VIEWER' }]);
    expect(res.data!.me).toEqual({ name: 'viewer of A', projects: [{ slug: 'project-a' }] });
  });

  it('gets null for B’s objects by id — run, dataset and node alike — as for unknown ids', async () => {
    const res = await server.request<Record<string, unknown>>(
      `query ($runB: ID!, $datasetB: ID!, $projectB: ID!, $runA: ID!) {
         run(id: $runB) { id } dataset(id: $datasetB) { id }
         nodeRun: node(id: $runB) { id } nodeDataset: node(id: $datasetB) { id }
         nodeProject: node(id: $projectB) { id }
         mine: node(id: $runA) { __typename id ... on Run { project { slug } } } }`,
      { runB, datasetB, projectB, runA },
      viewerA.token,
    );
    expect(res.errors).toBeUndefined();
    expect(res.data).toEqual({
      run: null,
      dataset: null,
      nodeRun: null,
      nodeDataset: null,
      nodeProject: null,
      mine: { __typename: 'Run', id: runA, project: { slug: 'project-a' } },
    });
  });

  it('cannot change B’s objects: NOT_FOUND, worded as for an id that does not exist', async () => {
    const cancel = await server.request<{ cancelRun: Payload }>(
      CANCEL,
      { id: runB },
      viewerA.token,
    );
    expect(cancel.data!.cancelRun.userErrors).toEqual([
      { field: 'id', code: 'NOT_FOUND', message: `no run with id "${runB}"` },
    ]);
    const train = await server.request<{ startTraining: Payload }>(
      START,
      { input: { ...TRAIN, datasetId: datasetB, projectId: projectB } },
      viewerA.token,
    );
    expect(train.data!.startTraining.userErrors).toEqual([
      { field: 'projectId', code: 'NOT_FOUND', message: `no project with id "${projectB}"` },
    ]);
    const create = await server.request<{ createDemoDataset: Payload }>(
      CREATE,
      { input: { ...TINY, projectId: projectB } },
      viewerA.token,
    );
    expect(create.data!.createDemoDataset.userErrors[0].code).toBe('NOT_FOUND');
    const member = await server.request<{ addMember: Payload }>(
      `mutation ($p: ID!, $u: ID!) { addMember(projectId: $p, userId: $u, role: ADMIN) { userErrors { field code message } } }`,
      { p: projectB, u: viewerA.id },
      viewerA.token,
    );
    expect(member.data!.addMember.userErrors[0].code).toBe('NOT_FOUND');
  });

  it('an editor of A cannot train on B’s dataset through project A', async () => {
    const train = await server.request<{ startTraining: Payload }>(
      START,
      { input: { ...TRAIN, datasetId: datasetB } },
      editorA.token,
    );
    expect(train.data!.startTraining.userErrors).toEqual([
      { field: 'datasetId', code: 'NOT_FOUND', message: `no dataset with id "${datasetB}"` },
    ]);
  });

  it('cannot write in A: every mutation is FORBIDDEN', async () => {
    const forbidden = (payload: Payload) => payload.userErrors.map((e) => e.code);
    const create = await server.request<{ createDemoDataset: Payload }>(
      CREATE,
      { input: TINY },
      viewerA.token,
    );
    expect(create.data!.createDemoDataset.userErrors).toEqual([
      {
        field: 'projectId',
        code: 'FORBIDDEN',
        message: 'your role in this project is viewer; this needs editor',
      },
    ]);
    const train = await server.request<{ startTraining: Payload }>(
      START,
      { input: { ...TRAIN, datasetId: datasetA } },
      viewerA.token,
    );
    expect(forbidden(train.data!.startTraining)).toEqual(['FORBIDDEN']);
    const cancel = await server.request<{ cancelRun: Payload }>(
      CANCEL,
      { id: runA },
      viewerA.token,
    );
    expect(forbidden(cancel.data!.cancelRun)).toEqual(['FORBIDDEN']);
    const member = await server.request<{ addMember: Payload }>(
      `mutation ($p: ID!, $u: ID!) { addMember(projectId: $p, userId: $u, role: ADMIN) { userErrors { field code message } } }`,
      { p: projectA, u: viewerA.id },
      viewerA.token,
    );
    expect(forbidden(member.data!.addMember)).toEqual(['FORBIDDEN']);
    const user = await server.request<{ createUser: Payload }>(
      `mutation ($p: ID!) { createUser(input: { name: "x", projectId: $p, role: VIEWER }) { userErrors { field code message } } }`,
      { p: projectA },
      viewerA.token,
    );
    expect(forbidden(user.data!.createUser)).toEqual(['FORBIDDEN']);
  });

  it('cannot follow B’s run live: trainingProgress is NOT_FOUND', async () => {
    const watching = server.subscribe(
      `subscription ($id: ID!) { trainingProgress(runId: $id) { done } }`,
      { id: runB },
      () => true,
      viewerA.token,
    );
    await expect(watching).rejects.toThrow(/"code":"NOT_FOUND"/);
    await expect(watching).rejects.toThrow(`no run with id \\"${runB}\\"`);
  });

  it('hears runStatusChanged for A’s runs only', async () => {
    const heard = server.subscribe<{ runStatusChanged: { id: string } }>(
      `subscription { runStatusChanged { id } }`,
      {},
      () => true,
      viewerA.token,
    );
    await new Promise((resolve) => setTimeout(resolve, 500)); // let the subscription start
    await startRun(editorB, datasetB);
    const laterA = await startRun(editorA, datasetA);
    const events = await heard;
    expect(events.map((e) => e.runStatusChanged.id)).toEqual([laterA]);
  });
});

describe('an admin', () => {
  it('makes a project, a user in it with a token, changes roles, and makes own tokens', async () => {
    const created = await server.request<{
      createProject: { project: { id: string; slug: string; viewerRole: string } } & Payload;
    }>(
      `mutation { createProject(input: { name: "Chromatin QTL 2026" }) { project { id slug viewerRole } userErrors { field code message } } }`,
    );
    const project = created.data!.createProject.project;
    expect(project).toMatchObject({ slug: 'chromatin-qtl-2026', viewerRole: 'ADMIN' });
    const again = await server.request<{ createProject: Payload }>(
      `mutation { createProject(input: { name: "x", slug: "chromatin-qtl-2026" }) { userErrors { field code message } } }`,
    );
    expect(again.data!.createProject.userErrors).toEqual([
      {
        field: 'slug',
        code: 'SLUG_TAKEN',
        message: 'one of your projects has the slug "chromatin-qtl-2026"',
      },
    ]);

    const user = await server.request<{ createUser: { user: { id: string }; token: string } }>(
      `mutation ($p: ID!) { createUser(input: { name: "Grace", projectId: $p, role: VIEWER }) { user { id } token } }`,
      { p: project.id },
    );
    const { token, user: grace } = user.data!.createUser;
    expect(token).toMatch(/^strand_[A-Za-z0-9_-]{43}$/);
    const viewer = await server.request<{ me: { projects: { viewerRole: string }[] } }>(
      `{ me { projects { viewerRole } } }`,
      {},
      token,
    );
    expect(viewer.data!.me.projects).toEqual([{ viewerRole: 'VIEWER' }]);

    const promoted = await server.request<{
      addMember: { membership: { role: string; user: { name: string } } };
    }>(
      `mutation ($p: ID!, $u: ID!) { addMember(projectId: $p, userId: $u, role: EDITOR) { membership { role user { name } } } }`,
      { p: project.id, u: grace.id },
    );
    expect(promoted.data!.addMember.membership).toEqual({
      role: 'EDITOR',
      user: { name: 'Grace' },
    });
    const members = await server.request<{
      node: { members: { role: string; user: { name: string } }[] };
    }>(
      `query ($p: ID!) { node(id: $p) { ... on Project { members { role user { name } } } } }`,
      { p: project.id },
      token,
    );
    expect(members.data!.node.members).toEqual([
      { role: 'ADMIN', user: { name: 'admin' } },
      { role: 'EDITOR', user: { name: 'Grace' } },
    ]);

    const made = await server.request<{
      createToken: { token: string; apiToken: { prefix: string } };
    }>(`mutation { createToken(name: "ci") { token apiToken { prefix } } }`, {}, token);
    const second = made.data!.createToken;
    expect(second.apiToken.prefix).toBe(second.token.slice(0, 15));
    const me = await server.request<{
      me: { name: string; tokens: { name: string; prefix: string }[] };
    }>(`{ me { name tokens { name prefix } } }`, {}, second.token);
    expect(me.data!.me).toEqual({
      name: 'Grace',
      tokens: [
        { name: 'first token', prefix: token.slice(0, 15) },
        { name: 'ci', prefix: second.apiToken.prefix },
      ],
    });
  });
});
