import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { seedRun } from '../testing/seed-run.ts';
import { startTestServer } from '../testing/test-server.ts';
import type { TestServer, TestUser } from '../testing/test-server.ts';

let server: TestServer;
let editor: TestUser;
let viewer: TestUser;
let runId: string;

const TAG = `mutation ($id: ID!, $tags: [String!]!) {
  tagRun(runId: $id, tags: $tags) { run { id tags note } userErrors { field code message } } }`;
const UNTAG = `mutation ($id: ID!, $tags: [String!]!) {
  untagRun(runId: $id, tags: $tags) { run { tags } userErrors { field code message } } }`;
const NOTE = `mutation ($id: ID!, $note: String!) {
  setRunNote(runId: $id, note: $note) { run { note } userErrors { field code message } } }`;

type Payload<T> = { run: T | null; userErrors: { field: string; code: string; message: string }[] };

beforeAll(async () => {
  server = await startTestServer();
  const project = await server.createProject('annotations');
  editor = await server.createUser('editor', { [project]: 'editor' });
  viewer = await server.createUser('viewer', { [project]: 'viewer' });
  ({ runId } = await seedRun(server.db, { projectId: project }));
});
afterAll(async () => {
  await server?.stop();
});

describe('run tags and notes', () => {
  it('tags (normalised, once), untags, and shows tags and note on the run', async () => {
    const tagged = await server.request<{ tagRun: Payload<{ tags: string[] }> }>(
      TAG,
      { id: runId, tags: ['Baseline', ' best run ', 'baseline'] },
      editor.token,
    );
    expect(tagged.data!.tagRun).toEqual({
      run: { id: runId, tags: ['baseline', 'best-run'], note: null },
      userErrors: [],
    });
    const untagged = await server.request<{ untagRun: Payload<{ tags: string[] }> }>(
      UNTAG,
      { id: runId, tags: ['BEST RUN'] },
      editor.token,
    );
    expect(untagged.data!.untagRun.run).toEqual({ tags: ['baseline'] });

    const noted = await server.request<{ setRunNote: Payload<{ note: string }> }>(
      NOTE,
      { id: runId, note: 'lower lr helped' },
      editor.token,
    );
    expect(noted.data!.setRunNote).toEqual({ run: { note: 'lower lr helped' }, userErrors: [] });
    const read = await server.request<{ run: { tags: string[]; note: string } }>(
      `query ($id: ID!) { run(id: $id) { tags note } }`,
      { id: runId },
      viewer.token,
    );
    expect(read.data!.run).toEqual({ tags: ['baseline'], note: 'lower lr helped' });
    const cleared = await server.request<{ setRunNote: Payload<{ note: string | null }> }>(
      NOTE,
      { id: runId, note: '' },
      editor.token,
    );
    expect(cleared.data!.setRunNote.run).toEqual({ note: null });
  });

  it('bad tags, too many tags and too long a note are userErrors', async () => {
    const bad = await server.request<{ tagRun: Payload<unknown> }>(
      TAG,
      { id: runId, tags: ['ok', 'no!'] },
      editor.token,
    );
    expect(bad.data!.tagRun).toEqual({
      run: null,
      userErrors: [
        {
          field: 'tags',
          code: 'BAD_TAG',
          message:
            'tag "no!" may only hold letters, digits and . _ : / = - (and start with a letter or digit)',
        },
      ],
    });
    const many = Array.from({ length: 21 }, (_, i) => `t${i}`);
    const tooMany = await server.request<{ tagRun: Payload<unknown> }>(
      TAG,
      { id: runId, tags: many },
      editor.token,
    );
    expect(tooMany.data!.tagRun.userErrors[0]).toMatchObject({ code: 'TOO_MANY_TAGS' });
    const long = await server.request<{ setRunNote: Payload<unknown> }>(
      NOTE,
      { id: runId, note: 'x'.repeat(10_001) },
      editor.token,
    );
    expect(long.data!.setRunNote.userErrors).toEqual([
      {
        field: 'note',
        code: 'NOTE_TOO_LONG',
        message: 'note is 10001 characters long; at most 10000 are allowed',
      },
    ]);
  });

  it('a viewer cannot tag or note: FORBIDDEN; an unknown run is NOT_FOUND', async () => {
    const tag = await server.request<{ tagRun: Payload<unknown> }>(
      TAG,
      { id: runId, tags: ['x'] },
      viewer.token,
    );
    expect(tag.data!.tagRun.userErrors).toEqual([
      {
        field: 'runId',
        code: 'FORBIDDEN',
        message: 'your role in this project is viewer; this needs editor',
      },
    ]);
    const note = await server.request<{ setRunNote: Payload<unknown> }>(
      NOTE,
      { id: runId, note: 'x' },
      viewer.token,
    );
    expect(note.data!.setRunNote.userErrors[0].code).toBe('FORBIDDEN');
    const ghost = '00000000-0000-4000-8000-00000000dead';
    const unknown = await server.request<{ untagRun: Payload<unknown> }>(
      UNTAG,
      { id: ghost, tags: ['x'] },
      editor.token,
    );
    expect(unknown.data!.untagRun.userErrors).toEqual([
      { field: 'runId', code: 'NOT_FOUND', message: `no run with id "${ghost}"` },
    ]);
  });
});
