import { getNamedType, isCompositeType, isInterfaceType, isObjectType } from 'graphql';
import { describe, expect, it } from 'vitest';
import { createEventBus } from '@strand/jobs';
import { isListField } from '../limits/cost-limit.rule.ts';
import { listBoundOf } from '../limits/list-bound.ts';
import { buildStrandSchema } from './build-schema.ts';

/**
 * The cost rule multiplies by a list's declared bound; a list of objects without one would count
 * as one item whatever it returns (issue 18: `Dataset.derived.runs` let one query return millions
 * of nodes). This walks the whole schema, so a field added by anyone later is checked too.
 */
describe('every list of objects is paged or bounded', () => {
  it('is a connection’s edges, or declares @ListBound(n) and says "at most n" in its description', async () => {
    const schema = await buildStrandSchema(createEventBus());
    const unbounded: string[] = [];
    const undocumented: string[] = [];
    for (const type of Object.values(schema.getTypeMap())) {
      if (type.name.startsWith('__') || !(isObjectType(type) || isInterfaceType(type))) continue;
      for (const field of Object.values(type.getFields())) {
        if (!isListField(field.type) || !isCompositeType(getNamedType(field.type))) continue;
        const name = `${type.name}.${field.name}`;
        if (field.name === 'edges' && type.name.endsWith('Connection')) continue;
        const bound = listBoundOf(field);
        if (!bound) unbounded.push(name);
        else if (
          !(field.description ?? '')
            .toLowerCase()
            .includes(`at most ${bound.max.toLocaleString('en-US')}`)
        )
          undocumented.push(`${name} (at most ${bound.max.toLocaleString('en-US')})`);
      }
    }
    expect(unbounded, 'lists of objects without @ListBound (or make them connections)').toEqual([]);
    expect(undocumented, 'descriptions that do not state the bound').toEqual([]);
  });
});
