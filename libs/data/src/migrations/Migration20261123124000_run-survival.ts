import { Migration } from '@mikro-orm/migrations';

// Written by hand (see create-migration.ts for why not generated here): two nullable-or-defaulted
// columns, which SQLite adds in place. The STALLED status needs no change: status is text.
export class Migration20261123124000_runSurvival extends Migration {
  override async up(): Promise<void> {
    this.addSql('alter table `run` add column `checkpoint_epoch` integer not null default 0;');
    this.addSql('alter table `run` add column `heartbeat_at` datetime null;');
  }
}
