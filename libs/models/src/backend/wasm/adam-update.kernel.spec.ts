import * as tf from '@tensorflow/tfjs';
import { describe, expect, it } from 'vitest';
import { ADAM_UPDATE } from '../adam-update.ts';
import { registerCpuKernels } from '../cpu/register-cpu-kernels.ts';
import { expectParity, liveCounts, runOn, seeded } from './cpu-parity.testing.ts';

const ATTRS = { learningRate: 0.01, beta1: 0.9, beta2: 0.999, epsilon: 1e-7 };

/** Inputs of one update over variables of the given sizes, seeded; v ≥ 0 as Adam's is. */
function inputs(sizes: number[], accBeta1 = 0.9 ** 3, accBeta2 = 0.999 ** 3): tf.NamedTensorMap {
  const map: tf.NamedTensorMap = { accBeta1: tf.scalar(accBeta1), accBeta2: tf.scalar(accBeta2) };
  sizes.forEach((size, i) => {
    map[`value${i}`] = tf.tensor(seeded(size, 10 + i), [size]);
    map[`m${i}`] = tf.tensor(
      seeded(size, 20 + i).map((x) => x / 10),
      [size],
    );
    // x⁶/100 spans many orders of magnitude, down to where ε matters (computed here, not by
    // backends whose pow differ in the last bit).
    map[`v${i}`] = tf.tensor(
      seeded(size, 30 + i).map((x) => x ** 6 / 100),
      [size],
    );
    map[`gradient${i}`] = tf.tensor(seeded(size, 40 + i), [size]);
  });
  return map;
}

function update(sizes: number[], attrs: Partial<typeof ATTRS> = {}): tf.Tensor[] {
  return tf.engine().runKernel<tf.Tensor[]>(ADAM_UPDATE, inputs(sizes), {
    count: sizes.length,
    ...ATTRS,
    ...attrs,
  });
}

/** Every output, flattened into one tensor, so the parity helper compares them all. */
const flatUpdate = (sizes: number[]) => (): tf.Tensor =>
  tf.concat(update(sizes).map((t) => t.reshape([-1])));

