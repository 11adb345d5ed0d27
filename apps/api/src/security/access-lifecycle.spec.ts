import { createClient } from 'graphql-ws';
import WebSocket from 'ws';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { Job, Project } from '@strand/data';
import { startTestServer } from '../testing/test-server.ts';
import type { TestServer } from '../testing/test-server.ts';

let server: TestServer;
beforeAll(async () => {
  server = await startTestServer();
});
afterAll(async () => {
  await server?.stop();
});

interface Errors {
  userErrors: { field: string | null; code: string; message: string }[];
}
const codes = (payload: Errors) => payload.userErrors.map((e) => e.code);
const status = (token: string) =>
  fetch(`${server.url}/graphql`, {
    method: 'POST',
    headers: { 'content-type': 'application/json', authorization: `Bearer ${token}` },
    body: JSON.stringify({ query: '{ me { id } }' }),
  }).then(async (res) => ({
    status: res.status,
    body: (await res.json()) as { errors?: { message: string }[] },
  }));

async function mutate<T>(query: string, variables: Record<string, unknown>, token?: string) {
  const res = await server.request<Record<string, T>>(query, variables, token);
  if (!res.data) throw new Error(JSON.stringify(res.errors));
  return Object.values(res.data)[0];
}

const REVOKE = `mutation ($id: ID!) { revokeToken(id: $id) { apiToken { id } userErrors { field code message } } }`;
const TOKENS = `{ me { tokens { id name } } }`;

describe('tokens', () => {
  it('a revoked token gets 401 at once, though it was just used (the cache is emptied)', async () => {
    const user = await server.createUser('revoked', { [server.defaultProjectId]: 'editor' });
    expect((await status(user.token)).status).toBe(200); // now in the authentication cache
    const mine = await server.request<{ me: { tokens: { id: string }[] } }>(TOKENS, {}, user.token);
    const tokenId = mine.data!.me.tokens[0].id;
    const revoked = await mutate<Errors>(REVOKE, { id: tokenId }, user.token);
    expect(revoked.userErrors).toEqual([]);
    const after = await status(user.token);
    expect(after.status).toBe(401);
    expect(after.body.errors![0].message).toMatch(/^the API token was revoked/);
  });

  it('closes the WebSockets of a revoked token and refuses new ones', async () => {
    const user = await server.createUser('socket', { [server.defaultProjectId]: 'viewer' });
    let connected!: () => void;
    const open = new Promise<void>((resolve) => (connected = resolve));
    const closed = new Promise<number>((resolve) => {
      const client = createClient({
        url: `${server.url.replace('http', 'ws')}/graphql`,
        webSocketImpl: WebSocket,
        retryAttempts: 0,
        connectionParams: { authorization: `Bearer ${user.token}` },
        on: {
          connected: () => connected(),
          closed: (event) => resolve((event as { code: number }).code),
        },
      });
      client.subscribe(
        { query: 'subscription { runStatusChanged { id } }' },
        { next: () => undefined, error: () => undefined, complete: () => undefined },
      );
    });
    await open; // acknowledged: the socket is the user's now
    const mine = await server.request<{ me: { tokens: { id: string }[] } }>(TOKENS, {}, user.token);
    await mutate<Errors>(REVOKE, { id: mine.data!.me.tokens[0].id }, server.adminToken);
    expect(await closed).toBe(4403);
    await expect(
      server.subscribe('subscription { runStatusChanged { id } }', {}, () => true, user.token),
    ).rejects.toBeDefined();
  });

  it('only the owner or an ADMIN of all their projects may revoke; strangers see no token', async () => {
    const other = await server.createProject('other-team');
    const both = await server.createUser('both', {
      [server.defaultProjectId]: 'editor',
      [other]: 'viewer',
    });
    const stranger = await server.createUser('stranger', { [other]: 'admin' });
    const id = (await server.request<{ me: { tokens: { id: string }[] } }>(TOKENS, {}, both.token))
      .data!.me.tokens[0].id;
    // The default project's ADMIN does not administer `other-team`: FORBIDDEN.
    expect(codes(await mutate<Errors>(REVOKE, { id }, server.adminToken))).toEqual(['FORBIDDEN']);
    const outsider = await server.createUser('outsider', {});
    expect(codes(await mutate<Errors>(REVOKE, { id }, outsider.token))).toEqual(['NOT_FOUND']);
    // `stranger` administers only `other-team` too.
    expect(codes(await mutate<Errors>(REVOKE, { id }, stranger.token))).toEqual(['FORBIDDEN']);
    expect((await status(both.token)).status).toBe(200);
  });

  it('expires by itself, and a user may hold at most 20 live tokens', async () => {
    const user = await server.createUser('expiring', { [server.defaultProjectId]: 'viewer' });
    // Wide enough that the token is still valid when first used on a loaded machine.
    const soon = new Date(Date.now() + 6000).toISOString();
    const made = await mutate<{ token: string; apiToken: { expiresAt: string } } & Errors>(
      `mutation ($at: DateTimeISO) { createToken(name: "short", expiresAt: $at) { token apiToken { expiresAt } userErrors { field code message } } }`,
      { at: soon },
      user.token,
    );
    expect(made.userErrors).toEqual([]);
    expect(made.apiToken.expiresAt).toBe(soon);
    expect((await status(made.token)).status).toBe(200);
    await new Promise((resolve) => setTimeout(resolve, Date.parse(soon) - Date.now() + 200));
    const expired = await status(made.token);
    expect(expired.status).toBe(401);
    expect(expired.body.errors![0].message).toMatch(/^the API token was valid until/);

    const past = await mutate<Errors>(
      `mutation { createToken(name: "x", expiresAt: "2001-01-01T00:00:00Z") { userErrors { field code message } } }`,
      {},
      user.token,
    );
    expect(codes(past)).toEqual(['BAD_EXPIRY']);
    const results = [];
    for (let i = 0; i < 20; i++) {
      results.push(
        await mutate<Errors>(
          `mutation ($n: String!) { createToken(name: $n) { userErrors { code } } }`,
          { n: `t${i}` },
          user.token,
        ),
      );
    }
    // One live token already (the first): the 20th new one is over the limit.
    expect(results.slice(0, 19).every((r) => r.userErrors.length === 0)).toBe(true);
    expect(codes(results[19])).toEqual(['TOO_MANY_TOKENS']);
  }, 20_000);
});

