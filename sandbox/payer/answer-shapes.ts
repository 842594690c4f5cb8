/**
 * How the sandbox wraps the invoices it answers with. The API text shows `{ invoice }` only for invoice
 * creation (as Payer's WooCommerce integration reads it) and says "Returns a credit invoice" / "Returns an
 * invoice" for the credits and lookups, which reads as the invoice at the top level. Both are guesses about
 * the real Payer, so the sandbox can answer either way and the plugin is tested against both.
 */
export type InvoiceShape = "top-level" | "wrapped"

export interface AnswerShapes {
  /** POST /api/v2/orders/{orderId}/invoices */
  createInvoice: InvoiceShape
  /** POST /api/v2/orders/invoices/credit/full|partial|manual */
  credits: InvoiceShape
  /** GET /api/v2/orders/invoices and each entry of the batch, reg-number and credit listings */
  lookups: InvoiceShape
}

/** "default": as the API text reads. "swapped": every family the other way round. */
export const ANSWER_SHAPE_PRESETS = {
  default: { createInvoice: "wrapped", credits: "top-level", lookups: "top-level" },
  swapped: { createInvoice: "top-level", credits: "wrapped", lookups: "wrapped" },
} as const satisfies Record<string, AnswerShapes>

export type AnswerShapesInput = keyof typeof ANSWER_SHAPE_PRESETS | Partial<AnswerShapes>

const SHAPES: readonly InvoiceShape[] = ["top-level", "wrapped"]

/** Throws on anything but a preset name or an object of known families with known shapes. */
export function resolveAnswerShapes(
  input: AnswerShapesInput | undefined,
  base: AnswerShapes = ANSWER_SHAPE_PRESETS.default,
): AnswerShapes {
  if (input === undefined) return { ...base }
  if (typeof input === "string") {
    const preset = (ANSWER_SHAPE_PRESETS as Record<string, AnswerShapes>)[input]
    if (!preset)
      throw new Error(
        `answer shapes must be ${Object.keys(ANSWER_SHAPE_PRESETS).join(" or ")} (got ${JSON.stringify(input)})`,
      )
    return { ...preset }
  }
  if (!input || typeof input !== "object" || Array.isArray(input))
    throw new Error("answer shapes must be a preset name or an object")
  const out = { ...base }
  for (const [family, shape] of Object.entries(input)) {
    if (!(family in ANSWER_SHAPE_PRESETS.default)) throw new Error(`unknown answer shape family "${family}"`)
    if (!SHAPES.includes(shape as InvoiceShape))
      throw new Error(`answer shape of ${family} must be "top-level" or "wrapped"`)
    out[family as keyof AnswerShapes] = shape as InvoiceShape
  }
  return out
}

export function shaped(shape: InvoiceShape, invoice: unknown): unknown {
  return shape === "wrapped" ? { invoice } : invoice
}
