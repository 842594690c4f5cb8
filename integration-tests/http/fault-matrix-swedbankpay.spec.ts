// The fault matrix for the Swedbank Pay provider (Payment Order v3.1): every mutating payment order call under each
// fault of helpers/fault-matrix.ts, in a real Medusa with the sandbox (helpers/matrix-cases.ts says what each case
// asserts).
import { medusaIntegrationTestRunner } from "@medusajs/test-utils"
import { createAdminHeaders } from "../helpers/admin"
import { useSandboxes } from "../helpers/environment"
import { MATRIX_CLIENT_TIMEOUT_MS } from "../helpers/fault-matrix"
import { matrixCases } from "../helpers/matrix-cases"
import { seedSwedishStore, SeededStore } from "../helpers/seed"
import { swedbankPayMatrixCalls } from "../helpers/swedbankpay-matrix-calls"

// Read by medusa-config.js when the runner boots Medusa (both invoice providers): a hung request is given up after 1.5 s.
process.env.PAYEX_TIMEOUT_MS = String(MATRIX_CLIENT_TIMEOUT_MS)

const sandboxes = useSandboxes()

medusaIntegrationTestRunner({
  testSuite: ({ api, getContainer }) => {
    let admin: { headers: Record<string, string> }
    let seed: SeededStore

    beforeAll(async () => {
      admin = await createAdminHeaders(getContainer())
      seed = await seedSwedishStore(api, admin, ["pp_swedbankpay-invoice_swedbankpay", "pp_system_default"])
    })

    const calls = swedbankPayMatrixCalls({ api, admin: () => admin, seed: () => seed, payex: () => sandboxes.payex })
    matrixCases("Swedbank Pay", calls, () => sandboxes.payex)
  },
})
