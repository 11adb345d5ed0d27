/**
 * Helpers for the specs of libs/jobs and of the projects that use it (api, tools). Imported as
 * `@strand/jobs/testing`; never by production code.
 */
export { saveTinyModel, writeTestVcf } from './scoring/testing/scoring-fixtures.ts';
export type { TestVcfOptions } from './scoring/testing/scoring-fixtures.ts';
export {
  CPG_COLUMNS,
  cpgMotifTable,
  profileTable,
  twoMotifTable,
} from './learning/synthetic-tables.testing.ts';
