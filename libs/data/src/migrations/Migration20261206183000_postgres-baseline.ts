import { Migration } from '@mikro-orm/migrations';

/** The project that the SQLite history creates for existing rows (the `default` project). */
const DEFAULT_PROJECT_ID = '00000000-0000-4000-8000-000000000001';

// PostgreSQL's first migration: the schema that SQLite's migrations up to
// Migration20261206103527_access-lifecycle build, in one step. Generated from the entities with
// MikroORM's PostgreSQL schema generator (`orm.schema.getCreateSchemaSQL()`), plus the index on
// each foreign key that SQLite's migrations have (PostgreSQL does not index foreign keys by
// itself) and the `default` project. Ids are `text`, not `uuid`: an id comes from a client (a
// GraphQL ID), and a malformed one must find nothing, as on SQLite, rather than fail the query
// with PostgreSQL's "invalid input syntax for type uuid". postgres.spec.ts checks that the
// entities and this schema agree (but for that column type). Later migrations are written once per dialect (see migrations.ts).
export class Migration20261206183000_postgresBaseline extends Migration {
  override async up(): Promise<void> {
    for (const sql of [
      'create table "project" ("id" text not null, "created_at" timestamptz not null, "updated_at" timestamptz not null, "name" varchar(255) not null, "slug" varchar(255) not null, constraint "project_pkey" primary key ("id"));',
      'create index "project_slug_index" on "project" ("slug");',
      'create table "dataset" ("id" text not null, "created_at" timestamptz not null, "updated_at" timestamptz not null, "project_id" text not null, "name" varchar(255) not null, "kind" varchar(255) not null, "status" varchar(255) not null default \'IMPORTING\', "record_count" int not null default 0, "sequence_length" int null, "label_counts" jsonb not null, "checksum" varchar(255) null, "genome_build" varchar(255) null, "artifact_path" varchar(255) null, "summary" jsonb null, "source" jsonb not null, constraint "dataset_pkey" primary key ("id"));',
      'create index "dataset_created_at_id_index" on "dataset" ("created_at", "id");',
      'create table "run" ("id" text not null, "created_at" timestamptz not null, "updated_at" timestamptz not null, "project_id" text not null, "dataset_id" text not null, "architecture" varchar(255) not null, "config" jsonb not null, "status" varchar(255) not null default \'QUEUED\', "backend" varchar(255) null, "seed" int not null, "epochs" int not null, "batch_size" int not null, "learning_rate" double precision not null, "current_epoch" int not null default 0, "checkpoint_epoch" int not null default 0, "heartbeat_at" timestamptz null, "error" text null, "started_at" timestamptz null, "finished_at" timestamptz null, "data_checksum" varchar(255) null, "code_version" varchar(255) null, "final_metrics" jsonb null, "split" jsonb null, "parent_job_id" text null, "group_label" varchar(255) null, constraint "run_pkey" primary key ("id"));',
      'create index "run_created_at_id_index" on "run" ("created_at", "id");',
      'create table "model_artifact" ("id" text not null, "created_at" timestamptz not null, "updated_at" timestamptz not null, "run_id" text not null, "path" varchar(255) not null, "format" varchar(255) not null, "size_bytes" int not null, constraint "model_artifact_pkey" primary key ("id"));',
      'create table "model_version" ("id" text not null, "created_at" timestamptz not null, "updated_at" timestamptz not null, "project_id" text not null, "name" varchar(255) not null, "version" int not null, "run_id" text not null, "artifact_id" text not null, constraint "model_version_pkey" primary key ("id"));',
      'create index "model_version_run_id_index" on "model_version" ("run_id");',
      'alter table "model_version" add constraint "model_version_project_id_name_version_unique" unique ("project_id", "name", "version");',
      'create table "model_alias" ("id" text not null, "created_at" timestamptz not null, "updated_at" timestamptz not null, "project_id" text not null, "name" varchar(255) not null, "alias" varchar(255) not null, "version_id" text not null, constraint "model_alias_pkey" primary key ("id"));',
      'alter table "model_alias" add constraint "model_alias_project_id_name_alias_unique" unique ("project_id", "name", "alias");',
      'create table "job" ("id" text not null, "created_at" timestamptz not null, "updated_at" timestamptz not null, "project_id" text not null, "kind" varchar(255) not null, "status" varchar(255) not null default \'QUEUED\', "params" jsonb not null, "progress" jsonb not null, "result" jsonb null, "artifact_path" varchar(255) not null, "error" text null, "dataset_id" text null, "run_id" text null, "model_version_id" text null, "output_dataset_id" text null, "lineage" jsonb not null, "started_at" timestamptz null, "finished_at" timestamptz null, "heartbeat_at" timestamptz null, constraint "job_pkey" primary key ("id"));',
      'create index "job_project_id_created_at_id_index" on "job" ("project_id", "created_at", "id");',
      'create table "epoch_metric" ("id" text not null, "created_at" timestamptz not null, "updated_at" timestamptz not null, "run_id" text not null, "epoch" int not null, "metrics" jsonb not null, "samples_per_second" double precision not null, "seconds" double precision not null, constraint "epoch_metric_pkey" primary key ("id"));',
      'alter table "epoch_metric" add constraint "epoch_metric_run_id_epoch_unique" unique ("run_id", "epoch");',
      'create table "run_note" ("id" text not null, "created_at" timestamptz not null, "updated_at" timestamptz not null, "run_id" text not null, "text" text not null, constraint "run_note_pkey" primary key ("id"));',
      'alter table "run_note" add constraint "run_note_run_id_unique" unique ("run_id");',
      'create table "run_tag" ("id" text not null, "created_at" timestamptz not null, "updated_at" timestamptz not null, "run_id" text not null, "tag" varchar(255) not null, constraint "run_tag_pkey" primary key ("id"));',
      'create index "run_tag_tag_index" on "run_tag" ("tag");',
      'alter table "run_tag" add constraint "run_tag_run_id_tag_unique" unique ("run_id", "tag");',
      'create table "user" ("id" text not null, "created_at" timestamptz not null, "updated_at" timestamptz not null, "name" varchar(255) not null, constraint "user_pkey" primary key ("id"));',
      'create table "membership" ("id" text not null, "created_at" timestamptz not null, "updated_at" timestamptz not null, "user_id" text not null, "project_id" text not null, "role" varchar(255) not null, constraint "membership_pkey" primary key ("id"));',
      'alter table "membership" add constraint "membership_user_id_project_id_unique" unique ("user_id", "project_id");',
      'create table "invitation" ("id" text not null, "created_at" timestamptz not null, "updated_at" timestamptz not null, "project_id" text not null, "user_id" text not null, "invited_by_id" text not null, "role" varchar(255) not null, "status" varchar(255) not null default \'PENDING\', "responded_at" timestamptz null, constraint "invitation_pkey" primary key ("id"));',
      'create index "invitation_project_id_status_index" on "invitation" ("project_id", "status");',
      'create index "invitation_user_id_status_index" on "invitation" ("user_id", "status");',
      'create table "audit_event" ("id" text not null, "created_at" timestamptz not null, "updated_at" timestamptz not null, "project_id" text null, "actor_id" text null, "subject_id" text null, "action" varchar(255) not null, "details" jsonb not null, constraint "audit_event_pkey" primary key ("id"));',
      'create index "audit_event_subject_id_created_at_index" on "audit_event" ("subject_id", "created_at");',
      'create index "audit_event_project_id_created_at_id_index" on "audit_event" ("project_id", "created_at", "id");',
      'create table "api_token" ("id" text not null, "created_at" timestamptz not null, "updated_at" timestamptz not null, "user_id" text not null, "name" varchar(255) not null, "prefix" varchar(255) not null, "hash" varchar(255) not null, "expires_at" timestamptz null, "revoked_at" timestamptz null, constraint "api_token_pkey" primary key ("id"));',
      'alter table "api_token" add constraint "api_token_hash_unique" unique ("hash");',
      'create table "variant_score" ("job_id" text not null, "row" int not null, "chrom" varchar(255) not null, "pos" int not null, "variant_id" varchar(255) null, "ref" text not null, "alt" text not null, "task" varchar(255) not null, "ref_pred" double precision not null, "alt_pred" double precision not null, "diff" double precision not null, "abs_diff" double precision not null, "log_odds_change" double precision not null, constraint "variant_score_pkey" primary key ("job_id", "row"));',
      'create index "variant_score_job_id_chrom_pos_row_index" on "variant_score" ("job_id", "chrom", "pos", "row");',
      'create index "variant_score_job_id_diff_row_index" on "variant_score" ("job_id", "diff", "row");',
      'create index "variant_score_job_id_abs_diff_row_index" on "variant_score" ("job_id", "abs_diff", "row");',
      'alter table "dataset" add constraint "dataset_project_id_foreign" foreign key ("project_id") references "project" ("id") on update cascade;',
      'alter table "run" add constraint "run_project_id_foreign" foreign key ("project_id") references "project" ("id") on update cascade;',
      'alter table "run" add constraint "run_dataset_id_foreign" foreign key ("dataset_id") references "dataset" ("id") on update cascade;',
      'alter table "run" add constraint "run_parent_job_id_foreign" foreign key ("parent_job_id") references "job" ("id") on update cascade on delete set null;',
      'alter table "model_artifact" add constraint "model_artifact_run_id_foreign" foreign key ("run_id") references "run" ("id") on update cascade on delete cascade;',
      'alter table "model_version" add constraint "model_version_project_id_foreign" foreign key ("project_id") references "project" ("id") on update cascade;',
      'alter table "model_version" add constraint "model_version_run_id_foreign" foreign key ("run_id") references "run" ("id") on update cascade;',
      'alter table "model_version" add constraint "model_version_artifact_id_foreign" foreign key ("artifact_id") references "model_artifact" ("id") on update cascade;',
      'alter table "model_alias" add constraint "model_alias_project_id_foreign" foreign key ("project_id") references "project" ("id") on update cascade;',
      'alter table "model_alias" add constraint "model_alias_version_id_foreign" foreign key ("version_id") references "model_version" ("id") on update cascade on delete cascade;',
      'alter table "job" add constraint "job_project_id_foreign" foreign key ("project_id") references "project" ("id") on update cascade;',
      'alter table "job" add constraint "job_dataset_id_foreign" foreign key ("dataset_id") references "dataset" ("id") on update cascade on delete set null;',
      'alter table "job" add constraint "job_run_id_foreign" foreign key ("run_id") references "run" ("id") on update cascade on delete set null;',
      'alter table "job" add constraint "job_model_version_id_foreign" foreign key ("model_version_id") references "model_version" ("id") on update cascade on delete set null;',
      'alter table "job" add constraint "job_output_dataset_id_foreign" foreign key ("output_dataset_id") references "dataset" ("id") on update cascade on delete set null;',
      'alter table "epoch_metric" add constraint "epoch_metric_run_id_foreign" foreign key ("run_id") references "run" ("id") on update cascade on delete cascade;',
      'alter table "run_note" add constraint "run_note_run_id_foreign" foreign key ("run_id") references "run" ("id") on update cascade on delete cascade;',
      'alter table "run_tag" add constraint "run_tag_run_id_foreign" foreign key ("run_id") references "run" ("id") on update cascade on delete cascade;',
      'alter table "membership" add constraint "membership_user_id_foreign" foreign key ("user_id") references "user" ("id") on update cascade on delete cascade;',
      'alter table "membership" add constraint "membership_project_id_foreign" foreign key ("project_id") references "project" ("id") on update cascade on delete cascade;',
      'alter table "invitation" add constraint "invitation_project_id_foreign" foreign key ("project_id") references "project" ("id") on update cascade on delete cascade;',
      'alter table "invitation" add constraint "invitation_user_id_foreign" foreign key ("user_id") references "user" ("id") on update cascade on delete cascade;',
      'alter table "invitation" add constraint "invitation_invited_by_id_foreign" foreign key ("invited_by_id") references "user" ("id") on update cascade on delete cascade;',
      'alter table "audit_event" add constraint "audit_event_project_id_foreign" foreign key ("project_id") references "project" ("id") on update cascade on delete cascade;',
      'alter table "audit_event" add constraint "audit_event_actor_id_foreign" foreign key ("actor_id") references "user" ("id") on update cascade on delete set null;',
      'alter table "audit_event" add constraint "audit_event_subject_id_foreign" foreign key ("subject_id") references "user" ("id") on update cascade on delete set null;',
      'alter table "api_token" add constraint "api_token_user_id_foreign" foreign key ("user_id") references "user" ("id") on update cascade on delete cascade;',
      'alter table "variant_score" add constraint "variant_score_job_id_foreign" foreign key ("job_id") references "job" ("id") on update cascade on delete cascade;',
      'create index "dataset_project_id_index" on "dataset" ("project_id");',
      'create index "run_project_id_index" on "run" ("project_id");',
      'create index "run_dataset_id_index" on "run" ("dataset_id");',
      'create index "run_parent_job_id_index" on "run" ("parent_job_id");',
      'create index "model_artifact_run_id_index" on "model_artifact" ("run_id");',
      'create index "model_version_project_id_index" on "model_version" ("project_id");',
      'create index "model_version_artifact_id_index" on "model_version" ("artifact_id");',
      'create index "model_alias_project_id_index" on "model_alias" ("project_id");',
      'create index "model_alias_version_id_index" on "model_alias" ("version_id");',
      'create index "job_project_id_index" on "job" ("project_id");',
      'create index "job_dataset_id_index" on "job" ("dataset_id");',
      'create index "job_run_id_index" on "job" ("run_id");',
      'create index "job_model_version_id_index" on "job" ("model_version_id");',
      'create index "job_output_dataset_id_index" on "job" ("output_dataset_id");',
      'create index "epoch_metric_run_id_index" on "epoch_metric" ("run_id");',
      'create index "run_tag_run_id_index" on "run_tag" ("run_id");',
      'create index "membership_user_id_index" on "membership" ("user_id");',
      'create index "membership_project_id_index" on "membership" ("project_id");',
      'create index "invitation_project_id_index" on "invitation" ("project_id");',
      'create index "invitation_user_id_index" on "invitation" ("user_id");',
      'create index "invitation_invited_by_id_index" on "invitation" ("invited_by_id");',
      'create index "audit_event_project_id_index" on "audit_event" ("project_id");',
      'create index "audit_event_actor_id_index" on "audit_event" ("actor_id");',
      'create index "audit_event_subject_id_index" on "audit_event" ("subject_id");',
      'create index "api_token_user_id_index" on "api_token" ("user_id");',
    ])
      this.addSql(sql);
    this.addSql(
      `insert into "project" ("id", "created_at", "updated_at", "name", "slug") values ('${DEFAULT_PROJECT_ID}', now(), now(), 'Default', 'default');`,
    );
  }
}
