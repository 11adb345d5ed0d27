import { useQuery } from '@apollo/client/react';
import type { ReactNode } from 'react';
import { EmbeddingView } from '../components/embedding-view.tsx';
import { EvaluationView } from '../components/evaluation-view.tsx';
import { RUN_EVALUATION_QUERY } from '../graphql/operations.ts';

/**
 * The run page's evaluation plots, loaded (code and data) only for a finished run: its own
 * query, so the page's run query stays small and the charts load after the page.
 */
export function RunEvaluationSection(props: { runId: string }): ReactNode {
  const { data, error, loading } = useQuery(RUN_EVALUATION_QUERY, {
    variables: { id: props.runId },
    fetchPolicy: 'cache-and-network',
  });
  const evaluation = data?.run?.evaluation;
  const embedding = data?.run?.embedding;
  let body: ReactNode;
  if (!data && loading) body = <p className="muted">Loading the evaluation…</p>;
  else if (!data && error)
    body = <p className="error-box">Could not load the evaluation: {error.message}</p>;
  else if (embedding) body = <EmbeddingView embedding={embedding} />;
  else if (!evaluation)
    body = (
      <p className="muted" data-testid="evaluation-none">
        No evaluation is stored for this run. Runs trained before evaluations were kept have none,
        and so do runs without validation rows and count-profile runs.
      </p>
    );
  else body = <EvaluationView evaluation={evaluation} />;
  return (
    <section data-testid="run-evaluation">
      <h2>Evaluation</h2>
      {body}
    </section>
  );
}
