import { ApolloClient, ApolloLink, InMemoryCache } from '@apollo/client';
import { ApolloProvider } from '@apollo/client/react';
import { renderToStaticMarkup } from 'react-dom/server';
import { describe, expect, it } from 'vitest';
import type { Role } from '../graphql/types.ts';
import { ProjectContext } from '../project/use-project.tsx';
import { NewJobPage } from './new-job-page.tsx';
import { TokenTable } from './tokens-page.tsx';

const all = (html: string, re: RegExp) => [...html.matchAll(re)].map((m) => m[1]);

function render(role: Role, kind?: string, search?: string): string {
  const project = { id: 'p1', name: 'Lab', slug: 'lab', viewerRole: role };
  return renderToStaticMarkup(
    <ApolloProvider
      client={new ApolloClient({ link: ApolloLink.empty(), cache: new InMemoryCache() })}
    >
      <ProjectContext.Provider
        value={{ project, projects: [project], unknown: null, loading: false }}
      >
        <NewJobPage kind={kind} search={search} />
      </ProjectContext.Provider>
    </ApolloProvider>,
  );
}

describe('NewJobPage', () => {
  it('offers the marginalisation and design forms with their fields', () => {
    const marginal = render('EDITOR', 'MARGINALIZE', 'kind=MARGINALIZE&motif=CTCF');
    expect(marginal).toContain('data-kind="MARGINALIZE"');
    expect(marginal).toMatch(/name="motif" value="CTCF"/);
    for (const name of ['positionStep', 'secondMotif', 'minSpacing', 'maxSpacing', 'ablate']) {
      expect(marginal).toContain(`name="${name}"`);
    }
    const design = render('EDITOR', 'DESIGN', 'kind=DESIGN');
    expect(design).toContain('data-kind="DESIGN"');
    expect(all(design, /<option value="([A-Z]+)"/g)).toEqual(
      expect.arrayContaining(['GREEDY', 'BEAM', 'EVOLUTION', 'UP', 'DOWN']),
    );
    for (const name of ['sequence', 'maxEdits', 'fixedPositions', 'gcMin', 'gcMax']) {
      expect(design).toContain(`name="${name}"`);
    }
  });

  it('shows an EDITOR every kind and the chosen form, pre-filled from the URL', () => {
    const html = render(
      'EDITOR',
      'SCORE_VARIANTS',
      'kind=SCORE_VARIANTS&modelName=ctcf&alias=production',
    );
    expect(all(html, /<a href="#\/jobs\/new\?kind=([A-Z_]+)"/g)).toHaveLength(10);
    expect(html).toContain('data-kind="SCORE_VARIANTS"');
    expect(html).toMatch(/name="modelName" value="ctcf"/);
    expect(html).toMatch(/name="alias" value="production"/);
    expect(html).toContain('data-testid="start-job"');
    expect(all(html, /name="([a-zA-Z.]+)"/g)).toEqual([
      'runId',
      'modelName',
      'alias',
      'modelVersionId',
      'datasetId',
      'reference',
      'reverseComplement',
      'shifts',
      'background',
      'backgroundSize',
      'ismTop',
      'chunkSize',
      'force',
    ]);
  });

  it('keeps imports for ADMINs: an EDITOR sees why, with no form', () => {
    const editor = render('EDITOR', 'IMPORT_DATASET');
    expect(editor).not.toContain('data-testid="start-job"');
    expect(editor).toContain('Import a dataset needs the ADMIN role; you are EDITOR in Lab.');
    const admin = render('ADMIN', 'IMPORT_DATASET');
    expect(admin).toContain('data-testid="start-job"');
    // Fields of other import kinds wait until that kind is chosen.
    expect(admin).toContain('name="path"');
    expect(admin).not.toContain('name="referencePath"');
  });

  it('gives a VIEWER no form, no tab and no start button', () => {
    const html = render('VIEWER', 'SWEEP');
    expect(html).not.toContain('<form');
    expect(html).not.toContain('<button');
    expect(html).not.toContain('job-kinds');
    expect(html).toContain('You are a VIEWER in Lab');
  });
});

describe('TokenTable', () => {
  it('lists tokens with their prefix and expiry and a Revoke button each', () => {
    const html = renderToStaticMarkup(
      <ApolloProvider
        client={new ApolloClient({ link: ApolloLink.empty(), cache: new InMemoryCache() })}
      >
        <TokenTable
          tokens={[
            {
              id: 't1',
              name: 'laptop',
              prefix: 'strand_AbCd1234',
              createdAt: '2026-12-01T10:00:00Z',
              expiresAt: null,
            },
            {
              id: 't2',
              name: 'ci',
              prefix: 'strand_Zz991122',
              createdAt: '2026-12-02T10:00:00Z',
              expiresAt: '2027-01-01T00:00:00Z',
            },
          ]}
          onRevoked={() => undefined}
        />
      </ApolloProvider>,
    );
    expect(all(html, /<code>([^<]+)<\/code>/g)).toEqual(['strand_AbCd1234…', 'strand_Zz991122…']);
    expect(html).toContain('never');
    expect(all(html, /data-testid="(revoke)"/g)).toHaveLength(2);
    expect(html).not.toContain('strand_AbCd1234x');
  });
});
