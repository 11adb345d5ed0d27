import { Migration } from '@mikro-orm/migrations';

// A new nullable column only: jobs that failed before it keep null (no code known).
export class Migration20261207055746_jobErrorCode extends Migration {
  override async up(): Promise<void> {
    this.addSql(`alter table \`job\` add column \`error_code\` text null;`);
  }
}
