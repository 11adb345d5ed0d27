/**
 * `strand import --api URL`: sends the files to a running API's POST /upload as one
 * multipart/form-data body (`file`, and `labels` for expression), streamed from disk with its
 * length known up front, so the server can refuse an oversized upload before reading it. The
 * server answers 202 with the import job it queued; the job is then followed over GraphQL
 * (job(id), polled) until it ends, and the dataset it made is read back.
 */
import { createReadStream } from 'node:fs';
import { stat } from 'node:fs/promises';
import { request as httpRequest } from 'node:http';
import type { IncomingMessage } from 'node:http';
import { request as httpsRequest } from 'node:https';
import { basename } from 'node:path';
import { Readable } from 'node:stream';
import { pipeline } from 'node:stream/promises';
import { CliError } from '../cli-error.ts';
import type { RuleWarnings } from '../warnings-output.ts';

/** What `strand import --api` sends. */
export interface ApiImport {
  api: string;
  token: string;
  /** Project id or slug; the server picks the caller's only project when omitted. */
  project?: string;
  kind: string;
  path: string;
  labels?: string;
  labelColumn?: string;
  featureColumns?: string[];
  profileColumn?: string;
  orientation?: string;
  name?: string;
  genomeBuild?: string;
  /** Refuse deviations from the format's specification instead of warning. */
  strict?: boolean;
  /** Bytes of the body sent so far, of `total`. */
  onProgress?: (sent: number, total: number) => void;
  /** The import job's progress, once the upload is sent. */
  onJobProgress?: (progress: JobProgressView) => void;
  /** How often the job is polled (default 250 ms). */
  pollMs?: number;
}

/** A job's progress as the API reports it. */
export interface JobProgressView {
  done: number;
  total: number | null;
  unit: string;
  message: string | null;
}

/** The dataset as the upload endpoint describes it. */
export interface UploadedDataset {
  id: string;
  name: string;
  kind: string;
  status: string;
  projectId: string;
  recordCount: number;
  sequenceLength: number | null;
  labelCounts: Record<string, number>;
  genomeBuild: string | null;
  checksum: string | null;
  /** What the readers tolerated, per rule (see Dataset.warnings). */
  warnings: RuleWarnings[];
  createdAt: string;
}

interface Part {
  field: string;
  path: string;
  head: Buffer;
  size: number;
}

