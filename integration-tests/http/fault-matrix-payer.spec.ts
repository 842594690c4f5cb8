import { medusaIntegrationTestRunner } from "@medusajs/test-utils"
import { createAdminHeaders } from "../helpers/admin"
import { PAYER_PROVIDER } from "../helpers/b2b"
import { useSandboxes } from "../helpers/environment"
import {
  armFault,
  disarm,
  FAULT_KINDS,
  faultHit,
  isRetryableOutage,
  MATRIX_CLIENT_TIMEOUT_MS,
  type FaultKind,
} from "../helpers/fault-matrix"
import { PAYER_CALLS_ON_INVOICES, type MatrixKit, type PayerCallCase } from "../helpers/fault-matrix-payer-calls"
import { PAYER_CALLS_ON_CREDITS } from "../helpers/fault-matrix-payer-money"
import { seedSwedishStore, type SeededStore } from "../helpers/seed"

// Read by medusa-config.js when the runner boots Medusa: a hung Payer request is given up quickly (and retried).
process.env.PAYER_TIMEOUT_MS = String(MATRIX_CLIENT_TIMEOUT_MS)

const sandboxes = useSandboxes()

/** Every mutating Payer call: token, order, approve, invoice, credit full/partial/manual, send, pay-with-credit, payout. */
const CALLS: PayerCallCase[] = [...PAYER_CALLS_ON_INVOICES, ...PAYER_CALLS_ON_CREDITS]
const CASES: Array<[string, PayerCallCase, FaultKind]> = CALLS.flatMap((c) =>
  FAULT_KINDS.map((kind): [string, PayerCallCase, FaultKind] => [`${c.call} × ${kind}`, c, kind]),
)

/**
 * Issue 11, the Payer half of the fault matrix: each mutating Payer call under each fault of fault-matrix.ts, in a
 * real Medusa against the Payer sandbox. Each case: the effect exists once at Payer, Medusa's records agree, the
 * merchant's answer is right (a success, or a 502/503 that says to try again and whose second try succeeds with the
 * same result), and the fault really hit the call.
 */
medusaIntegrationTestRunner({
  testSuite: ({ api, getContainer }) => {
    let admin: { headers: Record<string, string> }
    let seed: SeededStore
    const kit: MatrixKit = {
      api,
      admin: () => admin,
      container: () => getContainer(),
      seed: () => seed,
      payer: () => sandboxes.payer,
    }

    beforeAll(async () => {
      admin = await createAdminHeaders(getContainer())
      seed = await seedSwedishStore(api, admin, [PAYER_PROVIDER])
    })

    afterEach(() => disarm(sandboxes.payer))

    it("boots Medusa with the matrix's short Payer timeout", () => {
      const service: any = getContainer().resolve("payerInvoice")
      expect(service.getPayerOptions().timeoutMs).toBe(MATRIX_CLIENT_TIMEOUT_MS)
    })

    it.each(CASES)("%s", async (_name, call, kind) => {
      const s = await call.setup(kit)
      sandboxes.payer.clearRequests()
      armFault(sandboxes.payer, kind, call.only)
      const first = await call.act(kit, s)
      const hit = faultHit(sandboxes.payer.requests, call.only)
      disarm(sandboxes.payer) // the outage is over: whatever comes next meets a healthy Payer

      let final = first
      if (kind === "answer lost, retried by the user") {
        // Either the plugin recovered by itself, or the merchant is told to try again (never a bare 500)...
        const told = call.ok(first) || isRetryableOutage(first) || !!call.awaitsRetry?.(first)
        expect({ status: first.status, data: first.data, told }).toEqual({
          status: first.status,
          data: first.data,
          told: true,
        })
        // ...and trying again (same key, or the plugin's retry route) succeeds with what a first success answers.
        final = await call.retry(kit, s)
        expect([final.status, call.ok(final), final.data?.message]).toEqual([200, true, undefined])
        if (call.ok(first)) expect(call.result(final)).toEqual(call.result(first))
      } else {
        // The client's own retries recover: the first action succeeds.
        expect([first.status, call.ok(first), first.data?.message]).toEqual([200, true, undefined])
      }
      await call.verify(kit, s, final, kind)
      expect(hit).toBe(true)
    })
  },
})
