// `medusa exec` script of the two-instance test, run once per instance (each with that instance's environment, so
// one more Medusa process on the shared PostgreSQL and Redis). It waits for the test's go-file, then, at the moment
// the file names (the same for both runs), delivers the given fulfillments' `order.fulfillment_created` again in
// both ways a second delivery can happen in production:
//   - through the shared Redis event bus, where the two `medusa start` workers pick the jobs up and run the plugin's
//     subscribers (so both instances handle the same fulfillments' events), and
//   - by running the plugin's exported workflows right here, as those subscribers do, concurrently with the above.
// Copied next to the host's build output, so `medusa-plugin-payex-payer` resolves to the installed tarball.
import type { ExecArgs } from "@medusajs/framework/types"
import { Modules } from "@medusajs/framework/utils"
import { capturePayexFulfillmentWorkflow, issuePayerInvoiceWorkflow } from "medusa-plugin-payex-payer/workflows"
import { existsSync, readFileSync } from "node:fs"

export interface RedeliveryGo {
  /** epoch ms both runs start at */
  at: number
  fulfillments: Array<{ order_id: string; fulfillment_id: string; provider: "payex" | "payer" }>
}

const sleep = (ms: number) => new Promise((r) => setTimeout(r, ms))

async function waitForGo(file: string): Promise<RedeliveryGo> {
  const deadline = Date.now() + 300_000
  while (!existsSync(file)) {
    if (Date.now() > deadline) throw new Error(`no go-file ${file} within 300 s`)
    await sleep(10)
  }
  return JSON.parse(readFileSync(file, "utf8")) as RedeliveryGo
}

export default async function redeliverFulfillments({ container, args }: ExecArgs) {
  const [goFile, label] = args
  process.stdout.write(`INSTANCES_READY ${label}\n`)
  const go = await waitForGo(goFile)
  await sleep(Math.max(0, go.at - Date.now()))

  const eventBus = container.resolve(Modules.EVENT_BUS)
  // `medusa exec` loads no subscribers, and the Redis event bus only queues an event that has a subscriber in the
  // emitting process; this no-op one makes it queue the event as a server would. `medusa exec` runs in worker mode
  // "server", so this process never consumes the jobs: the two instances' workers do.
  eventBus.subscribe("order.fulfillment_created", async () => undefined, {
    subscriberId: `instances-test-redelivery-${label}`,
  })
  const startedAt = Date.now()
  const emitted = eventBus.emit(
    go.fulfillments.map((f) => ({
      name: "order.fulfillment_created",
      data: { order_id: f.order_id, fulfillment_id: f.fulfillment_id, no_notification: false },
    })),
  )
  const runs = go.fulfillments.map(async ({ order_id, fulfillment_id, provider }) => {
    const workflow = provider === "payex" ? capturePayexFulfillmentWorkflow : issuePayerInvoiceWorkflow
    const { errors } = await workflow(container).run({ input: { order_id, fulfillment_id }, throwOnError: false })
    const error = errors?.[0]?.error as { message?: string } | undefined
    return { fulfillment_id, provider, error: error ? (error.message ?? String(error)) : undefined }
  })
  const [results] = await Promise.all([Promise.all(runs), emitted])
  const report = { label, startedAt, ms: Date.now() - startedAt, results }
  process.stdout.write(`INSTANCES_RESULT ${JSON.stringify(report)}\n`)
}
