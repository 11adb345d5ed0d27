/**
 * Scaled-out mode's wiring, from the environment: STRAND_REDIS_URL (redis://host:port[/db]) makes
 * the event bus go through Redis pub/sub and the queues BullMQ. An API replica only queues
 * (consume false); an apps/worker process runs what it takes (consume true).
 */
import { Redis } from 'ioredis';
import type { ConnectionOptions } from 'bullmq';
import { createEventBus } from '../events/event-bus.ts';
import type { EventBus } from '../events/event-bus.ts';
import type { JobHandler, JobQueue } from '../queue/in-process-queue.ts';
import { BullMqQueue } from './bullmq-queue.ts';
import { createRedisEventTarget } from './redis-event-target.ts';

export type Lane = 'training' | 'jobs';

/** Makes the queues of Jobs (see JobsOptions.engine). */
export interface QueueEngine {
  /** True in a worker process: items are run here; false in an API replica (queue only). */
  readonly consumes: boolean;
  create(
    lane: Lane,
    handler: JobHandler,
    concurrency: number,
    onError?: (id: string, error: unknown) => void,
  ): JobQueue & { close(): Promise<void> };
}

/** ioredis options of a redis:// URL (host, port, password, database number). */
export function redisConnection(url: string): ConnectionOptions & { host: string; port: number } {
  const parsed = new URL(url);
  if (parsed.protocol !== 'redis:') throw new Error('STRAND_REDIS_URL must be a redis:// URL');
  const db = Number(parsed.pathname.replace(/^\//, '') || 0);
  return {
    host: parsed.hostname || '127.0.0.1',
    port: Number(parsed.port || 6379),
    ...(parsed.password ? { password: decodeURIComponent(parsed.password) } : {}),
    ...(parsed.username ? { username: decodeURIComponent(parsed.username) } : {}),
    db,
    // BullMQ's workers block on Redis: they must not give up on a slow answer.
    maxRetriesPerRequest: null,
  };
}

export interface Cluster {
  bus: EventBus;
  engine: QueueEngine;
  /** Closes the Redis connections of the bus (the queues close with Jobs.close()). */
  close(): Promise<void>;
}

/** The bus and queue engine of a cluster process on the Redis of `redisUrl`. */
export function connectCluster(
  redisUrl: string,
  options: {
    consume: boolean;
    /** Redis key prefix of the queues and the pub/sub channels (default `strand`). */
    prefix?: string;
  },
): Cluster {
  const connection = redisConnection(redisUrl);
  const publish = new Redis(connection as never);
  const subscribe = new Redis(connection as never);
  const bus = createEventBus(createRedisEventTarget(publish, subscribe, options.prefix));
  const engine: QueueEngine = {
    consumes: options.consume,
    create(lane, handler, concurrency, onError) {
      return new BullMqQueue({
        connection,
        name: lane,
        consume: options.consume,
        handler,
        concurrency,
        ...(onError ? { onError } : {}),
        ...(options.prefix ? { prefix: options.prefix } : {}),
      });
    },
  };
  return {
    bus,
    engine,
    async close() {
      publish.disconnect();
      subscribe.disconnect();
    },
  };
}
