// Issue 11's fault matrix, PayEx half: every mutating PayEx call, under each fault of helpers/fault-matrix.ts, in a
// real Medusa with the PayEx sandbox. Each case asserts that the fault hit the call, that the user's answer is the
// right one (success, or a 502/503 saying to try again and then success on the user's retry), that the effect exists
// exactly once at the sandbox, and that Medusa's records agree with it.
import { medusaIntegrationTestRunner } from "@medusajs/test-utils"
import { createAdminHeaders } from "../helpers/admin"
import { useSandboxes } from "../helpers/environment"
import { answerOf, disarm, isRetryableOutage, MATRIX_CLIENT_TIMEOUT_MS } from "../helpers/fault-matrix"
import { matrixCases } from "../helpers/matrix-cases"
import { seedSwedishStore, SeededStore } from "../helpers/seed"
import { payexMatrixCalls } from "../helpers/payex-matrix-calls"

// Read by medusa-config.js when the runner boots Medusa: a hung request is given up after 1.5 s.
process.env.PAYEX_TIMEOUT_MS = String(MATRIX_CLIENT_TIMEOUT_MS)

const sandboxes = useSandboxes()

medusaIntegrationTestRunner({
  testSuite: ({ api, getContainer }) => {
    let admin: { headers: Record<string, string> }
    let seed: SeededStore

    beforeAll(async () => {
      admin = await createAdminHeaders(getContainer())
      seed = await seedSwedishStore(api, admin, ["pp_payex-invoice_payex", "pp_system_default"])
    })

    const calls = payexMatrixCalls({
      api,
      admin: () => admin,
      seed: () => seed,
      payex: () => sandboxes.payex,
    })

    matrixCases("PayEx", calls, () => sandboxes.payex)

    // Beyond the matrix: every answer lost and PayEx not even readable, so the merchant's action fails and Medusa
    // deletes its capture or refund row. The retry is a new row, but the same n-th action of the same amount on
    // the payment: the same payeeReference, so PayEx's replay answer takes over the lost work.
    it.each([
      ["capture", "captures"],
      ["reversal", "reversals"],
    ])("a merchant's retried %s after PayEx could not be read either: 502, then once", async (name, path) => {
      const call = calls.find((c) => c.call === name)!
      const ctx = await call.setup()
      sandboxes.payex.setFaults({ dropNext: 6, only: `^(POST .*/${path}|GET .*/transactions)$` })
      const first = await answerOf(call.act(ctx))
      expect(first.status).toBe(502)
      expect(isRetryableOutage(first)).toBe(true)
      disarm(sandboxes.payex)
      const retried = await answerOf(call.act(ctx))
      expect(retried.status).toBe(200)
      await call.verify(ctx, retried)
    })
  },
})
