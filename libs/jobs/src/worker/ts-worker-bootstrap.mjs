import { setPriority } from 'node:os';
import { workerData } from 'node:worker_threads';
import { tsImport } from 'tsx/esm/api';

// Background work yields to the API: on Linux, setPriority(0, …) renices the calling thread only,
// so this worker thread (training, scoring, …) runs at a lower priority than the event loop that
// answers requests. STRAND_WORKER_NICE: 0 (no change) to 19; default 10.
const nice = Number(process.env.STRAND_WORKER_NICE ?? 10);
if (Number.isInteger(nice) && nice > 0 && nice <= 19) {
  try {
    setPriority(0, nice);
  } catch {
    // Not permitted or not supported here: run at the normal priority.
  }
}
await tsImport(workerData.entry, import.meta.url);
