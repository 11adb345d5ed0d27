// What the run page knows about a run's curve: the stored history (from the `run` query) merged
// with the live `trainingProgress` events that arrived since, one entry per epoch, plus the
// per-batch loss for the thin live series. Pure, so it runs under React's StrictMode twice.
import type { EpochMetrics, ProbeAttribution, TrainingProgress } from '../graphql/types.ts';
import { metricRecord } from './metrics.ts';

/** One epoch's metrics; `seconds` is only known once the server's history has the epoch. */
export interface EpochPoint {
  epoch: number;
  metrics: Record<string, number>;
  samplesPerSecond: number | null;
  seconds: number | null;
  /** True when this came from the server's stored history rather than a live event. */
  stored: boolean;
}

/** A batch loss at a fractional epoch: batch 5 of 10 in epoch 3 sits at x = 2.5. */
export interface BatchPoint {
  x: number;
  loss: number;
}

/** The latest epoch's probe attributions a live event brought (runs with probes). */
export interface LiveProbes {
  epoch: number;
  attributions: readonly ProbeAttribution[];
}

export interface LiveState {
  epochs: EpochPoint[];
  batches: BatchPoint[];
  latest: TrainingProgress | null;
  /** Absent or null: no probe attributions yet (runs without probes). */
  probes?: LiveProbes | null;
}

export type LiveAction =
  | { type: 'history'; history: readonly EpochMetrics[] }
  | { type: 'progress'; event: TrainingProgress };

export const initialLiveState: LiveState = {
  epochs: [],
  batches: [],
  latest: null,
  probes: null,
};

/** Batch points kept at most; beyond it every other point is dropped (first and last kept). */
export const MAX_BATCH_POINTS = 2000;

const byEpoch = (a: EpochPoint, b: EpochPoint) => a.epoch - b.epoch;

/** Stored history wins over a live entry for the same epoch (it is the same data, plus seconds). */
function mergeEpochs(
  current: readonly EpochPoint[],
  incoming: readonly EpochPoint[],
): EpochPoint[] {
  const merged = new Map(current.map((p) => [p.epoch, p]));
  for (const p of incoming) {
    const existing = merged.get(p.epoch);
    if (!existing || p.stored || !existing.stored) merged.set(p.epoch, p);
  }
  return [...merged.values()].sort(byEpoch);
}

/** Halve a too-long series by keeping every other point, and always the last. */
export function thin(points: readonly BatchPoint[], max: number): BatchPoint[] {
  if (points.length <= max) return [...points];
  const kept = points.filter((_, i) => i % 2 === 0);
  const last = points[points.length - 1];
  if (last && kept[kept.length - 1] !== last) kept.push(last);
  return kept;
}

function addBatch(batches: readonly BatchPoint[], event: TrainingProgress): BatchPoint[] {
  const { batch, batches: total, loss } = event;
  // The schema's loss is nullable (a batch can end without one): such an event draws no point.
  if (batch == null || total == null || total <= 0 || loss == null || !Number.isFinite(loss)) {
    return [...batches];
  }
  const x = event.epoch - 1 + Math.min(1, Math.max(0, batch / total));
  // A point at or before the last one means a resend or a resumed run: the new one replaces them.
  const kept = batches.filter((p) => p.x < x);
  kept.push({ x, loss });
  return thin(kept, MAX_BATCH_POINTS);
}

/** Merge stored history or one live progress event into the state. */
export function liveReducer(state: LiveState, action: LiveAction): LiveState {
  if (action.type === 'history') {
    const stored = action.history.map<EpochPoint>((h) => ({
      epoch: h.epoch,
      metrics: metricRecord(h.metrics),
      samplesPerSecond: h.samplesPerSecond,
      seconds: h.seconds,
      stored: true,
    }));
    return { ...state, epochs: mergeEpochs(state.epochs, stored) };
  }
  const { event } = action;
  if (event.batch != null) {
    return { ...state, batches: addBatch(state.batches, event), latest: event };
  }
  if (event.metrics.length === 0) return { ...state, latest: event };
  const point: EpochPoint = {
    epoch: event.epoch,
    metrics: metricRecord(event.metrics),
    samplesPerSecond: event.samplesPerSecond,
    seconds: null,
    stored: false,
  };
  const attributions = event.probeAttributions;
  // A later epoch's attributions replace the shown ones; a resend of an older one does not.
  const probes =
    attributions?.length && event.epoch >= (state.probes?.epoch ?? 0)
      ? { epoch: event.epoch, attributions }
      : state.probes;
  return { ...state, epochs: mergeEpochs(state.epochs, [point]), latest: event, probes };
}
