import type { ReactNode } from 'react';

/** Shown for a hash the dashboard does not know. */
export function NotFoundPage(props: { hash: string }): ReactNode {
  return (
    <section className="empty">
      <h1>Nothing here</h1>
      <p>
        The address “{props.hash}” is not a dashboard page. Go to the <a href="#/">runs</a>.
      </p>
    </section>
  );
}
