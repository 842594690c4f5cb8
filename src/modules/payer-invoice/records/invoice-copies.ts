/** A copy of an issued invoice sent again by Payer (moves no money). */
import { randomUUID } from "node:crypto"
import { MedusaError } from "@medusajs/framework/utils"
import { requestIdFor } from "../../../lib/payer"
import { PAYER_DELIVERY_TYPES } from "../options"
import type PayerInvoiceModuleService from "../service"
import { payerFailure } from "./failures"
import { recordByNumber } from "./read"

/**
 * Sends a copy by `deliveryType` (NONE is refused: it sends nothing). With an Idempotency-Key the same key sends
 * one copy; without one every request sends another copy, which is what a second click on "send" means.
 */
export async function sendInvoiceCopy(
  service: PayerInvoiceModuleService,
  invoiceNumber: string,
  deliveryType: string,
  key: string | undefined,
): Promise<void> {
  const record = await recordByNumber(service, invoiceNumber)
  const type = String(deliveryType ?? "").toUpperCase()
  if (type === "NONE" || !(PAYER_DELIVERY_TYPES as readonly string[]).includes(type)) {
    throw new MedusaError(
      MedusaError.Types.INVALID_DATA,
      `delivery_type: must be one of ${PAYER_DELIVERY_TYPES.filter((t) => t !== "NONE").join(", ")} (NONE sends nothing), got ${JSON.stringify(deliveryType)}`,
    )
  }
  try {
    await service
      .getPayerClient()
      .sendInvoice(
        { invoiceNumber: Number(record.invoice_number), deliveryType: type },
        requestIdFor(record.id, "send", type, key ?? randomUUID()),
      )
  } catch (error) {
    throw payerFailure(error, `Sending Payer invoice ${record.invoice_number}`)
  }
}