describe('StrandAdamUpdate on wasm (Strand)', () => {
  registerCpuKernels();

  it.each([[[1]], [[3]], [[4]], [[7]], [[64, 1]], [[1001, 5, 48]]])(
    'gives bit for bit what the cpu kernel gives, for variables of sizes %j',
    async (sizes) => {
      await expectParity(flatUpdate(sizes), 0);
    },
  );

  it.each(['cpu', 'wasm'] as const)(
    "equals one step of tfjs' own Adam on %s, slots and accBeta included",
    async (backend) => {
      await runOn(backend, () => tf.scalar(0));
      // tfjs' Adam, given these values and moments after 3 steps (accBeta = β³ as its pow says).
      const optimizer: tf.Optimizer = tf.train.adam(0.1, 0.9, 0.999, 1e-7);
      const given = inputs([37, 5]);
      const variables = [0, 1].map((i) => (given[`value${i}`] as tf.Tensor).variable());
      const warm = Object.fromEntries(variables.map((v) => [v.name, tf.zerosLike(v)]));
      optimizer.applyGradients(warm); // creates the slots
      await optimizer.setWeights([
        { name: 'iter', tensor: tf.scalar(2, 'int32') }, // accBeta = β^(iter + 1)
        ...['m', 'v'].flatMap((slot) =>
          [0, 1].map((i) => ({ name: `${slot}${i}`, tensor: given[`${slot}${i}`] as tf.Tensor })),
        ),
      ]);
      const acc = optimizer as unknown as { accBeta1: tf.Tensor; accBeta2: tf.Tensor };
      const [acc1, acc2] = [acc.accBeta1.dataSync()[0], acc.accBeta2.dataSync()[0]] as number[];
      const fused = tf.tidy(() =>
        tf
          .engine()
          .runKernel<tf.Tensor[]>(ADAM_UPDATE, inputs([37, 5], acc1, acc2), {
            count: 2,
            ...ATTRS,
            learningRate: 0.1,
          })
          .map((t) => [...t.dataSync()]),
      );
      optimizer.applyGradients(
        Object.fromEntries(variables.map((v, i) => [v.name, given[`gradient${i}`] as tf.Tensor])),
      );
      const state = await optimizer.getWeights();
      const [, m0, m1, v0, v1] = state.map((w) => [...w.tensor.dataSync()]);
      const [value0, value1] = variables.map((v) => [...v.dataSync()]);
      expect(fused.slice(2)).toEqual([value0, m0, v0, value1, m1, v1]);
      expect(fused.slice(0, 2)).toEqual([
        [...acc.accBeta1.dataSync()],
        [...acc.accBeta2.dataSync()],
      ]);
      tf.dispose([...variables, ...Object.values(warm), ...Object.values(given)]);
      state[0]?.tensor.dispose();
      optimizer.dispose();
    },
  );

  it('updates no variable with count 0, but still advances accBeta', async () => {
    const { values, shape } = await runOn('wasm', () => tf.stack(update([]).map((t) => t)));
    expect(shape).toEqual([2]);
    expect(values[1]).toBe(Math.fround(Math.fround(0.999 ** 3) * Math.fround(0.999)));
  });

  it('in place, writes into memory only its own tensor holds, with the same result', async () => {
    await runOn('wasm', () => tf.scalar(0));
    tf.tidy(() => {
      const want = update([9, 4]).map((t) => [...t.dataSync()]);
      const given = inputs([9, 4]);
      // m1 is shared with a clone (as a tape's saved input is): it must not be written.
      const clone = (given['m1'] as tf.Tensor).clone();
      const cloned = [...clone.dataSync()];
      const out = tf.engine().runKernel<tf.Tensor[]>(ADAM_UPDATE, given, {
        count: 2,
        ...ATTRS,
        inPlace: true,
      });
      expect(out.map((t) => [...t.dataSync()])).toEqual(want);
      const dataId = (t: tf.Tensor | undefined) => (t as { dataId: object }).dataId;
      expect(dataId(out[2])).toBe(dataId(given['value0'])); // updated where it was
      expect(dataId(out[3])).toBe(dataId(given['m0']));
      expect(dataId(out[4])).toBe(dataId(given['v0']));
      expect(dataId(out[6])).not.toBe(dataId(given['m1'])); // shared: a new buffer
      expect([...clone.dataSync()]).toEqual(cloned);
    });
  });

  it('leaves no tensor and no wasm buffer behind', async () => {
    const f = flatUpdate([100, 3]);
    await runOn('wasm', f);
    const before = liveCounts();
    await runOn('wasm', f);
    expect(liveCounts()).toEqual(before);
  });

  it.each([
    [
      'a missing gradient',
      () => {
        const map = inputs([4]);
        delete map['gradient0'];
        return map;
      },
      'StrandAdamUpdate (wasm, Strand): a call without input "gradient0" is not supported; pass every input',
    ],
    [
      'an int32 value',
      () => ({ ...inputs([4]), value0: tf.tensor([1, 2, 3, 4], [4], 'int32') }),
      'StrandAdamUpdate (wasm, Strand): dtype "int32" of "value0" is not supported; use float32 variables',
    ],
    [
      'a gradient of another size',
      () => ({ ...inputs([4]), gradient0: tf.zeros([5]) }),
      'StrandAdamUpdate (wasm, Strand): "gradient0" of 5 values is not supported; give it as many as value (4)',
    ],
  ])('refuses %s with a message naming it', async (_, make, message) => {
    await runOn('wasm', () => tf.scalar(0));
    tf.tidy(() => {
      expect(() => tf.engine().runKernel(ADAM_UPDATE, make(), { count: 1, ...ATTRS })).toThrow(
        message,
      );
    });
  });
});
