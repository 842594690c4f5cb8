/**
 * RFC 7807 problem documents the way PayEx's `/psp/invoice` API sends them:
 * `{ type: "https://api.payex.com/psp/errordetail/invoice/<kind>", title, status, detail, instance, problems }`.
 */
import type { SandboxResponse } from "../shared/server"

export type ProblemKind =
  "inputerror" | "forbidden" | "creditnotapproved" | "notfound" | "systemerror" | "externalerror"

export interface ProblemItem {
  name: string
  description: string
}

export const PROBLEM_TYPE_BASE = "https://api.payex.com/psp/errordetail/invoice/"

const TITLES: Record<ProblemKind, string> = {
  inputerror: "Error in input data",
  forbidden: "Operation forbidden",
  creditnotapproved: "Credit not approved",
  notfound: "Not found",
  systemerror: "System error",
  externalerror: "External error",
}

const DEFAULT_STATUS: Record<ProblemKind, number> = {
  inputerror: 400,
  forbidden: 403,
  creditnotapproved: 403,
  notfound: 404,
  systemerror: 500,
  externalerror: 502,
}

/** Thrown by validation and route code; turned into a problem response by the route wrapper. */
export class PayexProblemError extends Error {
  constructor(
    readonly kind: ProblemKind,
    readonly detail: string,
    readonly problems: ProblemItem[] = [],
    readonly status: number = DEFAULT_STATUS[kind],
    readonly title: string = TITLES[kind],
  ) {
    super(detail)
  }
}

export const inputError = (detail: string, problems: ProblemItem[]) =>
  new PayexProblemError("inputerror", detail, problems)

export const notFound = (what: string) =>
  new PayexProblemError("notfound", `${what} was not found`, [{ name: "id", description: `${what} was not found` }])

/** One invalid field: 400 inputerror naming the field. */
export const invalidField = (name: string, description: string) =>
  inputError("The request contained invalid data", [{ name, description }])

/** The operation is not available in the payment's current state (it is missing from `operations`). */
export const operationNotAvailable = (rel: string, why: string) =>
  inputError(`The operation ${rel} is not available: ${why}`, [{ name: rel, description: why }])

export function problemResponse(error: PayexProblemError, instance: string): SandboxResponse {
  return {
    status: error.status,
    headers: { "content-type": "application/problem+json; charset=utf-8" },
    body: {
      type: PROBLEM_TYPE_BASE + error.kind,
      title: error.title,
      status: error.status,
      detail: error.detail,
      instance,
      problems: error.problems,
    },
  }
}

/** Collects problems so one answer can name every broken field. */
export class ProblemCollector {
  readonly items: ProblemItem[] = []

  add(name: string, description: string): void {
    this.items.push({ name, description })
  }

  /** Adds the problem when `ok` is false; returns `ok` so callers can skip dependent checks. */
  check(ok: boolean, name: string, description: string): boolean {
    if (!ok) this.add(name, description)
    return ok
  }

  throwIfAny(detail = "The request contained invalid data"): void {
    if (this.items.length > 0) throw inputError(detail, this.items)
  }
}
