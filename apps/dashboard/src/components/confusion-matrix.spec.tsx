import { renderToStaticMarkup } from 'react-dom/server';
import { describe, expect, it } from 'vitest';
import { ConfusionMatrix } from './confusion-matrix.tsx';

const metrics = {
  val_accuracy: 0.6,
  val_confusion_0_0: 5,
  val_confusion_0_1: 1,
  val_confusion_0_2: 0,
  val_confusion_1_0: 2,
  val_confusion_1_1: 3,
  val_confusion_1_2: 1,
  val_confusion_2_0: 0,
  val_confusion_2_1: 2,
  val_confusion_2_2: 4,
};
const headers = (html: string) => [...html.matchAll(/<th[^>]*>([^<]*)<\/th>/g)].map((m) => m[1]);

describe('ConfusionMatrix', () => {
  it("names rows and columns by the run's class names", () => {
    const html = renderToStaticMarkup(
      <ConfusionMatrix metrics={metrics} classNames={['gata', 'none', 'sox']} />,
    );
    expect(headers(html)).toEqual([
      'actual \\ predicted',
      'gata',
      'none',
      'sox',
      'AUROC',
      'gata',
      'none',
      'sox',
    ]);
    expect(html).toContain('title="83.3% of gata"');
    expect(html).not.toContain('class 0');
  });

  it('falls back to class indices without one name per class', () => {
    for (const classNames of [undefined, [], ['a', 'b']]) {
      const html = renderToStaticMarkup(
        <ConfusionMatrix metrics={metrics} {...(classNames ? { classNames } : {})} />,
      );
      expect(headers(html).slice(1, 4)).toEqual(['class 0', 'class 1', 'class 2']);
    }
  });
});
