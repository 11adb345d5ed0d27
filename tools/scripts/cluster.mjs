#!/usr/bin/env node
// `npm run cluster -- up|down|status`: Strand scaled out on one machine — PostgreSQL, Redis, two
// API replicas and two workers (apps/worker), all sharing one artifact directory, or with
// STRAND_ARTIFACT_URL (s3://…, README "Scaling out") one bucket, each process then keeping its own
// local copy under its data directory. State (data, logs, pids, the admin token) lives in
// .strand-cluster/ (STRAND_CLUSTER_DIR). Installs Debian's
// postgresql and redis-server when missing (as root). README, "Scaling out", says how to spread
// the same processes over several machines.
import { execFileSync, spawn, spawnSync } from 'node:child_process';
import { randomBytes } from 'node:crypto';
import {
  chmodSync,
  chownSync,
  existsSync,
  mkdirSync,
  openSync,
  readdirSync,
  readFileSync,
  rmSync,
  writeFileSync,
} from 'node:fs';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';

const root = fileURLToPath(new URL('../../', import.meta.url));
const dir = process.env.STRAND_CLUSTER_DIR || join(root, '.strand-cluster');
const stateFile = join(dir, 'cluster.json');
const PG_PORT = Number(process.env.STRAND_CLUSTER_PG_PORT || 54329);
const REDIS_PORT = Number(process.env.STRAND_CLUSTER_REDIS_PORT || 63799);
const API_PORTS = (process.env.STRAND_CLUSTER_API_PORTS || '4101,4102').split(',').map(Number);
const WORKERS = Number(process.env.STRAND_CLUSTER_WORKERS || 2);
const isRoot = process.getuid?.() === 0;
// How long an API replica or the workers may take to start: a replica compiles and loads the
// whole server (tsx), which took over 90 s on a shared 2-core machine at load average 20.
const START_SECONDS = Number(process.env.STRAND_CLUSTER_START_SECONDS || 240);

function log(message) {
  console.error(`cluster: ${message}`);
}

function pgBin() {
  const base = '/usr/lib/postgresql';
  if (!existsSync(base)) return null;
  const versions = readdirSync(base).filter((v) => existsSync(join(base, v, 'bin/initdb')));
  versions.sort((a, b) => Number(b) - Number(a));
  return versions.length ? join(base, versions[0], 'bin') : null;
}

function ensureInstalled() {
  const missing = [];
  if (!pgBin()) missing.push('postgresql');
  if (spawnSync('sh', ['-c', 'command -v redis-server']).status !== 0) missing.push('redis-server');
  if (missing.length === 0) return;
  if (!isRoot)
    throw new Error(`missing ${missing.join(', ')}: sudo apt-get install -y ${missing.join(' ')}`);
  log(`installing Debian's ${missing.join(', ')}…`);
  execFileSync('apt-get', ['update', '-qq'], { stdio: 'inherit' });
  execFileSync('apt-get', ['install', '-y', '-qq', '-o', 'DPkg::Lock::Timeout=600', ...missing], {
    stdio: 'inherit',
    env: { ...process.env, DEBIAN_FRONTEND: 'noninteractive' },
  });
}

/** Runs a PostgreSQL binary as the cluster's owner (PostgreSQL refuses root). */
function asPostgres(bin, args, options = {}) {
  const command = isRoot ? ['runuser', ['-u', 'postgres', '--', bin, ...args]] : [bin, args];
  return spawnSync(command[0], command[1], { encoding: 'utf8', ...options });
}

function readState() {
  return existsSync(stateFile) ? JSON.parse(readFileSync(stateFile, 'utf8')) : null;
}

function alive(pid) {
  try {
    process.kill(pid, 0);
    return true;
  } catch {
    return false;
  }
}

async function waitFor(what, check, seconds = START_SECONDS) {
  const until = Date.now() + seconds * 1000;
  while (Date.now() < until) {
    if (await check()) return;
    await new Promise((r) => setTimeout(r, 300));
  }
  throw new Error(`${what} did not come up within ${seconds} s (logs in ${dir}/logs)`);
}

async function httpOk(url) {
  try {
    return (await fetch(url)).ok;
  } catch {
    return false;
  }
}

