import { Migration } from '@mikro-orm/migrations';

/** The project that existing datasets and runs are assigned to (the `default` project). */
const DEFAULT_PROJECT_ID = '00000000-0000-4000-8000-000000000001';

// Written from create-migration.ts's output, then changed by hand: SQLite cannot add a NOT NULL
// column with a foreign key to a table, so `dataset` and `run` are rebuilt (SQLite's "make other
// kinds of table schema changes" procedure), all in the migration's transaction. Foreign keys are
// on, so renaming a table rewrites the foreign keys that point at it, and dropping a parent table
// would cascade-delete its children's rows (a DROP TABLE is an implicit DELETE). So every table on
// the chain (dataset ← run ← epoch_metric, model_artifact) is renamed, rebuilt and copied, and the
// old tables are dropped children first, when nothing references them any more. Existing rows
// go to the `default` project, which this migration creates.

const DATASET_COLUMNS =
  '`id`, `created_at`, `updated_at`, `name`, `kind`, `status`, `record_count`, `sequence_length`, `label_counts`, `checksum`, `genome_build`, `artifact_path`, `summary`, `source`';
const EPOCH_METRIC_COLUMNS =
  '`id`, `created_at`, `updated_at`, `run_id`, `epoch`, `metrics`, `samples_per_second`, `seconds`';
const MODEL_ARTIFACT_COLUMNS =
  '`id`, `created_at`, `updated_at`, `run_id`, `path`, `format`, `size_bytes`';
const RUN_COLUMNS =
  '`id`, `created_at`, `updated_at`, `dataset_id`, `architecture`, `config`, `status`, `backend`, `seed`, `epochs`, `batch_size`, `learning_rate`, `current_epoch`, `error`, `started_at`, `finished_at`, `data_checksum`, `code_version`, `final_metrics`';

