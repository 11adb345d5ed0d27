import { describe, expect, it } from 'vitest';
import { confusionTable } from './confusion-table.ts';

describe('confusionTable', () => {
  it('aligns actual classes as rows and predicted classes as columns', () => {
    expect(
      confusionTable({
        labels: ['a', 'bb'],
        counts: [
          [3, 12],
          [0, 4],
        ],
      }).split('\n'),
    ).toEqual([
      'actual \\ predicted  a  bb',
      'a                   3  12',
      'bb                  0   4',
    ]);
  });
});