function startPostgres() {
  const bin = pgBin();
  const data = join(dir, 'postgres');
  if (!existsSync(join(data, 'PG_VERSION'))) {
    mkdirSync(data, { recursive: true });
    if (isRoot) chownSync(data, Number(execFileSync('id', ['-u', 'postgres']).toString()), 0);
    const r = asPostgres(join(bin, 'initdb'), [
      '-D',
      data,
      '-U',
      'strand',
      '--auth=trust',
      '-E',
      'UTF8',
    ]);
    if (r.status !== 0) throw new Error(`initdb failed: ${r.stderr}`);
  }
  const sock = join(dir, 'postgres');
  const r = asPostgres(join(bin, 'pg_ctl'), [
    '-D',
    data,
    '-l',
    join(data, 'server.log'),
    '-w',
    '-t',
    '60',
    '-o',
    `-p ${PG_PORT} -k ${sock} -c listen_addresses=127.0.0.1 -c max_connections=200`,
    'start',
  ]);
  if (r.status !== 0 && !/another server might be running/.test(r.stderr)) {
    throw new Error(`PostgreSQL did not start: ${r.stderr || r.stdout}`);
  }
  const create = asPostgres(join(bin, 'psql'), [
    '-h',
    '127.0.0.1',
    '-p',
    String(PG_PORT),
    '-U',
    'strand',
    '-d',
    'postgres',
    '-tAc',
    "select 1 from pg_database where datname = 'strand'",
  ]);
  if (!create.stdout.includes('1')) {
    const c = asPostgres(join(bin, 'createdb'), [
      '-h',
      '127.0.0.1',
      '-p',
      String(PG_PORT),
      '-U',
      'strand',
      'strand',
    ]);
    if (c.status !== 0) throw new Error(`createdb failed: ${c.stderr}`);
  }
  return `postgres://strand@127.0.0.1:${PG_PORT}/strand`;
}

function startRedis() {
  const data = join(dir, 'redis');
  mkdirSync(data, { recursive: true });
  const r = spawnSync(
    'redis-server',
    [
      '--port',
      String(REDIS_PORT),
      '--bind',
      '127.0.0.1',
      '--daemonize',
      'yes',
      '--dir',
      data,
      '--pidfile',
      join(data, 'redis.pid'),
      '--logfile',
      join(data, 'redis.log'),
      '--appendonly',
      'yes',
      '--save',
      '',
      '--maxmemory-policy',
      'noeviction',
    ],
    { encoding: 'utf8' },
  );
  if (r.status !== 0) throw new Error(`redis-server did not start: ${r.stderr}`);
  return `redis://127.0.0.1:${REDIS_PORT}`;
}

function spawnDetached(name, script, env) {
  const logs = join(dir, 'logs');
  mkdirSync(logs, { recursive: true });
  const out = openSync(join(logs, `${name}.log`), 'a');
  const child = spawn(process.execPath, ['--import', 'tsx', join(root, script)], {
    cwd: root,
    detached: true,
    stdio: ['ignore', out, out],
    env: { ...process.env, ...env },
  });
  child.unref();
  return child.pid;
}

