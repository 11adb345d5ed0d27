import { renderToStaticMarkup } from 'react-dom/server';
import { describe, expect, it } from 'vitest';
import { BestEpochTable } from './best-epoch.tsx';

const text = (html: string) => html.replace(/<[^>]+>/g, '|').replace(/\|+/g, '|');

describe('BestEpochTable', () => {
  const best = {
    monitor: 'val_loss',
    mode: 'min',
    epoch: 2,
    metrics: [
      { name: 'loss', value: 0.5 },
      { name: 'val_loss', value: 0.4 },
    ],
  };

  it('puts the best epoch’s metrics beside the last epoch’s, naming the monitored metric', () => {
    const html = renderToStaticMarkup(
      <BestEpochTable
        best={best}
        last={{ epoch: 4, metrics: { loss: 0.2, val_loss: 0.6, val_confusion_0_1: 3 } }}
      />,
    );
    expect(text(html)).toContain('Epoch 2 is best by val_loss, lowest; the last epoch is 4.');
    expect(text(html)).toContain('|metric|best (epoch 2)|last (epoch 4)|');
    expect(text(html)).toContain('|loss|0.5000|0.2000|');
    expect(html).toContain('<tr class="monitored"><th><strong>val_loss</strong></th>');
    expect(text(html)).toContain('|val_loss|0.4000|0.6000|');
    expect(html).not.toContain('val_confusion_0_1'); // the confusion matrix shows those
  });

  it('says when the best epoch is the last, and shows nothing before the first epoch', () => {
    const html = renderToStaticMarkup(
      <BestEpochTable best={{ ...best, epoch: 4 }} last={{ epoch: 4, metrics: { loss: 0.5 } }} />,
    );
    expect(text(html)).toContain('best by val_loss, lowest: the last epoch.');
    expect(renderToStaticMarkup(<BestEpochTable best={null} last={null} />)).toBe('');
  });
});
