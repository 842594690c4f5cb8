import { Migration } from "@medusajs/framework/mikro-orm/migrations"

export class Migration20261201233156 extends Migration {
  override async up(): Promise<void> {
    this.addSql(`alter table if exists "payer_sync_state" drop constraint if exists "payer_sync_state_name_unique";`)
    this.addSql(
      `create table if not exists "payer_sync_state" ("id" text not null, "name" text not null, "next_invoice_number" text null, "last_run_at" timestamptz null, "last_cycle_completed_at" timestamptz null, "created_at" timestamptz not null default now(), "updated_at" timestamptz not null default now(), "deleted_at" timestamptz null, constraint "payer_sync_state_pkey" primary key ("id"));`,
    )
    this.addSql(
      `CREATE INDEX IF NOT EXISTS "IDX_payer_sync_state_deleted_at" ON "payer_sync_state" ("deleted_at") WHERE deleted_at IS NULL;`,
    )
    this.addSql(
      `CREATE UNIQUE INDEX IF NOT EXISTS "IDX_payer_sync_state_name_unique" ON "payer_sync_state" ("name") WHERE deleted_at IS NULL;`,
    )
  }

  override async down(): Promise<void> {
    this.addSql(`drop table if exists "payer_sync_state" cascade;`)
  }
}
