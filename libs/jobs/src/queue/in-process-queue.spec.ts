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

  it('serves smaller priorities first, FIFO among equals: projects take turns', async () => {
    const ran: string[] = [];
    const queue = new InProcessQueue(async (id) => {
      ran.push(id);
      await tick();
    }, 1);
    // Priorities as Jobs gives them: each item's turn in its project.
    for (let i = 1; i <= 5; i++) queue.enqueue(`a${i}`, { priority: i });
    queue.enqueue('b1', { priority: 1 });
    queue.enqueue('b2', { priority: 2 });
    queue.enqueue('c1', { priority: 1 });
    expect(queue.dequeue('a4')).toBe(true);
    await queue.idle();
    // a1 started at once; then B and C before A's second, and so on.
    expect(ran).toEqual(['a1', 'b1', 'c1', 'a2', 'b2', 'a3', 'a5']);
    expect(queue.clear()).toEqual([]);
  });

  it('a job answering Later frees its slot at once and is offered again after the delay', async () => {
    const ran: string[] = [];
    let refusals = 1;
    const queue = new InProcessQueue(async (id) => {
      ran.push(id);
      if (id === 'held' && refusals-- > 0) return { laterMs: 30 };
      await tick();
      return undefined;
    }, 1);
    queue.enqueue('held');
    queue.enqueue('next', { priority: 2 });
    await tick();
    // Held back: 'next' had the slot meanwhile, and 'held' still counts as waiting.
    expect(ran.slice(0, 2)).toEqual(['held', 'next']);
    expect(queue.waiting).toBe(1);
    await queue.idle();
    expect(ran).toEqual(['held', 'next', 'held']);

    // A held-back job can be dequeued or cleared like a waiting one.
    refusals = 2;
    queue.enqueue('held');
    await tick();
    expect(queue.dequeue('held')).toBe(true);
    queue.enqueue('held');
    await tick();
    expect(queue.clear()).toEqual(['held']);
    await queue.idle();
    // Each offer ran the handler once; neither the dequeued nor the cleared one came back.
    expect(ran.filter((id) => id === 'held')).toHaveLength(4);
  });
});