const MEMBER = `mutation ($p: ID!, $u: ID!, $r: Role!) { addMember(projectId: $p, userId: $u, role: $r) { membership { role } userErrors { field code message } } }`;
const REMOVE = `mutation ($p: ID!, $u: ID!) { removeMember(projectId: $p, userId: $u) { removed userErrors { field code message } } }`;
const INVITE = `mutation ($p: ID!, $u: ID!, $r: Role!) { inviteMember(projectId: $p, userId: $u, role: $r) { invitation { id status role projectName } userErrors { field code message } } }`;

describe('members', () => {
  it('a project cannot lose its last ADMIN: not by demotion, removal or leaving', async () => {
    const project = await server.createProject('solo');
    const owner = await server.createUser('owner', { [project]: 'admin' });
    const vars = { p: project, u: owner.id };
    expect(codes(await mutate<Errors>(MEMBER, { ...vars, r: 'VIEWER' }, owner.token))).toEqual([
      'LAST_ADMIN',
    ]);
    expect(codes(await mutate<Errors>(REMOVE, vars, owner.token))).toEqual(['LAST_ADMIN']);
    const members = await server.request<{ node: { members: { role: string }[] } }>(
      `query ($p: ID!) { node(id: $p) { ... on Project { members { role } } } }`,
      { p: project },
      owner.token,
    );
    expect(members.data!.node.members).toEqual([{ role: 'ADMIN' }]);
  });

  it('nobody joins without consent: an invitation waits until accepted', async () => {
    const team = await server.createProject('team');
    const admin = await server.createUser('team-admin', { [team]: 'admin' });
    const ada = await server.createUser('ada', { [server.defaultProjectId]: 'editor' });
    // Adding a non-member outright is refused: invite instead.
    expect(
      codes(await mutate<Errors>(MEMBER, { p: team, u: ada.id, r: 'EDITOR' }, admin.token)),
    ).toEqual(['NOT_A_MEMBER']);
    const invited = await mutate<
      { invitation: { id: string; status: string; projectName: string } } & Errors
    >(INVITE, { p: team, u: ada.id, r: 'EDITOR' }, admin.token);
    expect(invited.invitation).toMatchObject({ status: 'PENDING', projectName: 'team' });
    // Still one project: calls that rely on the caller's only project keep working.
    const before = await server.request<{
      me: { projects: unknown[]; invitations: { id: string }[] };
    }>(`{ me { projects { id } invitations { id } } }`, {}, ada.token);
    expect(before.data!.me).toEqual({
      projects: [{ id: server.defaultProjectId }],
      invitations: [{ id: invited.invitation.id }],
    });
    // Only ada can answer it.
    const hijack = await mutate<Errors>(
      `mutation ($id: ID!) { acceptInvitation(id: $id) { userErrors { code } } }`,
      { id: invited.invitation.id },
      admin.token,
    );
    expect(codes(hijack)).toEqual(['NOT_FOUND']);
    const accepted = await mutate<{ invitation: { status: string } } & Errors>(
      `mutation ($id: ID!) { acceptInvitation(id: $id) { invitation { status } userErrors { code } } }`,
      { id: invited.invitation.id },
      ada.token,
    );
    expect(accepted.invitation.status).toBe('ACCEPTED');
    const after = await server.request<{ me: { projects: { viewerRole: string }[] } }>(
      `{ me { projects { id viewerRole } } }`,
      {},
      ada.token,
    );
    expect(after.data!.me.projects).toHaveLength(2);
  });

  it('a removed member loses access at once; the audit log shows who did what', async () => {
    const lab = await server.createProject('lab');
    const admin = await server.createUser('lab-admin', { [lab]: 'admin' });
    const bo = await server.createUser('bo', { [lab]: 'viewer' });
    const read = () =>
      server.request<{ node: { id: string } | null }>(
        `query ($p: ID!) { node(id: $p) { id } }`,
        { p: lab },
        bo.token,
      );
    expect((await read()).data!.node).toEqual({ id: lab }); // cached now
    expect(
      (await mutate<{ removed: boolean }>(REMOVE, { p: lab, u: bo.id }, admin.token)).removed,
    ).toBe(true);
    expect((await read()).data!.node).toBeNull();

    const log = await server.request<{
      auditLog: {
        edges: { node: { action: string; actor: { name: string }; subject: { name: string } } }[];
      };
    }>(
      `query ($p: ID!) { auditLog(projectId: $p, first: 10) { edges { node { action actor { name } subject { name } } } } }`,
      { p: lab },
      admin.token,
    );
    expect(log.data!.auditLog.edges[0].node).toEqual({
      action: 'MEMBER_REMOVED',
      actor: { name: 'lab-admin' },
      subject: { name: 'bo' },
    });
    const viewer = await server.createUser('lab-viewer', { [lab]: 'viewer' });
    const denied = await server.request(
      `query ($p: ID!) { auditLog(projectId: $p) { totalCount } }`,
      { p: lab },
      viewer.token,
    );
    expect(denied.errors?.[0].extensions?.code).toBe('FORBIDDEN');
  });
});

