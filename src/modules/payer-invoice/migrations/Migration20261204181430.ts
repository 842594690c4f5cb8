import { Migration } from "@medusajs/framework/mikro-orm/migrations"

export class Migration20261204181430 extends Migration {
  override async up(): Promise<void> {
    this.addSql(
      `alter table if exists "payer_event_receipt" drop constraint if exists "payer_event_receipt_token_hash_unique";`,
    )
    this.addSql(
      `create table if not exists "payer_event_receipt" ("id" text not null, "token_hash" text not null, "type" text not null, "state" text check ("state" in ('processing', 'processed')) not null default 'processing', "updated_invoice_numbers" text null, "processed_at" timestamptz null, "created_at" timestamptz not null default now(), "updated_at" timestamptz not null default now(), "deleted_at" timestamptz null, constraint "payer_event_receipt_pkey" primary key ("id"));`,
    )
    this.addSql(
      `CREATE INDEX IF NOT EXISTS "IDX_payer_event_receipt_deleted_at" ON "payer_event_receipt" ("deleted_at") WHERE deleted_at IS NULL;`,
    )
    this.addSql(
      `CREATE UNIQUE INDEX IF NOT EXISTS "IDX_payer_event_receipt_token_hash_unique" ON "payer_event_receipt" ("token_hash") WHERE deleted_at IS NULL;`,
    )
  }

  override async down(): Promise<void> {
    this.addSql(`drop table if exists "payer_event_receipt" cascade;`)
  }
}
