// Bench-only admin route of the bench host (never part of the plugin): runs the plugin's Payer status sync workflow,
// exactly what its scheduled job runs, inside the Medusa process, so the bench can watch this process's memory.
// POST starts one run in the background (202), GET answers how it went.
import type { MedusaRequest, MedusaResponse } from "@medusajs/framework/http"
import { syncPayerInvoicesWorkflow } from "medusa-plugin-payex-payer/workflows"

interface Run {
  started_at: number
  ms?: number
  result?: unknown
  error?: string
}

let last: Run | undefined

export async function POST(req: MedusaRequest, res: MedusaResponse) {
  if (last && last.ms === undefined) {
    res.status(409).json({ message: "a sync run is still going" })
    return
  }
  const body = (req.body ?? {}) as { max_calls?: number; max_seconds?: number }
  const run: Run = { started_at: Date.now() }
  last = run
  syncPayerInvoicesWorkflow(req.scope)
    .run({ input: { max_calls: body.max_calls, max_seconds: body.max_seconds } })
    .then(
      (r: { result: unknown }) => (run.result = r.result),
      (e: unknown) => (run.error = (e as Error)?.message ?? String(e)),
    )
    .finally(() => (run.ms = Date.now() - run.started_at))
  res.status(202).json({ started_at: run.started_at, pid: process.pid })
}

export async function GET(_req: MedusaRequest, res: MedusaResponse) {
  res.json({ run: last ?? null, done: !!last && last.ms !== undefined, pid: process.pid })
}