describe('projects', () => {
  const CREATE = `mutation ($n: String!, $s: String) { createProject(input: { name: $n, slug: $s }) { project { slug } userErrors { field code message } } }`;

  it('a VIEWER-only user may not create projects; an EDITOR may', async () => {
    const viewer = await server.createUser('only-viewer', { [server.defaultProjectId]: 'viewer' });
    expect(codes(await mutate<Errors>(CREATE, { n: 'Mine' }, viewer.token))).toEqual(['FORBIDDEN']);
    const editor = await server.createUser('an-editor', { [server.defaultProjectId]: 'editor' });
    expect(codes(await mutate<Errors>(CREATE, { n: 'Mine' }, editor.token))).toEqual([]);
  });

  it('SLUG_TAKEN names only the caller’s own projects: others’ slugs stay unknown', async () => {
    const hidden = await server.createProject('secret-plan');
    expect(hidden).toBeTruthy();
    const editor = await server.createUser('slugger', { [server.defaultProjectId]: 'editor' });
    const first = await mutate<{ project: { slug: string } } & Errors>(
      CREATE,
      { n: 'x', s: 'secret-plan' },
      editor.token,
    );
    expect(first.project).toEqual({ slug: 'secret-plan' });
    expect(await server.db.fork().count(Project, { slug: 'secret-plan' })).toBe(2);
    expect(codes(await mutate<Errors>(CREATE, { n: 'y', s: 'secret-plan' }, editor.token))).toEqual(
      ['SLUG_TAKEN'],
    );
  });
});

describe('roles', () => {
  it('cancelJob by a VIEWER answers FORBIDDEN, as the README says; by an outsider NOT_FOUND', async () => {
    const em = server.db.fork();
    const job = new Job(
      em.getReference(Project, server.defaultProjectId),
      'SCORE_VARIANTS',
      {},
      'jobs/x',
    );
    em.persist(job);
    await em.flush();
    const viewer = await server.createUser('job-viewer', { [server.defaultProjectId]: 'viewer' });
    const outsider = await server.createUser('job-outsider', {});
    const CANCEL = `mutation ($id: ID!) { cancelJob(id: $id) { userErrors { field code message } } }`;
    expect(codes(await mutate<Errors>(CANCEL, { id: job.id }, viewer.token))).toEqual([
      'FORBIDDEN',
    ]);
    expect(codes(await mutate<Errors>(CANCEL, { id: job.id }, outsider.token))).toEqual([
      'NOT_FOUND',
    ]);
  });
});
