import type { ReactNode } from 'react';
import type { SummaryItem } from '../jobs/json-summary.ts';
import { humanKey } from '../jobs/json-summary.ts';

/** Checksums and ids (hex, UUIDs) read best in a fixed-width face that may break anywhere. */
const HASH = /^(?:[0-9a-f]{32,}|[0-9a-f]{8}(?:-[0-9a-f]{4}){3}-[0-9a-f]{12})$/i;

function Value(props: { item: SummaryItem }): ReactNode {
  const { item } = props;
  if ('text' in item) {
    return HASH.test(item.text) ? <code className="hash">{item.text}</code> : item.text;
  }
  const { columns, rows, more } = item.table;
  return (
    <>
      <table className="data mini">
        <thead>
          <tr>
            {columns.map((c) => (
              <th key={c}>{humanKey(c)}</th>
            ))}
          </tr>
        </thead>
        <tbody>
          {rows.map((row, i) => (
            <tr key={i}>
              {row.map((cell, j) => (
                <td key={columns[j]}>{cell}</td>
              ))}
            </tr>
          ))}
        </tbody>
      </table>
      {more > 0 ? <span className="muted">… and {more} more</span> : null}
    </>
  );
}

/** A definition list of summary items (params, lineage details, an unknown result). */
export function KeyValues(props: {
  items: readonly SummaryItem[];
  testId?: string;
  empty?: string;
}): ReactNode {
  if (props.items.length === 0)
    return <p className="muted">{props.empty ?? 'Nothing recorded.'}</p>;
  return (
    <dl className="kv" data-testid={props.testId}>
      {props.items.map((item) => (
        <div key={item.key}>
          <dt>{item.key ? humanKey(item.key) : 'value'}</dt>
          <dd>
            <Value item={item} />
          </dd>
        </div>
      ))}
    </dl>
  );
}
