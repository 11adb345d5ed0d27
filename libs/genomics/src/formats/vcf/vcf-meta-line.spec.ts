import { describe, expect, it } from 'vitest';
import { parseMetaFields } from './vcf-meta-fields.ts';
import { checkMetaLine } from './vcf-meta-line.ts';

describe('parseMetaFields', () => {
  it('reads plain, quoted (with escapes) and bracketed values in order', () => {
    expect(parseMetaFields('<ID=DP,Description="a \\"b\\", c>",Values=[x, y]>')).toEqual([
      { key: 'ID', value: 'DP', quoted: false },
      { key: 'Description', value: 'a "b", c>', quoted: true },
      { key: 'Values', value: '[x, y]', quoted: false },
    ]);
  });

  it('explains malformed lists', () => {
    expect(parseMetaFields('<ID=1,A>')).toEqual({
      reason: 'field "A" is not of the form key=value',
    });
    expect(parseMetaFields('<ID=1,Description="x>')).toEqual({
      reason: 'Description: a quoted value has no closing quote',
    });
    expect(parseMetaFields('<ID=1,Description="x"y>')).toEqual({
      reason: 'Description: unexpected "y" after the value',
    });
    expect(parseMetaFields('<ID=>')).toEqual({ reason: 'ID has an empty value' });
    expect(parseMetaFields('<ID=1')).toEqual({
      reason: 'a structured value must be enclosed in "<" and ">"',
    });
  });
});

describe('checkMetaLine', () => {
  it('accepts the usual lines of real callers', () => {
    for (const line of [
      '##INFO=<ID=CSQ,Number=.,Type=String,Description="VEP: Allele|Consequence",Source="x">',
      '##ALT=<ID=*,Description="Represents allele(s) other than observed.">',
      '##ALT=<ID=NON_REF,Description="Any possible alternative allele">',
      '##contig=<ID=HLA-A*01:01:01:01,length=3503>',
      '##bcftools_viewCommand=view -Oz -o out.vcf.gz in.vcf; Date=Tue',
      '##VEP="v110" time="2023-08-31 12:29:42"',
      '##GATKCommandLine=<ID=HaplotypeCaller,CommandLine="x y",Version="4.2.0.0",Date="Mon">',
    ]) {
      expect(checkMetaLine(line, '4.3')).not.toHaveProperty('reason');
    }
  });

  it('applies the key and SAMPLE rules of each version', () => {
    expect(
      checkMetaLine('##FORMAT=<ID=MIN_DP,Number=1,Type=Integer,Description="x">', '4.2'),
    ).not.toHaveProperty('reason');
    expect(checkMetaLine('##INFO=<ID=GERP++,Number=1,Type=Float,Description="x">', '4.3')).toEqual({
      reason: '##INFO: ID "GERP++" is not a valid key',
    });
    expect(checkMetaLine('##SAMPLE=<ID=S1,Assay=WGS>', '4.2')).toEqual({
      reason:
        '##SAMPLE: field 2 must be Genomes (fields start ID, Genomes, Mixture, Description), got "Assay"',
    });
  });
});
