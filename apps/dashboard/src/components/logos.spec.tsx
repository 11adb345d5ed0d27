import { renderToStaticMarkup } from 'react-dom/server';
import { describe, expect, it } from 'vitest';
import { LogoView } from '../chart/logo-view.tsx';
import { MotifCard } from './motif-discovery-view.tsx';
import { ProbeLogoList, scoreRows } from './probe-logos.tsx';

const all = (html: string, re: RegExp) => [...html.matchAll(re)].map((m) => m[1]);

describe('logos in SVG', () => {
  it('draws one letter per non-zero contribution and the reference letters under the axis', () => {
    const html = renderToStaticMarkup(
      <LogoView
        rows={[
          [0, 0.4, 0, 0],
          [0, 0, 0, -0.2],
          [0, 0, 0, 0],
        ]}
        reference={['C', 'T', null]}
        unit="contribution"
        label="logo"
        testId="logo"
      />,
    );
    expect(all(html, /data-base="([ACGT])"/g)).toEqual(['C', 'T']);
    const reference = html.slice(html.indexOf('reference-letters'));
    expect(all(reference, />([ACGT·])<\/text>/g).slice(0, 3)).toEqual(['C', 'T', '·']);
  });

  it('shows a motif’s PWM and CWM logos and its JASPAR matches', () => {
    const html = renderToStaticMarkup(
      <MotifCard
        motif={{
          name: 'pos_1',
          sign: 'positive',
          consensus: 'GATA',
          seqlets: 42,
          informationContent: 6.1,
          pwm: [
            [0, 0, 1, 0],
            [1, 0, 0, 0],
            [0, 0, 0, 1],
            [1, 0, 0, 0],
          ],
          cwm: [
            [0, 0, 0.2, 0],
            [0.3, 0, 0, 0],
            [0, 0, 0, 0.25],
            [0.1, 0, 0, 0],
          ],
          matches: [{ id: 'MA0035.4', name: 'GATA1', score: 3.4, p: 0.0002 }],
        }}
      />,
    );
    expect(html).toContain('data-testid="pwm-logo"');
    expect(html).toContain('data-testid="cwm-logo"');
    const pwm = html.slice(html.indexOf('pwm-logo'), html.indexOf('cwm-logo'));
    expect(all(pwm, /data-base="([ACGT])"/g)).toEqual(['G', 'A', 'T', 'A']);
    expect(html).toContain('MA0035.4');
    expect(html).toContain('GATA1');
    expect(html).toContain('2.0e-4');
  });

  it('draws each probe’s attribution at its epoch as a letter logo, its own bases under the axis', () => {
    // Gradient × input of ACG: only the present base of each position scores.
    const scores = [0.5, 0, 0, 0, 0, -0.25, 0, 0, 0, 0, 0, 0];
    expect(scoreRows(scores)).toEqual([
      [0.5, 0, 0, 0],
      [0, -0.25, 0, 0],
      [0, 0, 0, 0],
    ]);
    const html = renderToStaticMarkup(
      <ProbeLogoList
        epoch={3}
        attributions={[
          { probe: 0, epoch: 3, sequence: 'ACG', output: 0.75, scores },
          { probe: 1, epoch: 3, sequence: 'TTT', output: 0.1, scores: Array(12).fill(0) },
        ]}
      />,
    );
    expect(html).toContain('data-epoch="3"');
    expect(all(html, /<strong>(probe \d)<\/strong>/g)).toEqual(['probe 1', 'probe 2']);
    const first = html.slice(0, html.indexOf('probe 2'));
    expect(all(first, /data-base="([ACGT])"/g)).toEqual(['A', 'C']);
    expect(html).toContain('Attribution letter logo of probe 1 at epoch 3');
  });
});
