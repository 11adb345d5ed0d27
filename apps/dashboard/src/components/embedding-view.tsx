import type { ReactNode } from 'react';
import { LineChart } from '../chart/line-chart.tsx';
import type { RunEmbedding } from '../view/embedding.ts';
import { embeddingAxes, embeddingDomain, embeddingSeries } from '../view/embedding.ts';

/** An autoencoder's or VAE's sample embedding as a scatter, coloured by class. */
export function EmbeddingView(props: { embedding: RunEmbedding }): ReactNode {
  const e = props.embedding;
  const [xName, yName] = embeddingAxes(e);
  return (
    <section className="embedding" data-testid="embedding" data-method={e.method}>
      <p className="muted" data-testid="embedding-source">
        {e.x.length.toLocaleString('en-US')} of {e.rows.toLocaleString('en-US')} {e.split} rows,
        embedded by the saved model (epoch {e.epoch}):{' '}
        {e.method === 'pca'
          ? `the first two principal components of its ${e.latentSize}-D latent code`
          : `its ${e.latentSize}-D latent code`}
        .
      </p>
      <div className="charts fill">
        <LineChart
          testId="embedding-chart"
          title="Sample embedding"
          series={embeddingSeries(e)}
          xDomain={embeddingDomain(e.x)}
          yDomain={embeddingDomain(e.y)}
          xLabel={`${xName} (y: ${yName})`}
        />
      </div>
    </section>
  );
}
