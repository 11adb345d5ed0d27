import { Migration } from '@mikro-orm/migrations';

// A new nullable column only: runs from before it trained with every default, which null says,
// so nothing is rewritten.
export class Migration20261207024500_runTrainingOptions extends Migration {
  override async up(): Promise<void> {
    this.addSql(`alter table \`run\` add column \`training_options\` json null;`);
  }
}