const quote = (name: string) => name.replace(/["\r\n\\]/g, '_');

async function partsOf(files: [string, string][], boundary: string): Promise<Part[]> {
  return Promise.all(
    files.map(async ([field, path]) => ({
      field,
      path,
      size: (await stat(path)).size,
      head: Buffer.from(
        `--${boundary}\r\nContent-Disposition: form-data; name="${field}"; filename="${quote(basename(path))}"\r\nContent-Type: application/octet-stream\r\n\r\n`,
      ),
    })),
  );
}

async function* bodyOf(parts: Part[], tail: Buffer): AsyncGenerator<Buffer> {
  for (const part of parts) {
    yield part.head;
    yield* createReadStream(part.path) as AsyncIterable<Buffer>;
    yield Buffer.from('\r\n');
  }
  yield tail;
}

async function readJson(res: IncomingMessage): Promise<unknown> {
  const chunks: Buffer[] = [];
  for await (const chunk of res) chunks.push(chunk as Buffer);
  const text = Buffer.concat(chunks).toString('utf8');
  try {
    return JSON.parse(text);
  } catch {
    throw new CliError(`the API answered ${res.statusCode} with something that is not JSON`);
  }
}

interface UploadAnswer {
  job?: { id: string; status: string };
  userErrors?: { field: string | null; code: string; message: string }[];
  errors?: { code: string; message: string }[];
}

/** The upload endpoint of an API base URL (`http://host:4000` → `http://host:4000/upload`). */
export function uploadUrl(api: string): URL {
  try {
    const url = new URL('upload', api.endsWith('/') ? api : `${api}/`);
    if (url.protocol === 'http:' || url.protocol === 'https:') return url;
  } catch {
    // reported below
  }
  throw new CliError(`strand import: --api "${api}" is not an http(s) URL`, 2);
}

/** Uploads the files and returns the imported dataset; every failure is a CliError. */
export async function importThroughApi(o: ApiImport): Promise<UploadedDataset> {
  const url = uploadUrl(o.api);
  const query: Record<string, string | undefined> = {
    kind: o.kind,
    project: o.project,
    name: o.name,
    labelColumn: o.labelColumn,
    profileColumn: o.profileColumn,
    orientation: o.orientation,
    genomeBuild: o.genomeBuild,
    strict: o.strict ? 'true' : undefined,
  };
  for (const [key, value] of Object.entries(query)) if (value) url.searchParams.set(key, value);
  for (const column of o.featureColumns ?? []) url.searchParams.append('featureColumn', column);
  const boundary = `strand-${crypto.randomUUID()}`;
  const files: [string, string][] = [['file', o.path]];
  if (o.labels) files.push(['labels', o.labels]);
  const parts = await partsOf(files, boundary);
  const tail = Buffer.from(`--${boundary}--\r\n`);
  const total = parts.reduce((sum, p) => sum + p.head.length + p.size + 2, 0) + tail.length;
  const send = url.protocol === 'https:' ? httpsRequest : httpRequest;
  const req = send(url, {
    method: 'POST',
    headers: {
      authorization: `Bearer ${o.token}`,
      'content-type': `multipart/form-data; boundary=${boundary}`,
      'content-length': String(total),
    },
  });
  const answered = new Promise<IncomingMessage>((resolve, reject) => {
    req.on('response', resolve);
    req.on('error', reject);
  });
  async function* counted(): AsyncGenerator<Buffer> {
    let sent = 0;
    for await (const chunk of bodyOf(parts, tail)) {
      yield chunk;
      sent += chunk.length;
      o.onProgress?.(sent, total);
    }
  }
  let res: IncomingMessage;
  try {
    // The server may answer (401, 413) before it has read the body: take its answer then.
    [res] = await Promise.all([
      answered,
      pipeline(Readable.from(counted()), req).catch(() => undefined),
    ]);
  } catch (error) {
    throw new CliError(`cannot reach ${url.origin}: ${(error as Error).message}`);
  }
  const answer = (await readJson(res)) as UploadAnswer;
  if (res.statusCode === 202 && answer.job) return followImport(o, answer.job.id);
  const problems = answer.userErrors ?? answer.errors ?? [];
  const message = problems.map((p) => p.message).join('\n') || `HTTP ${res.statusCode}`;
  const usage = problems.some((p) => ['UNKNOWN_KIND', 'REQUIRED'].includes(p.code));
  throw new CliError(message, usage ? 2 : 1);
}

const JOB = `query ($id: ID!) { job(id: $id) { status error progress { done total unit message }
  outputDataset { id name kind status project { id } recordCount sequenceLength
    labelCounts { label count } genomeBuild checksum createdAt
    warnings { rule count examples { file line message } } } } }`;

interface JobView {
  status: string;
  error: string | null;
  progress: JobProgressView;
  outputDataset:
    | (Omit<UploadedDataset, 'projectId' | 'labelCounts'> & {
        project: { id: string };
        labelCounts: { label: string; count: number }[];
      })
    | null;
}

/** Polls the import job until it ends; its dataset, or a CliError with the job's reason. */
async function followImport(o: ApiImport, jobId: string): Promise<UploadedDataset> {
  const url = new URL('graphql', o.api.endsWith('/') ? o.api : `${o.api}/`);
  for (;;) {
    let body: { data?: { job: JobView | null }; errors?: { message: string }[] };
    try {
      const res = await fetch(url, {
        method: 'POST',
        headers: { authorization: `Bearer ${o.token}`, 'content-type': 'application/json' },
        body: JSON.stringify({ query: JOB, variables: { id: jobId } }),
      });
      body = (await res.json()) as typeof body;
    } catch (error) {
      throw new CliError(`cannot follow import job ${jobId}: ${(error as Error).message}`);
    }
    const job = body.data?.job;
    if (!job) {
      const reason = body.errors?.map((e) => e.message).join('; ') ?? 'not found';
      throw new CliError(`cannot follow import job ${jobId}: ${reason}`);
    }
    o.onJobProgress?.(job.progress);
    if (job.status === 'SUCCEEDED' && job.outputDataset) {
      const { project, labelCounts, ...d } = job.outputDataset;
      return {
        ...d,
        projectId: project.id,
        labelCounts: Object.fromEntries(labelCounts.map((c) => [c.label, c.count])),
      };
    }
    if (job.status === 'FAILED') throw new CliError(job.error ?? `import job ${jobId} failed`);
    if (job.status === 'CANCELLED') throw new CliError(`import job ${jobId} was cancelled`);
    await new Promise((resolve) => setTimeout(resolve, o.pollMs ?? 250));
  }
}