async function up() {
  const existing = readState();
  if (existing && existing.processes.some((p) => alive(p.pid))) {
    log('already up');
    return status();
  }
  ensureInstalled();
  mkdirSync(dir, { recursive: true });
  // PostgreSQL runs as `postgres` under root: it must reach its data directory inside.
  if (isRoot) chmodSync(dir, 0o755);
  const databaseUrl = startPostgres();
  const redisUrl = startRedis();
  // A bucket: nothing on disk is shared; every process gets its own STRAND_ARTIFACT_DIR below.
  const bucket = process.env.STRAND_ARTIFACT_URL || null;
  const artifactDir = bucket ? null : join(dir, 'artifacts');
  if (artifactDir) mkdirSync(artifactDir, { recursive: true });
  const artifactsOf = (name) => ({
    STRAND_ARTIFACT_DIR: artifactDir ?? join(dir, name, 'artifact-cache'),
  });
  const adminToken = existing?.adminToken ?? `strand_${randomBytes(24).toString('base64url')}`;
  const shared = {
    STRAND_DATABASE_URL: databaseUrl,
    STRAND_REDIS_URL: redisUrl,
    STRAND_ADMIN_TOKEN: adminToken,
    STRAND_LOG_LEVEL: process.env.STRAND_LOG_LEVEL || 'info',
  };
  const processes = [];
  // Saved after every spawn: a replica that never comes up is still stopped by `down`.
  const save = () => {
    writeFileSync(
      stateFile,
      JSON.stringify(
        { databaseUrl, redisUrl, artifactDir, bucket, adminToken, processes },
        null,
        2,
      ),
      { mode: 0o600 },
    );
    chmodSync(stateFile, 0o600);
  };
  // The first replica applies the migrations and creates the admin; the rest start after it.
  for (const [i, port] of API_PORTS.entries()) {
    const pid = spawnDetached(`api-${i + 1}`, 'apps/api/src/main.ts', {
      ...shared,
      ...artifactsOf(`api-${i + 1}`),
      STRAND_PORT: String(port),
      STRAND_DATA_DIR: join(dir, `api-${i + 1}`),
    });
    processes.push({ name: `api-${i + 1}`, pid, url: `http://127.0.0.1:${port}` });
    save();
    await waitFor(`api-${i + 1}`, () => httpOk(`http://127.0.0.1:${port}/health`));
  }
  for (let i = 1; i <= WORKERS; i++) {
    const pid = spawnDetached(`worker-${i}`, 'apps/worker/src/main.ts', {
      ...shared,
      ...artifactsOf(`worker-${i}`),
      STRAND_DATA_DIR: join(dir, `worker-${i}`),
    });
    processes.push({ name: `worker-${i}`, pid });
    save();
  }
  await waitFor('the workers', () =>
    processes
      .filter((p) => p.name.startsWith('worker'))
      .every((p) => {
        const file = join(dir, 'logs', `${p.name}.log`);
        return existsSync(file) && readFileSync(file, 'utf8').includes('ready');
      }),
  );
  return status();
}

async function status() {
  const state = readState();
  if (!state) {
    console.log('cluster: down');
    return 1;
  }
  for (const p of state.processes) {
    const up = alive(p.pid) && (!p.url || (await httpOk(`${p.url}/health`)));
    console.log(
      `${p.name.padEnd(9)} ${up ? 'up  ' : 'DOWN'} pid ${p.pid}${p.url ? `  ${p.url}/graphql` : ''}`,
    );
  }
  console.log(`postgres  ${state.databaseUrl}`);
  console.log(`redis     ${state.redisUrl}`);
  console.log(`artifacts ${state.bucket ?? state.artifactDir}`);
  console.log(`admin API token: ${state.adminToken}`);
  return 0;
}

async function down() {
  const state = readState();
  if (state) {
    for (const p of state.processes) if (alive(p.pid)) process.kill(p.pid, 'SIGTERM');
    await waitFor(
      'the processes to stop',
      () => state.processes.every((p) => !alive(p.pid)),
      60,
    ).catch(() => {
      for (const p of state.processes) if (alive(p.pid)) process.kill(p.pid, 'SIGKILL');
    });
  }
  spawnSync('redis-cli', ['-p', String(REDIS_PORT), 'shutdown', 'nosave'], { stdio: 'ignore' });
  const bin = pgBin();
  if (bin && existsSync(join(dir, 'postgres', 'PG_VERSION'))) {
    asPostgres(join(bin, 'pg_ctl'), ['-D', join(dir, 'postgres'), '-m', 'fast', 'stop']);
  }
  if (process.argv.includes('--purge')) rmSync(dir, { recursive: true, force: true });
  else if (state) writeFileSync(stateFile, JSON.stringify({ ...state, processes: [] }, null, 2));
  console.log('cluster: down');
  return 0;
}

const command = process.argv[2];
const actions = { up, down, status };
if (!actions[command]) {
  console.error(
    'usage: npm run cluster -- up|down|status   (down --purge also deletes .strand-cluster)',
  );
  process.exit(2);
}
actions[command]().then(
  (code) => process.exit(code ?? 0),
  (error) => {
    console.error(`cluster: ${error.message}`);
    process.exit(1);
  },
);
