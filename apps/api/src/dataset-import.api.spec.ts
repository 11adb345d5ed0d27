import { mkdtemp, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startTestServer } from './testing/test-server.ts';
import type { TestServer } from './testing/test-server.ts';

const IMPORT = /* GraphQL */ `
  mutation ($input: ImportDatasetInput!) {
    importDataset(input: $input) {
      dataset {
        id
        name
        kind
        recordCount
        sequenceLength
        labelCounts {
          label
          count
        }
      }
      userErrors {
        field
        code
        message
      }
    }
  }
`;
type Payload = {
  importDataset: {
    dataset: Record<string, unknown> | null;
    userErrors: { field: string; code: string; message: string }[];
  };
};

let server: TestServer;
let importDir: string;
let outside: string;

beforeAll(async () => {
  importDir = await mkdtemp(join(tmpdir(), 'strand-imports-'));
  outside = await mkdtemp(join(tmpdir(), 'strand-outside-'));
  await writeFile(join(importDir, 'ok.tsv'), 'id\tlabel\tsequence\na\tyes\tACGT\nb\tno\tTTTT\n');
  await writeFile(join(importDir, 'bad.tsv'), 'id\tlabel\tsequence\na\tyes\tACGT\nb\tno\tTT!T\n');
  await writeFile(join(outside, 'secret.tsv'), 'id\tlabel\tsequence\na\t1\tACGT\n');
  process.env.STRAND_IMPORT_DIR = importDir;
  server = await startTestServer();
});
afterAll(async () => {
  delete process.env.STRAND_IMPORT_DIR;
  await server?.stop();
  await rm(importDir, { recursive: true, force: true });
  await rm(outside, { recursive: true, force: true });
});

describe('importDataset', () => {
  it('imports a file from the import directory for a project admin', async () => {
    const res = await server.request<Payload>(IMPORT, {
      input: { kind: 'sequence-classification', path: 'ok.tsv', name: 'ok' },
    });
    expect(res.data!.importDataset.userErrors).toEqual([]);
    expect(res.data!.importDataset.dataset).toMatchObject({
      name: 'ok',
      recordCount: 2,
      sequenceLength: 4,
    });
  });

  it('answers a malformed file with file:line: reason and stores nothing', async () => {
    const res = await server.request<Payload>(IMPORT, {
      input: { kind: 'sequence-classification', path: 'bad.tsv' },
    });
    expect(res.data!.importDataset.dataset).toBeNull();
    expect(res.data!.importDataset.userErrors[0].message).toMatch(/^bad\.tsv:3: /);
    const list = await server.request<{ datasets: { edges: { node: { name: string } }[] } }>(
      `{ datasets(first: 100) { edges { node { name } } } }`,
    );
    expect(list.data!.datasets.edges.map((e) => e.node.name)).not.toContain('bad.tsv');
  });

  it('reads nothing outside the import directory', async () => {
    for (const path of [
      join(outside, 'secret.tsv'),
      '../' + outside.split('/').pop() + '/secret.tsv',
      '/etc/passwd',
    ]) {
      const res = await server.request<Payload>(IMPORT, {
        input: { kind: 'sequence-classification', path },
      });
      expect(res.data!.importDataset.userErrors.map((e) => [e.field, e.code])).toEqual([
        ['path', 'FILE_NOT_FOUND'],
      ]);
    }
  });

  it('needs the admin role of the project', async () => {
    const editor = await server.createUser('editor', { [server.defaultProjectId]: 'editor' });
    const res = await server.request<Payload>(
      IMPORT,
      { input: { kind: 'sequence-classification', path: 'ok.tsv' } },
      editor.token,
    );
    expect(res.data!.importDataset.userErrors.map((e) => e.code)).toEqual(['FORBIDDEN']);
  });
});
