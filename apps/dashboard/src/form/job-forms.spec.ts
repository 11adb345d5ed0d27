import { describe, expect, it } from 'vitest';
import {
  canStart,
  JOB_FORMS,
  jobForm,
  placeJobErrors,
  refusedByPreflight,
  toJobInput,
  valuesFromSearch,
} from './job-forms.ts';
import { readFileSync } from 'node:fs';
import { buildSchema, isInputObjectType } from 'graphql';
import { fileURLToPath } from 'node:url';

const form = (kind: string) => {
  const spec = jobForm(kind);
  if (!spec) throw new Error(`no form for ${kind}`);
  return spec;
};

describe('job forms', () => {
  it('name only input fields the mutation takes (so the API errors land on them)', () => {
    const schema = buildSchema(
      readFileSync(fileURLToPath(new URL('../../../api/schema.graphql', import.meta.url)), 'utf8'),
    );
    const mutations = schema.getMutationType()!.getFields();
    for (const spec of JOB_FORMS) {
      const mutation = mutations[spec.mutation];
      expect(mutation, spec.mutation).toBeDefined();
      const inputType = mutation.args
        .find((a) => a.name === 'input')!
        .type.toString()
        .replace('!', '');
      let type = schema.getType(inputType);
      for (const field of spec.fields) {
        const [head, ...rest] = field.name.split('.');
        expect(
          isInputObjectType(type) && type.getFields()[head],
          `${spec.kind} ${field.name}`,
        ).toBeTruthy();
        if (rest.length > 0 && isInputObjectType(type)) {
          const inner = schema.getType(type.getFields()[head].type.toString().replace('!', ''));
          expect(isInputObjectType(inner) && inner.getFields()[rest[0]]).toBeTruthy();
        }
        type = schema.getType(inputType);
      }
      // Every required input field (but projectId, added by the page) has a required form field.
      if (isInputObjectType(type)) {
        for (const f of Object.values(type.getFields())) {
          if (f.type.toString().endsWith('!')) {
            expect(
              spec.fields.find((x) => x.name === f.name)?.required,
              `${spec.kind} ${f.name}`,
            ).toBe(true);
          }
        }
      }
    }
    // Every job mutation has a form here, but the demo dataset's: the New run page makes it.
    const elsewhere = new Set(['cancelJob', 'createDemoDataset']);
    expect(JOB_FORMS.map((f) => f.mutation).sort()).toEqual(
      Object.keys(mutations)
        .filter((name) => mutations[name].type.toString() === 'JobPayload!' && !elsewhere.has(name))
        .sort(),
    );
  });

  it('builds the input: numbers, lists, JSON text, nested fields; blanks left out', () => {
    const sweep = form('SWEEP');
    const result = toJobInput(sweep, {
      architecture: 'deepbind',
      datasetId: 'ds1',
      space: ' {"learningRate": [0.01, 0.001]} ',
      epochs: '3',
      learningRate: '',
      'earlyStop.afterEpochs': '2',
      method: 'GRID',
    });
    expect(result).toEqual({
      ok: true,
      input: {
        architecture: 'deepbind',
        datasetId: 'ds1',
        space: '{"learningRate": [0.01, 0.001]}',
        epochs: 3,
        earlyStop: { afterEpochs: 2 },
        method: 'GRID',
      },
    });
    const explain = toJobInput(form('EXPLAIN_SEQUENCE'), {
      method: 'ISM',
      sequences: 'ACGT\r\n\n  TTGA  \n',
      task: '0',
    });
    expect(explain).toEqual({
      ok: true,
      input: { method: 'ISM', sequences: ['ACGT', 'TTGA'], task: 0 },
    });
    const regions = toJobInput(form('EXPLAIN_SEQUENCE'), {
      method: 'DEEPLIFT',
      regions: 'chr17:35,001-35,051\nchr17:35,101-35,151:-\n',
      reference: 'chr17.fa',
    });
    expect(regions).toEqual({
      ok: true,
      input: {
        method: 'DEEPLIFT',
        regions: ['chr17:35,001-35,051', 'chr17:35,101-35,151:-'],
        reference: 'chr17.fa',
      },
    });
    const imported = toJobInput(form('IMPORT_DATASET'), {
      kind: 'intervals',
      path: 'peaks.bed',
      taskPaths: 'a.bed, b.bed,',
      strict: 'true',
      labelsPath: 'ignored-for-intervals.tsv',
    });
    expect(imported).toEqual({
      ok: true,
      input: { kind: 'intervals', path: 'peaks.bed', taskPaths: ['a.bed', 'b.bed'], strict: true },
    });
  });

  it('reads fixed positions as integers and ranges for a design', () => {
    const design = form('DESIGN');
    expect(
      toJobInput(design, {
        sequence: 'ACGTACGT',
        method: 'BEAM',
        fixedPositions: '0-2, 5,7 - 7',
        gcMin: '0.3',
      }),
    ).toEqual({
      ok: true,
      input: { sequence: 'ACGTACGT', method: 'BEAM', fixedPositions: [0, 1, 2, 5, 7], gcMin: 0.3 },
    });
    expect(toJobInput(design, { sequence: 'ACGT', fixedPositions: '3,x' })).toEqual({
      ok: false,
      errors: {
        fixedPositions: 'Fixed positions: "x" is not a whole number or a range like 10-20',
      },
    });
    expect(toJobInput(design, { sequence: 'ACGT', fixedPositions: '9-3' })).toMatchObject({
      ok: false,
    });
    const marginalize = toJobInput(form('MARGINALIZE'), {
      datasetId: 'ds1',
      motif: 'CTCF',
      secondMotif: 'GATA1',
      maxSpacing: '12',
      ablate: 'true',
    });
    expect(marginalize).toEqual({
      ok: true,
      input: {
        datasetId: 'ds1',
        motif: 'CTCF',
        secondMotif: 'GATA1',
        maxSpacing: 12,
        ablate: true,
      },
    });
  });

  it('names the fields that cannot be sent as typed, ranges left to the API', () => {
    const result = toJobInput(form('SWEEP'), {
      architecture: '',
      datasetId: 'ds1',
      space: '[1, 2]',
      epochs: '2.5',
      learningRate: 'fast',
      config: '{oops',
      maxTrials: '5000',
    });
    expect(result.ok).toBe(false);
    if (result.ok) return;
    expect(result.errors).toEqual({
      architecture: 'Architecture is required',
      space: 'Search space (JSON) must be a JSON object ({ … })',
      epochs: 'Epochs per trial must be a whole number',
      learningRate: 'Learning rate must be a number',
      config: expect.stringMatching(/^Shared config \(JSON\) is not valid JSON: /),
    });
  });

  it('places the API’s userErrors on their fields, the rest as general messages', () => {
    const placed = placeJobErrors(form('EXPLAIN_SEQUENCE'), [
      {
        field: 'input.sequences[1]',
        code: 'BAD_USER_INPUT',
        message: 'sequence 2 has length 9, not 40',
      },
      { field: 'sequences.3', code: 'INVALID_BASE', message: 'sequence 4 has X' },
      { field: 'limit', code: 'OUT_OF_RANGE', message: 'limit must be 1–100' },
      { field: 'projectId', code: 'NOT_FOUND', message: 'no such project' },
      { field: null, code: 'FORBIDDEN', message: 'needs EDITOR' },
    ]);
    expect(placed).toEqual({
      fields: {
        sequences: 'sequence 2 has length 9, not 40; sequence 4 has X',
        limit: 'limit must be 1–100',
      },
      general: ['projectId: no such project', 'needs EDITOR'],
    });
  });

  it('lets ADMINs import and EDITORs start the rest; VIEWERs nothing', () => {
    expect(canStart(form('IMPORT_DATASET'), 'ADMIN')).toBe(true);
    expect(canStart(form('IMPORT_DATASET'), 'EDITOR')).toBe(false);
    expect(canStart(form('SCORE_VARIANTS'), 'EDITOR')).toBe(true);
    expect(JOB_FORMS.some((f) => canStart(f, 'VIEWER'))).toBe(false);
    expect(JOB_FORMS.some((f) => canStart(f, null))).toBe(false);
  });

  it('offers force only after a scoring job failed on the pre-flight (by its error code)', () => {
    const refused = {
      kind: 'SCORE_VARIANTS',
      status: 'FAILED',
      errorCode: 'PREFLIGHT_FAILED',
    } as const;
    expect(refusedByPreflight(refused)).toBe(true);
    expect(refusedByPreflight({ ...refused, errorCode: null })).toBe(false);
    expect(refusedByPreflight({ ...refused, errorCode: 'INVALID_OPTIONS' })).toBe(false);
    expect(refusedByPreflight({ ...refused, status: 'RUNNING' })).toBe(false);
    expect(refusedByPreflight({ ...refused, kind: 'CALL_VARIANTS' })).toBe(false);
  });

  it('pre-fills known fields from the URL (score / explain with this model)', () => {
    expect(
      valuesFromSearch(
        form('SCORE_VARIANTS'),
        'kind=SCORE_VARIANTS&modelName=ctcf&alias=production&evil=1',
      ),
    ).toEqual({ modelName: 'ctcf', alias: 'production' });
  });
});
