/**
 * The Payer sandbox's field readers: each reads one field strictly (a number sent as a string is a problem),
 * collecting every problem so one 400 names them all. Used by the order, invoice and credit validation.
 */
import { badRequest } from "./errors"

export type Json = Record<string, unknown>

export class Problems {
  readonly list: string[] = []
  add(message: string): void {
    this.list.push(message)
  }
  throwIfAny(): void {
    if (this.list.length > 0) throw badRequest(this.list.join("; "))
  }
}

export function isObject(value: unknown): value is Json {
  return typeof value === "object" && value !== null && !Array.isArray(value)
}

export const given = (v: unknown) => v !== undefined && v !== null

export function str(
  p: Problems,
  obj: Json,
  key: string,
  path: string,
  opts: { required?: boolean; max?: number; pattern?: RegExp; patternHint?: string } = {},
): string | null {
  const v = obj[key]
  if (!given(v)) {
    if (opts.required) p.add(`${path} is required`)
    return null
  }
  if (typeof v !== "string") {
    p.add(`${path} must be a string`)
    return null
  }
  if (opts.required && v.trim().length === 0) {
    p.add(`${path} must not be blank`)
    return null
  }
  if (opts.max !== undefined && v.length > opts.max) {
    p.add(`${path} must be at most ${opts.max} characters (got ${v.length})`)
    return null
  }
  if (opts.pattern && !opts.pattern.test(v)) {
    p.add(`${path} ${opts.patternHint ?? `must match ${opts.pattern}`}`)
    return null
  }
  return v
}

export function int(
  p: Problems,
  obj: Json,
  key: string,
  path: string,
  opts: { required?: boolean; min?: number; max?: number } = {},
): number | null {
  const v = obj[key]
  if (!given(v)) {
    if (opts.required) p.add(`${path} is required`)
    return null
  }
  if (typeof v !== "number" || !Number.isSafeInteger(v)) {
    p.add(`${path} must be an integer (got ${JSON.stringify(v)})`)
    return null
  }
  if (opts.min !== undefined && v < opts.min) {
    p.add(`${path} must be >= ${opts.min} (got ${v})`)
    return null
  }
  if (opts.max !== undefined && v > opts.max) {
    p.add(`${path} must be <= ${opts.max} (got ${v})`)
    return null
  }
  return v
}

export function bool(p: Problems, obj: Json, key: string, path: string): boolean | null {
  const v = obj[key]
  if (!given(v)) return null
  if (typeof v !== "boolean") {
    p.add(`${path} must be a boolean`)
    return null
  }
  return v
}

export function oneOf<T extends string>(
  p: Problems,
  obj: Json,
  key: string,
  path: string,
  allowed: readonly T[],
  opts: { required?: boolean } = {},
): T | null {
  const v = obj[key]
  if (!given(v)) {
    if (opts.required) p.add(`${path} is required (one of ${allowed.join(", ")})`)
    return null
  }
  if (typeof v !== "string" || !(allowed as readonly string[]).includes(v)) {
    p.add(`${path} must be one of ${allowed.join(", ")} (got ${JSON.stringify(v)})`)
    return null
  }
  return v as T
}

export function requireBody(body: unknown): Json {
  if (!isObject(body)) throw badRequest("Request body is missing or is not a JSON object")
  return body
}

// ---------------------------------------------------------------------------------------------- items

/** An optional integer query parameter; 400 when present but not an integer. */
export function queryInt(query: Record<string, string>, key: string): number | null {
  const v = query[key]
  if (v === undefined || v === "") return null
  if (!/^-?\d+$/.test(v) || !Number.isSafeInteger(Number(v))) {
    throw badRequest(`${key} must be an integer (got ${JSON.stringify(v)})`)
  }
  return Number(v)
}

export function queryStr(query: Record<string, string>, key: string, max?: number): string | null {
  const v = query[key]
  if (v === undefined || v === "") return null
  if (max !== undefined && v.length > max)
    throw badRequest(`${key} must be at most ${max} characters (got ${v.length})`)
  return v
}
