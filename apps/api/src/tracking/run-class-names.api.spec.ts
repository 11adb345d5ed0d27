import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { Dataset, Project } from '@strand/data';
import { seedRun } from '../testing/seed-run.ts';
import { startTestServer } from '../testing/test-server.ts';
import type { TestServer, TestUser } from '../testing/test-server.ts';

let server: TestServer;
let project: string;
let viewer: TestUser;

/** A READY sequence dataset of the project with these label counts and summary. */
async function dataset(labelCounts: Record<string, number>, summary: Record<string, unknown>) {
  const em = server.db.fork();
  const d = new Dataset(em.getReference(Project, project), 'classes', 'sequence-classification');
  Object.assign(d, {
    status: 'READY',
    recordCount: 10,
    checksum: 'c'.repeat(64),
    sequenceLength: 50,
    labelCounts,
    summary,
  });
  await em.persist(d).flush();
  return d.id;
}

const classNames = async (runId: string) =>
  (
    await server.request<{ run: { classNames: string[] } }>(
      `query ($id: ID!) { run(id: $id) { classNames } }`,
      { id: runId },
      viewer.token,
    )
  ).data!.run.classNames;

beforeAll(async () => {
  server = await startTestServer();
  project = await server.createProject('class-names');
  viewer = await server.createUser('viewer', { [project]: 'viewer' });
});
afterAll(async () => {
  await server?.stop();
});

describe('Run.classNames', () => {
  it("are the dataset's classes in class-index order (the confusion matrix's rows)", async () => {
    const datasetId = await dataset({ sox: 3, gata: 4, none: 3 }, {});
    const { runId } = await seedRun(server.db, { projectId: project, datasetId });
    expect(await classNames(runId)).toEqual(['gata', 'none', 'sox']);
  });

  it('follow the order the import stored, and are empty for multitask data', async () => {
    const ordered = await dataset({ b: 5, a: 5 }, { labelNames: ['b', 'a'] });
    expect(
      await classNames(
        (await seedRun(server.db, { projectId: project, datasetId: ordered })).runId,
      ),
    ).toEqual(['b', 'a']);
    const multitask = await dataset(
      { '0': 5, '1': 5 },
      { columns: { labels: ['label_a', 'label_b'], features: [], profile: null } },
    );
    expect(
      await classNames(
        (await seedRun(server.db, { projectId: project, datasetId: multitask })).runId,
      ),
    ).toEqual([]);
  });
});
