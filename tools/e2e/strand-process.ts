import { spawn, spawnSync } from 'node:child_process';
import type { ChildProcess } from 'node:child_process';
import { mkdtemp, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';

const root = fileURLToPath(new URL('../../', import.meta.url));

export interface StrandProcess {
  url: string;
  child: ChildProcess;
  /** Everything the process printed so far (stdout and stderr). */
  output(): string;
  stop(): Promise<void>;
}

/**
 * Builds the dashboard into a temporary directory (leaves apps/dashboard/dist alone), as a
 * production build: NODE_ENV is left out, since vitest sets it to `test` and Vite would then
 * bundle React's development build (~50% more JS). `extraArgs` go to `vite build`.
 */
export function buildDashboard(outDir: string, extraArgs: readonly string[] = []): void {
  const { NODE_ENV: _nodeEnv, ...env } = process.env;
  const result = spawnSync(
    'npx',
    [
      'vite',
      'build',
      join(root, 'apps/dashboard'),
      '--outDir',
      outDir,
      '--emptyOutDir',
      '--logLevel',
      'error',
      ...extraArgs,
    ],
    { cwd: root, encoding: 'utf8', env },
  );
  if (result.status !== 0) throw new Error(`dashboard build failed:\n${result.stderr}`);
}

/** Starts `npm run api`'s entry as a real process on a free port; resolves once it prints its URL. */
export async function startStrand(env: Record<string, string> = {}): Promise<StrandProcess> {
  const dataDir = await mkdtemp(join(tmpdir(), 'strand-e2e-'));
  const child = spawn(process.execPath, ['--import', 'tsx', join(root, 'apps/api/src/main.ts')], {
    cwd: root,
    env: { ...process.env, STRAND_PORT: '0', STRAND_DATA_DIR: dataDir, ...env },
    stdio: ['ignore', 'pipe', 'pipe'],
  });
  let output = '';
  const url = await new Promise<string>((resolve, reject) => {
    // A server that is slow to start (a loaded machine) is stopped, not left running orphaned.
    const timer = setTimeout(() => {
      child.kill('SIGTERM');
      void rm(dataDir, { recursive: true, force: true });
      reject(new Error(`no URL printed within 60 s:\n${output}`));
    }, 60_000);
    const onData = (chunk: Buffer) => {
      output += chunk.toString();
      const match = /Strand API:\s+(http:\/\/\S+)\/graphql/.exec(output);
      if (match) {
        clearTimeout(timer);
        resolve(match[1]);
      }
    };
    child.stdout!.on('data', onData);
    child.stderr!.on('data', onData);
    child.once('exit', (code) => reject(new Error(`API exited with code ${code}:\n${output}`)));
  });
  return {
    url,
    child,
    output: () => output,
    async stop() {
      if (child.exitCode === null) {
        const exited = new Promise((resolve) => child.once('exit', resolve));
        child.kill('SIGTERM');
        await exited;
      }
      await rm(dataDir, { recursive: true, force: true });
    },
  };
}

/** One GraphQL call to `url` as a client would make it; throws on any error. */
export async function graphql<T>(
  url: string,
  token: string,
  query: string,
  variables?: unknown,
): Promise<T> {
  const response = await fetch(`${url}/graphql`, {
    method: 'POST',
    headers: { 'content-type': 'application/json', authorization: `Bearer ${token}` },
    body: JSON.stringify({ query, variables }),
  });
  const body = (await response.json()) as { data?: T; errors?: { message: string }[] };
  if (body.errors?.length) throw new Error(body.errors.map((e) => e.message).join('; '));
  return body.data as T;
}

/** Imports a sequence table of the import directory; returns the dataset id once it is stored. */
export async function importSequenceTable(
  url: string,
  token: string,
  path: string,
  name: string,
): Promise<string> {
  const started = await graphql<{ importDataset: { job: { id: string } | null } }>(
    url,
    token,
    'mutation ($input: ImportDatasetInput!) { importDataset(input: $input) { job { id } } }',
    { input: { kind: 'sequence-classification', path, name } },
  );
  return outputDataset(url, token, started.importDataset.job!.id, `import of ${path}`);
}

/** A planted-motif demo dataset made by its job (createDemoDataset); its id once stored. */
export async function createDemoDataset(
  url: string,
  token: string,
  input: Record<string, unknown>,
): Promise<string> {
  const started = await graphql<{
    createDemoDataset: { job: { id: string } | null; userErrors: { message: string }[] };
  }>(
    url,
    token,
    `
      mutation ($input: CreateDemoDatasetInput!) {
        createDemoDataset(input: $input) {
          job {
            id
          }
          userErrors {
            message
          }
        }
      }
    `,
    { input },
  );
  const { job, userErrors } = started.createDemoDataset;
  if (!job) throw new Error(`createDemoDataset: ${userErrors.map((e) => e.message).join('; ')}`);
  return outputDataset(url, token, job.id, 'demo dataset');
}

/** Polls a job that makes a dataset until it ends; the dataset's id, or an error naming `what`. */
async function outputDataset(url: string, token: string, jobId: string, what: string) {
  for (let i = 0; i < 600; i++) {
    const { job } = await graphql<{
      job: { status: string; error: string | null; outputDataset: { id: string } | null };
    }>(url, token, 'query ($id: ID!) { job(id: $id) { status error outputDataset { id } } }', {
      id: jobId,
    });
    if (job.status === 'SUCCEEDED' && job.outputDataset) return job.outputDataset.id;
    if (job.status === 'FAILED' || job.status === 'CANCELLED') {
      throw new Error(`${what}: ${job.status}${job.error ? ` (${job.error})` : ''}`);
    }
    await new Promise((resolve) => setTimeout(resolve, 100));
  }
  throw new Error(`${what} did not finish`);
}
