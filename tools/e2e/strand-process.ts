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
    const timer = setTimeout(
      () => reject(new Error(`no URL printed within 60 s:\n${output}`)),
      60_000,
    );
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
