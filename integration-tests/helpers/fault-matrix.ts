// The fault matrix of issue 11: every mutating call to PayEx and Payer under four faults, in a real Medusa with the
// sandboxes. Both matrix specs (fault-matrix-payex, fault-matrix-payer) take their faults from here, so a fault means
// the same thing for every call, and the README's reliability table counts the same rows.
import type { SandboxServer } from "../../sandbox/shared/server"

/** Client timeout the matrix specs boot Medusa with (PAYEX_TIMEOUT_MS, PAYER_TIMEOUT_MS): short, so a hung request
 * is given up quickly; the sandbox holds it longer, so the client always gives up first. */
export const MATRIX_CLIENT_TIMEOUT_MS = 1500
const HOLD_MS = 4000

/** Attempts one client call makes: the first and PAYEX_MAX_RETRIES / PAYER_MAX_RETRIES (2) retries. */
export const CLIENT_ATTEMPTS = 3

export type FaultKind = "503 once" | "timeout once" | "processed, answer lost" | "answer lost, retried by the user"

export const FAULT_KINDS: FaultKind[] = [
  "503 once",
  "timeout once",
  "processed, answer lost",
  "answer lost, retried by the user",
]

/**
 * Arms the sandbox for one fault on the requests matching `only` ("METHOD /path" regular expression):
 * - 503 once: the first attempt is answered 503 and not handled; the client's own retry goes through.
 * - timeout once: the first attempt is neither handled nor answered; the client gives up after its timeout and
 *   retries.
 * - processed, answer lost: the first attempt is handled (the effect exists, the reference is used up) and its
 *   connection dropped; the client's retry meets PayEx's "payeeReference already in use" or Payer's 409.
 * - answer lost, retried by the user: every attempt of the client call is handled-then-dropped (the first makes the
 *   effect, the retries meet "already used"), so the call fails as a whole; the user's (or the plugin's) second
 *   try of the whole action then meets "already used" and must answer as if the first had succeeded.
 */
export function armFault(sandbox: Pick<SandboxServer, "setFaults">, kind: FaultKind, only: string): void {
  disarm(sandbox)
  switch (kind) {
    case "503 once":
      return sandbox.setFaults({ failNext: 1, failStatus: 503, only })
    case "timeout once":
      return sandbox.setFaults({ timeoutNext: 1, timeoutHoldMs: HOLD_MS, only })
    case "processed, answer lost":
      return sandbox.setFaults({ dropNext: 1, only })
    case "answer lost, retried by the user":
      return sandbox.setFaults({ dropNext: CLIENT_ATTEMPTS, only })
  }
}

export function disarm(sandbox: Pick<SandboxServer, "setFaults">): void {
  sandbox.setFaults({ failNext: 0, dropNext: 0, timeoutNext: 0, latencyMs: 0, only: undefined })
}

/** Whether the armed fault was consumed: a matrix case whose fault never hit its call proves nothing. */
export function faultHit(requests: SandboxServer["requests"], only: string): boolean {
  const re = new RegExp(only)
  return requests.some(
    (r) => re.test(`${r.method} ${r.path}`) && (r.status === 503 || r.status === "dropped" || r.status === "timed out"),
  )
}

/** What a user-facing answer must be when the fault's first try of the whole action did not succeed. */
export function isRetryableOutage(res: { status: number; data: any }): boolean {
  return (res.status === 502 || res.status === 503) && /try again/i.test(String(res.data?.message ?? ""))
}

/** A user-facing answer: the status and body of a request, whether it succeeded or not. */
export interface Answer {
  status: number
  data: any
}

/** The answer (or the error answer) of a request; axios rejects on 4xx/5xx. */
export async function answerOf(p: Promise<{ status: number; data: any }>): Promise<Answer> {
  try {
    const { status, data } = await p
    return { status, data }
  } catch (e: any) {
    if (!e.response) throw e
    return { status: e.response.status, data: e.response.data }
  }
}
