import { Migration } from '@mikro-orm/migrations';

// PostgreSQL's twin of Migration20261206182831_dataset-warnings: the nullable column that keeps
// what an import's readers tolerated (datasets imported before keep null).
export class Migration20261206183100_datasetWarningsPostgres extends Migration {
  override async up(): Promise<void> {
    this.addSql('alter table "dataset" add column "warnings" jsonb null;');
  }
}
