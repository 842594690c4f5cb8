import { Migration } from "@medusajs/framework/mikro-orm/migrations"

/**
 * Amount columns of Payer invoice records and lines: integer (overflows at 2^31 - 1 minor units, 21 474 836.47 SEK)
 * -> numeric with Medusa's raw_ companion columns (model.bigNumber()). Generated, then edited so that existing
 * rows keep their amounts in both columns.
 */
export class Migration20261201232658 extends Migration {
  override async up(): Promise<void> {
    this.addSql(
      `alter table if exists "payer_invoice" add column if not exists "raw_total_amount" jsonb not null default '{"value":"0","precision":20}', add column if not exists "raw_vat_amount" jsonb not null default '{"value":"0","precision":20}', add column if not exists "raw_credited_amount" jsonb not null default '{"value":"0","precision":20}', add column if not exists "raw_outstanding_amount" jsonb not null default '{"value":"0","precision":20}';`,
    )
    this.addSql(
      `alter table if exists "payer_invoice" alter column "total_amount" type numeric using ("total_amount"::numeric);`,
    )
    this.addSql(
      `alter table if exists "payer_invoice" alter column "vat_amount" type numeric using ("vat_amount"::numeric);`,
    )
    this.addSql(
      `alter table if exists "payer_invoice" alter column "credited_amount" type numeric using ("credited_amount"::numeric);`,
    )
    this.addSql(
      `alter table if exists "payer_invoice" alter column "outstanding_amount" type numeric using ("outstanding_amount"::numeric);`,
    )

    // Existing invoices keep their amounts: the raw_ companions start as copies of the integer columns
    // (generated: a default of 0, which would disagree with the numeric value of every existing row).
    this.addSql(
      `update "payer_invoice" set "raw_total_amount" = jsonb_build_object('value', "total_amount"::text, 'precision', 20), "raw_vat_amount" = jsonb_build_object('value', "vat_amount"::text, 'precision', 20), "raw_credited_amount" = jsonb_build_object('value', "credited_amount"::text, 'precision', 20), "raw_outstanding_amount" = jsonb_build_object('value', "outstanding_amount"::text, 'precision', 20);`,
    )

    // Lines: added nullable, filled from the existing integers, then NOT NULL (generated: NOT NULL without a
    // default, which fails on a table that already has rows).
    this.addSql(
      `alter table if exists "payer_invoice_line" add column if not exists "raw_unit_amount" jsonb null, add column if not exists "raw_total_amount" jsonb null;`,
    )
    this.addSql(
      `alter table if exists "payer_invoice_line" alter column "unit_amount" type numeric using ("unit_amount"::numeric);`,
    )
    this.addSql(
      `alter table if exists "payer_invoice_line" alter column "total_amount" type numeric using ("total_amount"::numeric);`,
    )
    this.addSql(
      `update "payer_invoice_line" set "raw_unit_amount" = jsonb_build_object('value', "unit_amount"::text, 'precision', 20), "raw_total_amount" = jsonb_build_object('value', "total_amount"::text, 'precision', 20) where "raw_unit_amount" is null or "raw_total_amount" is null;`,
    )
    this.addSql(
      `alter table if exists "payer_invoice_line" alter column "raw_unit_amount" set not null, alter column "raw_total_amount" set not null;`,
    )
  }

  override async down(): Promise<void> {
    this.addSql(
      `alter table if exists "payer_invoice" drop column if exists "raw_total_amount", drop column if exists "raw_vat_amount", drop column if exists "raw_credited_amount", drop column if exists "raw_outstanding_amount";`,
    )

    this.addSql(
      `alter table if exists "payer_invoice" alter column "total_amount" type integer using ("total_amount"::integer);`,
    )
    this.addSql(
      `alter table if exists "payer_invoice" alter column "vat_amount" type integer using ("vat_amount"::integer);`,
    )
    this.addSql(
      `alter table if exists "payer_invoice" alter column "credited_amount" type integer using ("credited_amount"::integer);`,
    )
    this.addSql(
      `alter table if exists "payer_invoice" alter column "outstanding_amount" type integer using ("outstanding_amount"::integer);`,
    )

    this.addSql(
      `alter table if exists "payer_invoice_line" drop column if exists "raw_unit_amount", drop column if exists "raw_total_amount";`,
    )

    this.addSql(
      `alter table if exists "payer_invoice_line" alter column "unit_amount" type integer using ("unit_amount"::integer);`,
    )
    this.addSql(
      `alter table if exists "payer_invoice_line" alter column "total_amount" type integer using ("total_amount"::integer);`,
    )
  }
}
