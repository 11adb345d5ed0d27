import { Migration } from '@mikro-orm/migrations';

// Live interpretation: a run's probe sequences and each epoch's attributions of them. New nullable
// columns only: runs and epochs from before them had no probes, which null says.
export class Migration20261207060000_runProbes extends Migration {
  override async up(): Promise<void> {
    this.addSql(`alter table \`run\` add column \`probes\` json null;`);
    this.addSql(`alter table \`epoch_metric\` add column \`probe_attributions\` json null;`);
  }
}
