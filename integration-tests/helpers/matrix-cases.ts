// The fault matrix's cases for a list of calls (rows) under every fault of fault-matrix.ts: one test a cell, run the
// same way for every PSP whose calls go through a sandbox (PayEx invoice, Swedbank Pay payment orders).
import type { SandboxServer } from "../../sandbox/shared/server"
import {
  answerOf,
  armFault,
  disarm,
  FAULT_KINDS,
  faultHit,
  isRetryableOutage,
  type Answer,
  type FaultKind,
} from "./fault-matrix"

type Ctx = Record<string, any>

/** One row of the matrix: a mutating call, the user action that makes it, and what must hold afterwards. */
export interface MatrixCall {
  call: string
  /** "METHOD /path" regular expression of the PSP request the fault is armed on. */
  only: string
  okStatus?: number
  /** Everything the call needs, made before the fault is armed. */
  setup(): Promise<Ctx>
  /** The user's action that makes the call. */
  act(ctx: Ctx): Promise<{ status: number; data: any }>
  /** The effect exists exactly once at the sandbox and Medusa's records agree. */
  verify(ctx: Ctx, answer: Answer): Promise<void>
}

const succeeded = (o: Answer) => o.status >= 200 && o.status < 300

/**
 * Declares `<label> <call> × <fault>` for every row and fault. Each case asserts that the fault hit the call, that
 * the user's answer is the right one (success, or a 502/503 saying to try again and then success on the user's
 * retry), and the row's own checks (the effect once at the sandbox, Medusa agreeing).
 */
export function matrixCases(label: string, calls: MatrixCall[], sandbox: () => SandboxServer): void {
  afterEach(() => disarm(sandbox()))
  describe.each(calls.map((c) => [c.call, c] as const))(`${label} %s`, (_name, call) => {
    it.each(FAULT_KINDS.map((k) => [k] as const))(`${call.call} × %s`, async (kind: FaultKind) => {
      const ctx = await call.setup()
      sandbox().clearRequests()
      armFault(sandbox(), kind, call.only)

      const first = await answerOf(call.act(ctx))
      expect(faultHit(sandbox().requests, call.only)).toBe(true)
      disarm(sandbox())
      expect(first.status).not.toBe(500)

      let final = first
      if (kind === "answer lost, retried by the user" && !succeeded(first)) {
        // The whole action failed with every answer lost: the user is told to try again, and the retry finds the
        // work already done.
        expect(isRetryableOutage(first)).toBe(true)
        final = await answerOf(call.act(ctx))
      }
      expect({ status: final.status, body: succeeded(final) ? "ok" : final.data }).toEqual({
        status: call.okStatus ?? 200,
        body: "ok",
      })
      await call.verify(ctx, final)
    })
  })
}
