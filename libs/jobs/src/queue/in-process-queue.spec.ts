import { describe, expect, it } from 'vitest';
import { InProcessQueue } from './in-process-queue.ts';

const tick = () => new Promise((r) => setTimeout(r, 5));

describe('InProcessQueue', () => {
  it('runs jobs in order, never more than its concurrency at once', async () => {
    const log: string[] = [];
    let active = 0;
    let maxActive = 0;
    const queue = new InProcessQueue(async (id) => {
      active++;
      maxActive = Math.max(maxActive, active);
      log.push(`start ${id}`);
      await tick();
      log.push(`end ${id}`);
      active--;
    }, 2);
    ['a', 'b', 'c'].forEach((id) => queue.enqueue(id));
    expect(queue.waiting).toBe(1);
    await queue.idle();
    expect(maxActive).toBe(2);
    expect(log.indexOf('start c')).toBeGreaterThan(
      Math.min(log.indexOf('end a'), log.indexOf('end b')),
    );
  });

  it('dequeues a waiting job but not a running one', async () => {
    const ran: string[] = [];
    const queue = new InProcessQueue(async (id) => {
      ran.push(id);
      await tick();
    }, 1);
    queue.enqueue('a');
    queue.enqueue('b');
    expect(queue.dequeue('a')).toBe(false);
    expect(queue.dequeue('b')).toBe(true);
    await queue.idle();
    expect(ran).toEqual(['a']);
  });

  it('reports a failing job and carries on with the next', async () => {
    const failed: string[] = [];
    const ran: string[] = [];
    const queue = new InProcessQueue(
      async (id) => {
        ran.push(id);
        if (id === 'bad') throw new Error('boom');
      },
      1,
      (id) => failed.push(id),
    );
    queue.enqueue('bad');
    queue.enqueue('good');
    await queue.idle();
    expect(failed).toEqual(['bad']);
    expect(ran).toEqual(['bad', 'good']);
  });
});
