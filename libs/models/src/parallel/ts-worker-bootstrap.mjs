// A worker's entry does not see its parent's loader hooks on Node 20: register tsx here first.
// (Copied from libs/jobs/src/worker: models may not import jobs.)
import { workerData } from 'node:worker_threads';
import { tsImport } from 'tsx/esm/api';
await tsImport(workerData.entry, import.meta.url);
