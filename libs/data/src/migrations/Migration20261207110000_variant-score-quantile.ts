import { Migration } from '@mikro-orm/migrations';

// Variant effects calibrated against a background: each score row's quantile. Nullable: jobs
// scored without a background (and every earlier job) have none.
export class Migration20261207110000_variantScoreQuantile extends Migration {
  override async up(): Promise<void> {
    this.addSql(`alter table \`variant_score\` add column \`quantile\` double null;`);
  }
}
