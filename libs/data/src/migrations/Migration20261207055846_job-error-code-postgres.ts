import { Migration } from '@mikro-orm/migrations';

// PostgreSQL's twin of Migration20261207055746_job-error-code: a FAILED job's machine-readable
// reason (jobs from before it keep null).
export class Migration20261207055846_jobErrorCodePostgres extends Migration {
  override async up(): Promise<void> {
    this.addSql('alter table "job" add column "error_code" varchar(64) null;');
  }
}