export class Migration20261123120942_projects extends Migration {
  override async up(): Promise<void> {
    this.addSql(
      `create table \`project\` (\`id\` text not null, \`created_at\` datetime not null, \`updated_at\` datetime not null, \`name\` text not null, \`slug\` text not null, primary key (\`id\`));`,
    );
    this.addSql(`create unique index \`project_slug_unique\` on \`project\` (\`slug\`);`);
    const now = Date.now();
    this.addSql(
      `insert into \`project\` (\`id\`, \`created_at\`, \`updated_at\`, \`name\`, \`slug\`) values ('${DEFAULT_PROJECT_ID}', ${now}, ${now}, 'Default', 'default');`,
    );

    this.addSql(
      `create table \`user\` (\`id\` text not null, \`created_at\` datetime not null, \`updated_at\` datetime not null, \`name\` text not null, primary key (\`id\`));`,
    );

    this.addSql(
      `create table \`membership\` (\`id\` text not null, \`created_at\` datetime not null, \`updated_at\` datetime not null, \`user_id\` text not null, \`project_id\` text not null, \`role\` text not null, constraint \`membership_user_id_foreign\` foreign key(\`user_id\`) references \`user\`(\`id\`) on delete cascade on update cascade, constraint \`membership_project_id_foreign\` foreign key(\`project_id\`) references \`project\`(\`id\`) on delete cascade on update cascade, primary key (\`id\`));`,
    );
    this.addSql(`create index \`membership_user_id_index\` on \`membership\` (\`user_id\`);`);
    this.addSql(`create index \`membership_project_id_index\` on \`membership\` (\`project_id\`);`);
    this.addSql(
      `create unique index \`membership_user_id_project_id_unique\` on \`membership\` (\`user_id\`, \`project_id\`);`,
    );

    this.addSql(
      `create table \`api_token\` (\`id\` text not null, \`created_at\` datetime not null, \`updated_at\` datetime not null, \`user_id\` text not null, \`name\` text not null, \`prefix\` text not null, \`hash\` text not null, constraint \`api_token_user_id_foreign\` foreign key(\`user_id\`) references \`user\`(\`id\`) on delete cascade on update cascade, primary key (\`id\`));`,
    );
    this.addSql(`create index \`api_token_user_id_index\` on \`api_token\` (\`user_id\`);`);
    this.addSql(`create unique index \`api_token_hash_unique\` on \`api_token\` (\`hash\`);`);

    this.addSql('alter table `dataset` rename to `dataset_before_projects`;');
    this.addSql(
      `create table \`dataset\` (\`id\` text not null, \`created_at\` datetime not null, \`updated_at\` datetime not null, \`project_id\` text not null, \`name\` text not null, \`kind\` text not null, \`status\` text not null default 'IMPORTING', \`record_count\` integer not null default 0, \`sequence_length\` integer null, \`label_counts\` json not null, \`checksum\` text null, \`genome_build\` text null, \`artifact_path\` text null, \`summary\` json null, \`source\` json not null, constraint \`dataset_project_id_foreign\` foreign key(\`project_id\`) references \`project\`(\`id\`) on update cascade, primary key (\`id\`));`,
    );
    this.addSql(
      `insert into \`dataset\` (${DATASET_COLUMNS}, \`project_id\`) select ${DATASET_COLUMNS}, '${DEFAULT_PROJECT_ID}' from \`dataset_before_projects\`;`,
    );

    this.addSql('alter table `run` rename to `run_before_projects`;');
    this.addSql(
      `create table \`run\` (\`id\` text not null, \`created_at\` datetime not null, \`updated_at\` datetime not null, \`project_id\` text not null, \`dataset_id\` text not null, \`architecture\` text not null, \`config\` json not null, \`status\` text not null default 'QUEUED', \`backend\` text null, \`seed\` integer not null, \`epochs\` integer not null, \`batch_size\` integer not null, \`learning_rate\` double not null, \`current_epoch\` integer not null default 0, \`error\` text null, \`started_at\` datetime null, \`finished_at\` datetime null, \`data_checksum\` text null, \`code_version\` text null, \`final_metrics\` json null, constraint \`run_project_id_foreign\` foreign key(\`project_id\`) references \`project\`(\`id\`) on update cascade, constraint \`run_dataset_id_foreign\` foreign key(\`dataset_id\`) references \`dataset\`(\`id\`) on update cascade, primary key (\`id\`));`,
    );
    this.addSql(
      `insert into \`run\` (${RUN_COLUMNS}, \`project_id\`) select ${RUN_COLUMNS}, '${DEFAULT_PROJECT_ID}' from \`run_before_projects\`;`,
    );

    this.addSql('alter table `epoch_metric` rename to `epoch_metric_before_projects`;');
    this.addSql(
      `create table \`epoch_metric\` (\`id\` text not null, \`created_at\` datetime not null, \`updated_at\` datetime not null, \`run_id\` text not null, \`epoch\` integer not null, \`metrics\` json not null, \`samples_per_second\` double not null, \`seconds\` double not null, constraint \`epoch_metric_run_id_foreign\` foreign key(\`run_id\`) references \`run\`(\`id\`) on delete cascade on update cascade, primary key (\`id\`));`,
    );
    this.addSql(
      `insert into \`epoch_metric\` (${EPOCH_METRIC_COLUMNS}) select ${EPOCH_METRIC_COLUMNS} from \`epoch_metric_before_projects\`;`,
    );

    this.addSql('alter table `model_artifact` rename to `model_artifact_before_projects`;');
    this.addSql(
      `create table \`model_artifact\` (\`id\` text not null, \`created_at\` datetime not null, \`updated_at\` datetime not null, \`run_id\` text not null, \`path\` text not null, \`format\` text not null, \`size_bytes\` integer not null, constraint \`model_artifact_run_id_foreign\` foreign key(\`run_id\`) references \`run\`(\`id\`) on delete cascade on update cascade, primary key (\`id\`));`,
    );
    this.addSql(
      `insert into \`model_artifact\` (${MODEL_ARTIFACT_COLUMNS}) select ${MODEL_ARTIFACT_COLUMNS} from \`model_artifact_before_projects\`;`,
    );

    // Children first: when a table is dropped, no remaining table references it.
    this.addSql('drop table `epoch_metric_before_projects`;');
    this.addSql('drop table `model_artifact_before_projects`;');
    this.addSql('drop table `run_before_projects`;');
    this.addSql('drop table `dataset_before_projects`;');

    this.addSql(`create index \`dataset_project_id_index\` on \`dataset\` (\`project_id\`);`);
    this.addSql(
      `create index \`dataset_created_at_id_index\` on \`dataset\` (\`created_at\`, \`id\`);`,
    );
    this.addSql(`create index \`run_project_id_index\` on \`run\` (\`project_id\`);`);
    this.addSql(`create index \`run_dataset_id_index\` on \`run\` (\`dataset_id\`);`);
    this.addSql(`create index \`run_created_at_id_index\` on \`run\` (\`created_at\`, \`id\`);`);
    this.addSql(`create index \`epoch_metric_run_id_index\` on \`epoch_metric\` (\`run_id\`);`);
    this.addSql(
      `create unique index \`epoch_metric_run_id_epoch_unique\` on \`epoch_metric\` (\`run_id\`, \`epoch\`);`,
    );
    this.addSql(`create index \`model_artifact_run_id_index\` on \`model_artifact\` (\`run_id\`);`);
  }
}
