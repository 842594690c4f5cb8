import type { IPaymentModuleService, UpdatePaymentDTO } from "@medusajs/framework/types"

/**
 * Writes a Medusa payment's `data`. `paymentModule.updatePayment` stores `data` (merged with what is there: only
 * an explicit null removes a key), but Medusa 2.21's `UpdatePaymentDTO` type has only `id`; this is the one
 * place that bridges the two, so the workflows need no casts.
 */
export function updatePaymentData(
  paymentModule: IPaymentModuleService,
  paymentId: string,
  data: Record<string, unknown>,
) {
  return paymentModule.updatePayment({ id: paymentId, data } as UpdatePaymentDTO)
}
