import { Modules } from "@medusajs/framework/utils"
import { createStep, StepResponse } from "@medusajs/framework/workflows-sdk"
import { PAYER_SYNC_LOCK_KEY } from "../../../modules/payer-invoice/lock-keys"

export const releasePayerSyncLockStepId = "payer-release-sync-lock"

/** Releases the sync lock this run holds. Nothing to undo: the lock is free for the next run either way. */
export const releasePayerSyncLockStep = createStep(
  releasePayerSyncLockStepId,
  async (input: { owner_id: string }, { container }) => {
    await container.resolve(Modules.LOCKING).release(PAYER_SYNC_LOCK_KEY, { ownerId: input.owner_id })
    return new StepResponse(undefined)
  },
)
