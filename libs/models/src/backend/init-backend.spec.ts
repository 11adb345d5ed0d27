import * as tf from '@tensorflow/tfjs';
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import type * as InitBackend from './init-backend.ts';

// Each test loads a fresh copy of the module: the chosen backend is module state.
type Module = typeof InitBackend;
const load = async (): Promise<Module> => {
  vi.resetModules();
  return import('./init-backend.ts');
};

describe('initBackend', () => {
  let saved: string | undefined;
  beforeEach(() => {
    saved = process.env['STRAND_BACKEND'];
    delete process.env['STRAND_BACKEND'];
  });
  afterEach(() => {
    if (saved === undefined) delete process.env['STRAND_BACKEND'];
    else process.env['STRAND_BACKEND'] = saved;
  });

  it('refuses currentBackend() before initBackend()', async () => {
    const { currentBackend } = await load();
    expect(() => currentBackend()).toThrow(
      'currentBackend(): no backend chosen yet: await initBackend() first',
    );
  });

  it('picks the best available backend, selects it and registers the wasm kernels', async () => {
    const { initBackend, currentBackend } = await load();
    const name = await initBackend();
    // tfjs-node is an optional dependency: absent here, so wasm is the best one that loads.
    expect(['tensorflow', 'wasm']).toContain(name);
    expect(tf.getBackend()).toBe(name);
    expect(currentBackend()).toBe(name);
    expect(tf.getKernel(tf.Conv2DBackpropFilter, 'wasm')).toBeDefined();
  });

  it('is idempotent: a second call returns the first choice at once', async () => {
    const { initBackend } = await load();
    const first = await initBackend('wasm');
    const t0 = performance.now();
    expect(await initBackend('cpu')).toBe(first);
    expect(performance.now() - t0).toBeLessThan(5);
  });

  it('honours an explicit choice', async () => {
    const { initBackend } = await load();
    expect(await initBackend('cpu')).toBe('cpu');
    expect(tf.getBackend()).toBe('cpu');
  });

  it('lets STRAND_BACKEND force a backend over the argument', async () => {
    process.env['STRAND_BACKEND'] = 'cpu';
    const { initBackend } = await load();
    expect(await initBackend('wasm')).toBe('cpu');
  });

  it('names an unknown STRAND_BACKEND value', async () => {
    process.env['STRAND_BACKEND'] = 'gpu';
    const { initBackend } = await load();
    await expect(initBackend()).rejects.toMatchObject({
      code: 'BACKEND_UNAVAILABLE',
      message: 'STRAND_BACKEND: backend "gpu" is not available: expected tensorflow, wasm or cpu',
    });
  });

  it.skipIf(tfjsNodeInstalled())(
    'names a forced backend that cannot load, and lets a retry succeed',
    async () => {
      process.env['STRAND_BACKEND'] = 'tensorflow';
      const { initBackend } = await load();
      await expect(initBackend()).rejects.toThrow(
        /^STRAND_BACKEND: backend "tensorflow" is not available: Cannot find (package|module) '@tensorflow\/tfjs-node'/,
      );
      delete process.env['STRAND_BACKEND'];
      expect(await initBackend('cpu')).toBe('cpu');
    },
  );
});

function tfjsNodeInstalled(): boolean {
  try {
    import.meta.resolve('@tensorflow/tfjs-node');
    return true;
  } catch {
    return false;
  }
}
