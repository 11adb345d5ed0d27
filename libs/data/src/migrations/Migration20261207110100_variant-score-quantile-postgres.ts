import { Migration } from '@mikro-orm/migrations';

// PostgreSQL's twin of Migration20261207110000_variant-score-quantile: each score row's quantile
// against a background (nullable: jobs without one have none).
export class Migration20261207110100_variantScoreQuantilePostgres extends Migration {
  override async up(): Promise<void> {
    this.addSql('alter table "variant_score" add column "quantile" double precision null;');
  }
}
