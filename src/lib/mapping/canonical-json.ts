/**
 * JSON with sorted object keys: the same value always gives the same text. PostgreSQL's jsonb does not keep the
 * order keys were written in, so what a keyed request asked for is compared (and stored) in this form. Pure.
 */
export function canonicalJson(value: unknown): string {
  if (Array.isArray(value)) return `[${value.map(canonicalJson).join(",")}]`
  if (value && typeof value === "object") {
    const entries = value as Record<string, unknown>
    return `{${Object.keys(entries)
      .sort()
      .map((k) => `${JSON.stringify(k)}:${canonicalJson(entries[k])}`)
      .join(",")}}`
  }
  return JSON.stringify(value ?? null)
}
