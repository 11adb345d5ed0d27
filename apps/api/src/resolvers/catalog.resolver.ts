import { Query, Resolver } from 'type-graphql';
import { BUNDLED_MOTIFS, consensus } from '@strand/genomics';
import { ARCHITECTURE_NAMES, ARCHITECTURES, validateArchitectureConfig } from '@strand/models';
import { Architecture, Motif } from '../types/catalog.type.ts';
import { BOUNDS } from '../limits/bounds.ts';
import { ListBound } from '../limits/list-bound.ts';

@Resolver()
export class CatalogResolver {
  @Query(() => [Architecture], {
    description: `Architectures Strand can train, with their default configurations (at most ${BOUNDS.catalogue.toLocaleString('en-US')}).`,
  })
  @ListBound(BOUNDS.catalogue, 'values')
  architectures(): Architecture[] {
    return ARCHITECTURE_NAMES.map((name) => {
      const checked = validateArchitectureConfig(name, {}, { length: 1_000_000, alphabetSize: 4 });
      return Object.assign(new Architecture(), {
        name,
        description: ARCHITECTURES[name].description,
        defaultConfig: JSON.stringify(checked.ok ? checked.config : {}),
      });
    });
  }

  @Query(() => [Motif], {
    description: `JASPAR 2024 motifs bundled with Strand (CC BY 4.0; at most ${BOUNDS.catalogue.toLocaleString('en-US')}).`,
  })
  @ListBound(BOUNDS.catalogue, 'values')
  motifs(): Motif[] {
    return BUNDLED_MOTIFS.map((m) =>
      Object.assign(new Motif(), {
        id: m.id,
        name: m.name,
        width: m.counts.length,
        consensus: consensus(m),
      }),
    );
  }
}
