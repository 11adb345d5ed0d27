/**
 * Variant-calling throughput and memory: `strand call`'s path (candidateTiles → pileup images →
 * the pileup CNN → VCF) over a region of simulated reads. Prints JSON: candidates/s, sites
 * (bases of the region)/s, and RSS sampled after every tile (first, peak, last), so a flat
 * memory profile over 1 Mb at 30× is visible (BENCH_TRACE=1 adds RSS, V8 heap and ArrayBuffers per
 * tile; `node --expose-gc` samples them after a full collection). Run from the repo root:
 *   bash tools/scripts/simulate-reads.sh ../shared/data/reference/ecoli536_NC_008253.fa.gz \
 *     NC_008253.1:3000001-4000000 .strand/bench-call --coverage 30 --seed 5
 *   node --import tsx tools/bench/call-variants.ts .strand/bench-call NC_008253.1:3000001-4000000
 * BENCH_PILEUPS=1 also writes every candidate's pileup image to DIR/bench-pileups.arrow (what
 * `strand call --pileups-as` stores), to see what the pileups table costs in time and memory.
 */
import { join } from 'node:path';
import * as tf from '@tensorflow/tfjs';
import { callVariants } from '@strand/jobs';

const [dir, region, model] = process.argv.slice(2);
if (!dir || !region) {
  process.stderr.write('usage: call-variants.ts SIMULATED_DIR REGION [MODEL_DIR]\n');
  process.exit(2);
}
const rss: number[] = [];
const heap: number[] = [];
const buffers: number[] = [];
const wasm: number[] = [];
// The wasm backend's heap (one WebAssembly.Memory: it only grows, and RSS counts the pages
// touched); process.memoryUsage() counts it under none of rss's parts.
const wasmHeapBytes = () =>
  (tf.backend() as { wasm?: { HEAPU8?: Uint8Array } }).wasm?.HEAPU8?.byteLength ?? 0;
const started = performance.now();
const result = await callVariants({
  bam: join(dir, 'reads.bam'),
  reference: join(dir, 'ref.fa'),
  region,
  modelDir: model,
  out: join(dir, 'bench-calls.vcf'),
  ...(process.env['BENCH_PILEUPS'] ? { pileups: join(dir, 'bench-pileups.arrow') } : {}),
  onProgress: () => {
    // With `node --expose-gc` every sample follows a full collection: live memory, not V8's
    // lazily collected garbage, so a leak shows as a rising floor.
    (globalThis as { gc?: () => void }).gc?.();
    const m = process.memoryUsage();
    rss.push(m.rss / 2 ** 20);
    heap.push(m.heapUsed / 2 ** 20);
    buffers.push(m.arrayBuffers / 2 ** 20);
    wasm.push(wasmHeapBytes() / 2 ** 20);
  },
});
const seconds = (performance.now() - started) / 1000;
const mb = (v: number | undefined) => Math.round((v ?? 0) * 10) / 10;
process.stdout.write(
  `${JSON.stringify(
    {
      region,
      bases: result.basesDone,
      reads: result.readsFetched,
      candidates: result.candidates,
      calls: result.calls,
      seconds: Math.round(seconds * 10) / 10,
      candidatesPerSecond: Math.round(result.candidates / seconds),
      sitesPerSecond: Math.round(result.basesDone / seconds),
      backend: result.backend,
      ...(result.pileups
        ? {
            pileups: {
              rows: result.pileups.rows,
              chunks: result.pileups.chunks,
              MiB: mb(result.pileups.bytes / 2 ** 20),
            },
          }
        : {}),
      rssMiB: {
        firstTile: mb(rss[0]),
        peak: mb(Math.max(...rss)),
        lastTile: mb(rss[rss.length - 1]),
        tiles: rss.length,
      },
      ...(process.env['BENCH_TRACE']
        ? {
            trace: {
              rss: rss.map(mb),
              heap: heap.map(mb),
              buffers: buffers.map(mb),
              wasm: wasm.map(mb),
            },
          }
        : {}),
    },
    null,
    2,
  )}\n`,
);
