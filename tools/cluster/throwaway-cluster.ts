/**
 * A throwaway scaled-out cluster for the cluster test and bench:cluster: tools/scripts/cluster.mjs
 * in a temp dir on the test's own ports (PostgreSQL 54339, Redis 63809, API replicas 4111 and
 * 4112), so it never meets a developer's `npm run cluster` (54329, 63799, 4101/4102).
 */
import { execFileSync } from 'node:child_process';
import { mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';

const root = fileURLToPath(new URL('../../', import.meta.url));

export interface ClusterState {
  databaseUrl: string;
  adminToken: string;
  /** The directory every process shares; null with a bucket. */
  artifactDir: string | null;
  /** STRAND_ARTIFACT_URL when the artifacts are in a bucket (each process its own local copy). */
  bucket?: string | null;
  processes: { name: string; pid: number; url?: string }[];
}

export interface ThrowawayCluster {
  dir: string;
  state: ClusterState;
  /** Replica A's and B's base URLs. */
  urls: [string, string];
  /** A GraphQL request as the admin; throws on errors. */
  gql<T>(url: string, query: string, variables?: object): Promise<T>;
  /** Stops every process and, unless `keep`, deletes the temp dir. */
  down(keep?: boolean): void;
}

/** Starts the cluster (`workers` apps/worker processes; `env` reaches every process). */
export async function startThrowawayCluster(
  options: { workers?: number; env?: NodeJS.ProcessEnv } = {},
): Promise<ThrowawayCluster> {
  const dir = mkdtempSync(join(tmpdir(), 'strand-cluster-test-'));
  const env = {
    ...process.env,
    ...options.env,
    STRAND_CLUSTER_DIR: dir,
    STRAND_CLUSTER_PG_PORT: '54339',
    STRAND_CLUSTER_REDIS_PORT: '63809',
    STRAND_CLUSTER_API_PORTS: '4111,4112',
    STRAND_CLUSTER_WORKERS: String(options.workers ?? 2),
    STRAND_LOG_LEVEL: 'info',
  };
  const cluster = (command: string) =>
    execFileSync(process.execPath, [join(root, 'tools/scripts/cluster.mjs'), command], {
      env,
      stdio: ['ignore', 'pipe', 'inherit'],
    }).toString();
  const down = (keep = false) => {
    if (keep) return;
    try {
      cluster('down');
    } catch {
      /* cluster.mjs reported it on stderr */
    }
    rmSync(dir, { recursive: true, force: true });
  };
  try {
    cluster('up');
  } catch (error) {
    down();
    throw error;
  }
  // `cluster up` blocked the event loop: let fetch see that the sockets it keeps alive to an
  // earlier cluster on the same ports are closed, or its first request here writes to one (EPIPE).
  await new Promise((resolve) => setTimeout(resolve, 100));
  const state = JSON.parse(readFileSync(join(dir, 'cluster.json'), 'utf8')) as ClusterState;
  const [a, b] = state.processes.flatMap((p) => (p.url ? [p.url] : []));
  const auth = { authorization: `Bearer ${state.adminToken}` };
  return {
    dir,
    state,
    urls: [a, b],
    async gql<T>(url: string, query: string, variables: object = {}): Promise<T> {
      const res = await fetch(`${url}/graphql`, {
        method: 'POST',
        headers: { 'content-type': 'application/json', ...auth },
        body: JSON.stringify({ query, variables }),
      });
      const body = (await res.json()) as { data?: T; errors?: unknown };
      if (!body.data || body.errors) throw new Error(`GraphQL: ${JSON.stringify(body.errors)}`);
      return body.data;
    },
    down,
  };
}
