import { Migration } from '@mikro-orm/migrations';

// Written by hand (SQLite dialect) from the schema generator's output for these four tables
// only: run tags and notes, registered model versions and their aliases. New tables, so no
// existing row changes.
export class Migration20261123124500_registry extends Migration {
  override async up(): Promise<void> {
    this.addSql(
      'create table `run_tag` (`id` text not null, `created_at` datetime not null, `updated_at` datetime not null, `run_id` text not null, `tag` text not null, constraint `run_tag_run_id_foreign` foreign key(`run_id`) references `run`(`id`) on delete cascade on update cascade, primary key (`id`));',
    );
    this.addSql('create index `run_tag_run_id_index` on `run_tag` (`run_id`);');
    this.addSql('create index `run_tag_tag_index` on `run_tag` (`tag`);');
    this.addSql('create unique index `run_tag_run_id_tag_unique` on `run_tag` (`run_id`, `tag`);');

    this.addSql(
      'create table `run_note` (`id` text not null, `created_at` datetime not null, `updated_at` datetime not null, `run_id` text not null, `text` text not null, constraint `run_note_run_id_foreign` foreign key(`run_id`) references `run`(`id`) on delete cascade on update cascade, primary key (`id`));',
    );
    this.addSql('create unique index `run_note_run_id_unique` on `run_note` (`run_id`);');

    this.addSql(
      'create table `model_version` (`id` text not null, `created_at` datetime not null, `updated_at` datetime not null, `project_id` text not null, `name` text not null, `version` integer not null, `run_id` text not null, `artifact_id` text not null, constraint `model_version_project_id_foreign` foreign key(`project_id`) references `project`(`id`) on update cascade, constraint `model_version_run_id_foreign` foreign key(`run_id`) references `run`(`id`) on update cascade, constraint `model_version_artifact_id_foreign` foreign key(`artifact_id`) references `model_artifact`(`id`) on update cascade, primary key (`id`));',
    );
    this.addSql('create index `model_version_project_id_index` on `model_version` (`project_id`);');
    this.addSql('create index `model_version_run_id_index` on `model_version` (`run_id`);');
    this.addSql(
      'create index `model_version_artifact_id_index` on `model_version` (`artifact_id`);',
    );
    this.addSql(
      'create unique index `model_version_project_id_name_version_unique` on `model_version` (`project_id`, `name`, `version`);',
    );

    this.addSql(
      'create table `model_alias` (`id` text not null, `created_at` datetime not null, `updated_at` datetime not null, `project_id` text not null, `name` text not null, `alias` text not null, `version_id` text not null, constraint `model_alias_project_id_foreign` foreign key(`project_id`) references `project`(`id`) on update cascade, constraint `model_alias_version_id_foreign` foreign key(`version_id`) references `model_version`(`id`) on delete cascade on update cascade, primary key (`id`));',
    );
    this.addSql('create index `model_alias_project_id_index` on `model_alias` (`project_id`);');
    this.addSql('create index `model_alias_version_id_index` on `model_alias` (`version_id`);');
    this.addSql(
      'create unique index `model_alias_project_id_name_alias_unique` on `model_alias` (`project_id`, `name`, `alias`);',
    );
  }
}
