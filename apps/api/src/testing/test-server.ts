import { randomBytes } from 'node:crypto';
import { mkdtemp, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { createClient } from 'graphql-ws';
import type { Client } from 'graphql-ws';
import WebSocket from 'ws';
import {
  ensureFirstAdmin,
  issueApiToken,
  Membership,
  openDatabase,
  Project,
  User,
} from '@strand/data';
import { connectCluster, Jobs } from '@strand/jobs';
import type { Role } from '@strand/data';
import { createTestPostgresDatabase, testDialect } from '@strand/data/testing';
import { startStrandServer } from '../http/server.ts';
import type { StrandServer, StrandServerOptions } from '../http/server.ts';

export interface GraphQLResponse<T> {
  data?: T;
  errors?: Array<{ message: string; extensions?: Record<string, unknown> }>;
}

export interface TestUser {
  id: string;
  token: string;
}

/** A job once it ended, as job(id) shows it. */
export interface FinishedJob {
  id: string;
  kind: string;
  status: string;
  error: string | null;
  result: string | null;
  progress: { done: number; total: number | null; unit: string };
  outputDataset: { id: string; checksum: string | null; recordCount: number } | null;
}

const FINISHED_JOB = `query ($id: ID!) { job(id: $id) { id kind status error result
  progress { done total unit } outputDataset { id checksum recordCount } } }`;

export interface TestServer extends StrandServer {
  /** The first admin's token (admin of the `default` project); the default for every call. */
  adminToken: string;
  defaultProjectId: string;
  /** POSTs a GraphQL operation with `token`; returns the parsed response body. */
  request<T = Record<string, unknown>>(
    query: string,
    variables?: Record<string, unknown>,
    token?: string | null,
  ): Promise<GraphQLResponse<T>>;
  /** Collects a subscription's events until `until` says stop (or the stream ends). */
  subscribe<T>(
    query: string,
    variables: Record<string, unknown>,
    until: (event: T) => boolean,
    token?: string,
  ): Promise<T[]>;
  /** Waits for a job to end (jobProgress until done) and returns it as job(id) shows it. */
  waitForJob(jobId: string, token?: string): Promise<FinishedJob>;
  /**
   * A demo dataset made through createDemoDataset (a job), waited for: its id. Throws on
   * userErrors or a job that did not succeed.
   */
  demoDataset(input: Record<string, unknown>, token?: string): Promise<string>;
  /** A project made directly in the database (no member yet). */
  createProject(slug: string): Promise<string>;
  /** A user with a token and the given roles, made directly in the database. */
  createUser(name: string, roles: Record<string, Role>): Promise<TestUser>;
  stop(): Promise<void>;
}

/**
 * The worker side of a test cluster: what apps/worker runs (its own database connection, a
 * consuming BullMQ engine and the Redis bus under the server's queue prefix), in this process.
 */
async function startTestWorker(
  redisUrl: string,
  prefix: string,
  server: Pick<
    StrandServerOptions,
    'dataDir' | 'databaseUrl' | 'concurrency' | 'stallSeconds' | 'logger' | 'limits'
  >,
): Promise<{ close(): Promise<void> }> {
  const db = await openDatabase({ dataDir: server.dataDir, databaseUrl: server.databaseUrl });
  const cluster = connectCluster(redisUrl, { consume: true, prefix });
  const jobs = new Jobs(db, cluster.bus, {
    engine: cluster.engine,
    concurrency: server.concurrency ?? 1,
    ...(server.stallSeconds !== undefined ? { stallSeconds: server.stallSeconds } : {}),
    // Where jobs start, the limit is checked: the worker's is the cluster's.
    ...(server.limits?.projectRunningLimit
      ? { projectRunningLimit: server.limits.projectRunningLimit }
      : {}),
    // The job lifecycle lines go where the server's go (a cluster's log collector).
    ...(server.logger ? { log: server.logger.child({ component: 'jobs' }) } : {}),
  });
  let closing: Promise<void> | null = null;
  return {
    close: () =>
      (closing ??= (async () => {
        await jobs.close();
        await cluster.close();
        await db.close();
      })()),
  };
}

/**
 * A real server on a free loopback port with a fresh data directory and a first admin; its
 * database is SQLite, or a fresh PostgreSQL database when STRAND_TEST_DATABASE=postgresql (see
 * @strand/data/testing). With STRAND_TEST_REDIS_URL too (see
 * vitest.cluster.config.ts), it is a scaled-out cluster: the server only queues, on BullMQ under
 * a prefix of its own, and a worker (apps/worker's wiring, in this process) runs every run and
 * job; progress reaches subscriptions through Redis pub/sub.
 */
export async function startTestServer(
  options: Partial<StrandServerOptions> = {},
): Promise<TestServer> {
  const dataDir = await mkdtemp(join(tmpdir(), 'strand-api-'));
  const postgres = testDialect() === 'postgresql' ? await createTestPostgresDatabase() : null;
  const redisUrl = process.env.STRAND_TEST_REDIS_URL;
  if (redisUrl && !postgres)
    throw new Error('STRAND_TEST_REDIS_URL needs STRAND_TEST_DATABASE=postgresql (a cluster)');
  const queuePrefix = redisUrl ? `strand-test-${randomBytes(6).toString('hex')}` : undefined;
  const server = await startStrandServer({
    port: 0,
    dataDir,
    dashboardDir: null,
    ...(postgres ? { databaseUrl: postgres.url } : {}),
    ...(redisUrl ? { redisUrl, queuePrefix } : {}),
    ...options,
  });
  const worker =
    redisUrl && queuePrefix
      ? await startTestWorker(redisUrl, queuePrefix, {
          dataDir,
          databaseUrl: postgres!.url,
          ...options,
        })
      : null;
  const admin = (await ensureFirstAdmin(server.db.fork()))!;
  const clients = new Map<string, Client>();
  const wsClient = (token: string) => {
    let client = clients.get(token);
    if (!client) {
      client = createClient({
        url: `${server.url.replace('http', 'ws')}/graphql`,
        webSocketImpl: WebSocket,
        lazy: true,
        retryAttempts: 0,
        connectionParams: { authorization: `Bearer ${token}` },
      });
      clients.set(token, client);
    }
    return client;
  };
  const testServer: TestServer = {
    ...server,
    // A cluster stops with its worker (running runs go back on the queue, as on SIGTERM).
    async close() {
      await server.close();
      await worker?.close();
    },
    adminToken: admin.token,
    defaultProjectId: admin.project.id,
    async request<T>(
      query: string,
      variables?: Record<string, unknown>,
      token: string | null = admin.token,
    ): Promise<GraphQLResponse<T>> {
      const headers: Record<string, string> = { 'content-type': 'application/json' };
      if (token) headers.authorization = `Bearer ${token}`;
      const res = await fetch(`${server.url}/graphql`, {
        method: 'POST',
        headers,
        body: JSON.stringify({ query, variables }),
      });
      return (await res.json()) as GraphQLResponse<T>;
    },
    subscribe<T>(
      query: string,
      variables: Record<string, unknown>,
      until: (event: T) => boolean,
      token = admin.token,
    ) {
      return new Promise<T[]>((resolve, reject) => {
        const events: T[] = [];
        const unsubscribe = wsClient(token).subscribe<T>(
          { query, variables },
          {
            next: (result) => {
              if (result.errors) return reject(new Error(JSON.stringify(result.errors)));
              events.push(result.data as T);
              if (until(result.data as T)) {
                unsubscribe();
                resolve(events);
              }
            },
            error: (error) =>
              reject(error instanceof Error ? error : new Error(JSON.stringify(error))),
            complete: () => resolve(events),
          },
        );
      });
    },
    async waitForJob(jobId: string, token = admin.token) {
      await testServer.subscribe<{ jobProgress: { done: boolean } }>(
        `subscription ($id: ID!) { jobProgress(jobId: $id) { done } }`,
        { id: jobId },
        (e) => e.jobProgress.done,
        token,
      );
      const res = await testServer.request<{ job: FinishedJob }>(
        FINISHED_JOB,
        { id: jobId },
        token,
      );
      if (!res.data?.job) throw new Error(`job ${jobId}: ${JSON.stringify(res.errors)}`);
      return res.data.job;
    },
    async demoDataset(input: Record<string, unknown>, token = admin.token) {
      const res = await testServer.request<{
        createDemoDataset: { job: { id: string } | null; userErrors: unknown[] };
      }>(
        `mutation ($input: CreateDemoDatasetInput!) {
          createDemoDataset(input: $input) { job { id } userErrors { field code message } } }`,
        { input },
        token,
      );
      const payload = res.data?.createDemoDataset;
      if (!payload?.job)
        throw new Error(`createDemoDataset: ${JSON.stringify(res.errors ?? payload)}`);
      const job = await testServer.waitForJob(payload.job.id, token);
      if (job.status !== 'SUCCEEDED' || !job.outputDataset)
        throw new Error(`demo job ${job.status}: ${job.error}`);
      return job.outputDataset.id;
    },
    async createProject(slug: string) {
      const em = server.db.fork();
      const project = new Project(slug, slug);
      em.persist(project);
      await em.flush();
      return project.id;
    },
    async createUser(name: string, roles: Record<string, Role>) {
      const em = server.db.fork();
      const user = new User(name);
      em.persist(user);
      for (const [projectId, role] of Object.entries(roles)) {
        em.persist(new Membership(user, em.getReference(Project, projectId), role));
      }
      const { token } = await issueApiToken(em, user, 'test');
      return { id: user.id, token };
    },
    async stop() {
      await Promise.all([...clients.values()].map((c) => c.dispose()));
      await testServer.close();
      await postgres?.drop();
      await rm(dataDir, { recursive: true, force: true });
    },
  };
  return testServer;
}
