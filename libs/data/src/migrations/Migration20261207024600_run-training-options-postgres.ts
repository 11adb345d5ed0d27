import { Migration } from '@mikro-orm/migrations';

// PostgreSQL's twin of Migration20261207024500_run-training-options: the nullable column of the
// training choices a run took besides its columns (runs from before it keep null: defaults).
export class Migration20261207024600_runTrainingOptionsPostgres extends Migration {
  override async up(): Promise<void> {
    this.addSql('alter table "run" add column "training_options" jsonb null;');
  }
}
