import { renderToStaticMarkup } from 'react-dom/server';
import { describe, expect, it } from 'vitest';
import type { RunEmbedding } from '../view/embedding.ts';
import { EmbeddingView } from './embedding-view.tsx';

const base: RunEmbedding = {
  split: 'validation',
  epoch: 8,
  rows: 5000,
  latentSize: 2,
  method: 'latent',
  explained: null,
  x: [0, 1, 2, -1],
  y: [1, 0, 2, -2],
  label: [0, 1, 1, 0],
  labelNames: ['control', 'case'],
};

describe('EmbeddingView', () => {
  it('draws one point series per class, named with its count, and says which rows', () => {
    const html = renderToStaticMarkup(<EmbeddingView embedding={base} />);
    expect(html).toContain(
      '4 of 5,000 validation rows, embedded by the saved model (epoch 8): its 2-D latent code.',
    );
    expect([...html.matchAll(/data-markers="(class-\d)"/g)].map((m) => m[1])).toEqual([
      'class-0',
      'class-1',
    ]);
    expect(html.match(/<circle/g)).toHaveLength(4);
    expect(html).not.toContain('data-series="class-0"'); // points, no line through them
    expect(html).toContain('control (2)');
    expect(html).toContain('latent 1 (y: latent 2)');
  });

  it('names the principal components with the variance they explain', () => {
    const html = renderToStaticMarkup(
      <EmbeddingView
        embedding={{ ...base, method: 'pca', latentSize: 16, explained: [0.62, 0.21] }}
      />,
    );
    expect(html).toContain('the first two principal components of its 16-D latent code');
    expect(html).toContain('PC1 (62% of variance) (y: PC2 (21% of variance))');
  });
});
