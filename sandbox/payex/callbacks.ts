/**
 * Callbacks like PayEx sends them: POST `{ payment: { id, number }, transaction: { id, number } }` (JSON) to the
 * payment's urls.callbackUrl, once, `delayMs` after the transaction. No retries. Timers and in-flight requests
 * are cancelled by clear() (on reset and close), so jest exits cleanly.
 */

export interface CallbackAttempt {
  url: string
  body: unknown
  status: number | "error"
}

const CALLBACK_TIMEOUT_MS = 5000

export class CallbackDispatcher {
  readonly attempts: CallbackAttempt[] = []
  private readonly timers = new Set<NodeJS.Timeout>()
  private readonly inFlight = new Set<AbortController>()
  private generation = 0

  constructor(private readonly delayMs: number) {}

  schedule(url: string, body: unknown): void {
    const generation = this.generation
    const timer = setTimeout(() => {
      this.timers.delete(timer)
      void this.deliver(url, body, generation)
    }, this.delayMs)
    this.timers.add(timer)
  }

  /** Resolves when no callback is scheduled or in flight (handy in tests). */
  async idle(): Promise<void> {
    while (this.timers.size > 0 || this.inFlight.size > 0) await new Promise((r) => setTimeout(r, 5))
  }

  private async deliver(url: string, body: unknown, generation: number): Promise<void> {
    const controller = new AbortController()
    const timeout = setTimeout(() => controller.abort(), CALLBACK_TIMEOUT_MS)
    this.inFlight.add(controller)
    let status: number | "error"
    try {
      const res = await fetch(url, {
        method: "POST",
        headers: { "content-type": "application/json", "user-agent": "payex-sandbox-callback" },
        body: JSON.stringify(body),
        signal: controller.signal,
      })
      status = res.status
      await res.arrayBuffer().catch(() => undefined)
    } catch {
      status = "error"
    } finally {
      clearTimeout(timeout)
      this.inFlight.delete(controller)
    }
    if (generation === this.generation) this.attempts.push({ url, body, status })
  }

  /** Cancels scheduled and in-flight callbacks and forgets the recorded attempts. */
  clear(): void {
    this.generation++
    for (const timer of this.timers) clearTimeout(timer)
    this.timers.clear()
    for (const controller of this.inFlight) controller.abort()
    this.attempts.length = 0
  }
}
