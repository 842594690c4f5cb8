/**
 * Splitting an integer amount of minor units into integer parts that add up to
 * the amount exactly. PayEx rejects a capture whose item/VAT sums differ by even
 * one öre from the captured amount, so "roughly proportional" is not enough.
 *
 * All arithmetic is BigInt: total * weight can exceed 2^53 long before either
 * factor does.
 */

/** Throws naming `name` unless `value` is an integer a JS number holds exactly (every öre counted). */
export function assertSafeInteger(value: number, name: string): void {
  if (!Number.isSafeInteger(value)) {
    throw new Error(`${name} must be a safe integer, got ${value}`)
  }
}

/**
 * Splits `total` into `weights.length` integers proportional to `weights`,
 * summing exactly to `total` (largest-remainder / Hamilton method).
 *
 * - Every part is floor(total * w / sum(w)); the öre that are left over go one
 *   each to the parts with the largest remainders, earlier index first on ties,
 *   so the result is deterministic and the same input always splits the same way.
 * - A zero weight always gets 0 (its remainder is 0 and never wins an öre).
 * - A negative total is split as its absolute value and negated, so
 *   allocate(-t, w) is exactly the mirror of allocate(t, w) (refunds mirror
 *   captures öre for öre).
 * - Weights must be non-negative safe integers (amounts in minor units or
 *   quantities); all-zero or empty weights have no proportion and throw.
 */
export function allocateProportionally(total: number, weights: number[]): number[] {
  assertSafeInteger(total, "total")
  if (!Array.isArray(weights)) {
    throw new Error("weights must be an array")
  }
  weights.forEach((w, i) => {
    assertSafeInteger(w, `weights[${i}]`)
    if (w < 0) {
      throw new Error(`weights[${i}] must not be negative, got ${w}`)
    }
  })

  const weightSum = weights.reduce((acc, w) => acc + BigInt(w), 0n)
  if (weightSum === 0n) {
    throw new Error("Cannot allocate proportionally: all weights are zero")
  }

  const sign = total < 0 ? -1n : 1n
  const magnitude = BigInt(total) * sign

  const parts = weights.map((w) => (magnitude * BigInt(w)) / weightSum)
  const remainders = weights.map((w) => (magnitude * BigInt(w)) % weightSum)
  let leftover = magnitude - parts.reduce((acc, p) => acc + p, 0n)

  // leftover < number of non-zero remainders (sum of remainders = leftover * weightSum
  // and each remainder < weightSum), so only parts with a real fraction get an öre.
  const order = weights
    .map((_, i) => i)
    .sort((a, b) => (remainders[b] > remainders[a] ? 1 : remainders[b] < remainders[a] ? -1 : a - b))
  for (const index of order) {
    if (leftover === 0n) {
      break
    }
    parts[index] += 1n
    leftover -= 1n
  }

  return parts.map((p) => Number(p * sign))
}

/** round(n / d) for d > 0, halves away from zero, in BigInt. */
function divRoundHalfAwayFromZero(n: bigint, d: bigint): bigint {
  const negative = n < 0n
  const abs = negative ? -n : n
  const q = (2n * abs + d) / (2n * d)
  return negative ? -q : q
}

/**
 * The share of a line total that belongs to units [from, from + quantity) of
 * `totalQuantity` units, e.g. the amount to capture when 2 of 3 units ship.
 *
 * Defined as round(total * (from + quantity) / totalQuantity) -
 * round(total * from / totalQuantity) with halves rounded away from zero, so
 * the slices telescope: however a line is fulfilled in successive parts, the
 * parts add up to exactly `total`, and the last slice absorbs no visible error.
 * Rounding away from zero keeps a negative total the exact mirror of a positive one.
 */
export function sliceOfTotal(total: number, totalQuantity: number, from: number, quantity: number): number {
  assertSafeInteger(total, "total")
  assertSafeInteger(totalQuantity, "totalQuantity")
  assertSafeInteger(from, "from")
  assertSafeInteger(quantity, "quantity")
  if (totalQuantity <= 0) {
    throw new Error(`totalQuantity must be positive, got ${totalQuantity}`)
  }
  if (from < 0 || quantity < 0 || from + quantity > totalQuantity) {
    throw new Error(`Slice [${from}, ${from + quantity}) is outside 0..${totalQuantity}`)
  }
  const t = BigInt(total)
  const q = BigInt(totalQuantity)
  const end = divRoundHalfAwayFromZero(t * BigInt(from + quantity), q)
  const start = divRoundHalfAwayFromZero(t * BigInt(from), q)
  return Number(end - start)
}
