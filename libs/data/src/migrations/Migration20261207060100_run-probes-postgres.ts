import { Migration } from '@mikro-orm/migrations';

// PostgreSQL's twin of Migration20261207060000_run-probes: a run's probe sequences and each
// epoch's attributions of them (nullable: earlier runs had none).
export class Migration20261207060100_runProbesPostgres extends Migration {
  override async up(): Promise<void> {
    this.addSql('alter table "run" add column "probes" jsonb null;');
    this.addSql('alter table "epoch_metric" add column "probe_attributions" jsonb null;');
  }
}
