import { Migration } from "@medusajs/framework/mikro-orm/migrations"

export class Migration20261201232240 extends Migration {
  override async up(): Promise<void> {
    this.addSql(`alter table if exists "payer_invoice" drop constraint if exists "payer_invoice_status_check";`)

    this.addSql(
      `alter table if exists "payer_invoice" add constraint "payer_invoice_status_check" check("status" in ('pending', 'issued', 'failed', 'unknown'));`,
    )
  }

  override async down(): Promise<void> {
    this.addSql(`alter table if exists "payer_invoice" drop constraint if exists "payer_invoice_status_check";`)

    this.addSql(
      `alter table if exists "payer_invoice" add constraint "payer_invoice_status_check" check("status" in ('pending', 'issued', 'failed'));`,
    )
  }
}
