import { Migration } from "@medusajs/framework/mikro-orm/migrations"

export class Migration20261121055744 extends Migration {
  override async up(): Promise<void> {
    this.addSql(`alter table if exists "payer_invoice" drop constraint if exists "payer_invoice_source_unique";`)
    this.addSql(
      `create table if not exists "payer_invoice" ("id" text not null, "order_id" text not null, "payment_id" text null, "kind" text check ("kind" in ('invoice', 'credit')) not null default 'invoice', "source" text not null, "fulfillment_id" text null, "credited_invoice_id" text null, "credited_invoice_number" text null, "status" text check ("status" in ('pending', 'issued', 'failed')) not null default 'pending', "step" text null, "attempt" integer not null default 0, "payer_order_id" text null, "reference_id" text not null, "invoice_number" text null, "ocr" text null, "payer_status" text null, "currency_code" text not null, "total_amount" integer not null default 0, "vat_amount" integer not null default 0, "credited_amount" integer not null default 0, "outstanding_amount" integer not null default 0, "invoice_date" text null, "due_date" text null, "delivery_type" text null, "public_url" text null, "standalone" boolean not null default false, "medusa_recorded" boolean not null default false, "last_error" text null, "metadata" jsonb null, "created_at" timestamptz not null default now(), "updated_at" timestamptz not null default now(), "deleted_at" timestamptz null, constraint "payer_invoice_pkey" primary key ("id"));`,
    )
    this.addSql(
      `CREATE INDEX IF NOT EXISTS "IDX_payer_invoice_deleted_at" ON "payer_invoice" ("deleted_at") WHERE deleted_at IS NULL;`,
    )
    this.addSql(
      `CREATE UNIQUE INDEX IF NOT EXISTS "IDX_payer_invoice_source_unique" ON "payer_invoice" ("source") WHERE deleted_at IS NULL;`,
    )
    this.addSql(
      `CREATE INDEX IF NOT EXISTS "IDX_payer_invoice_order_id" ON "payer_invoice" ("order_id") WHERE deleted_at IS NULL;`,
    )
    this.addSql(
      `CREATE INDEX IF NOT EXISTS "IDX_payer_invoice_invoice_number" ON "payer_invoice" ("invoice_number") WHERE deleted_at IS NULL;`,
    )

    this.addSql(
      `create table if not exists "payer_invoice_line" ("id" text not null, "invoice_id" text not null, "position" integer not null, "line_item_id" text null, "shipping_method_id" text null, "description" text not null, "quantity" integer not null, "unit_amount" integer not null, "total_amount" integer not null, "vat_basis_points" integer not null, "credited_quantity" integer not null default 0, "created_at" timestamptz not null default now(), "updated_at" timestamptz not null default now(), "deleted_at" timestamptz null, constraint "payer_invoice_line_pkey" primary key ("id"));`,
    )
    this.addSql(
      `CREATE INDEX IF NOT EXISTS "IDX_payer_invoice_line_invoice_id" ON "payer_invoice_line" ("invoice_id") WHERE deleted_at IS NULL;`,
    )
    this.addSql(
      `CREATE INDEX IF NOT EXISTS "IDX_payer_invoice_line_deleted_at" ON "payer_invoice_line" ("deleted_at") WHERE deleted_at IS NULL;`,
    )

    this.addSql(
      `alter table if exists "payer_invoice_line" add constraint "payer_invoice_line_invoice_id_foreign" foreign key ("invoice_id") references "payer_invoice" ("id") on update cascade on delete cascade;`,
    )
  }

  override async down(): Promise<void> {
    this.addSql(
      `alter table if exists "payer_invoice_line" drop constraint if exists "payer_invoice_line_invoice_id_foreign";`,
    )

    this.addSql(`drop table if exists "payer_invoice" cascade;`)

    this.addSql(`drop table if exists "payer_invoice_line" cascade;`)
  }
}
