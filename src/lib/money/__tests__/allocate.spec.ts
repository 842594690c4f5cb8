import { allocateProportionally, sliceOfTotal } from "../allocate"

const sum = (xs: number[]) => xs.reduce((a, b) => a + b, 0)

// Small deterministic PRNG so the property loops are reproducible.
function prng(seed: number) {
  let s = seed >>> 0
  return (max: number) => {
    s = (Math.imul(s, 1664525) + 1013904223) >>> 0
    return s % max
  }
}

describe("allocateProportionally", () => {
  it("splits 10000 in thirds as 3334/3333/3333 (earliest index wins the tie)", () => {
    expect(allocateProportionally(10000, [1, 1, 1])).toEqual([3334, 3333, 3333])
  })

  it("splits 3 x 33.33 lines exactly", () => {
    expect(allocateProportionally(9999, [3333, 3333, 3333])).toEqual([3333, 3333, 3333])
    // 50.00 over three equal lines: 1666.67 each; the two öre left over go to the first two.
    expect(allocateProportionally(5000, [3333, 3333, 3333])).toEqual([1667, 1667, 1666])
  })

  it("gives the leftover to the largest remainders, not to the first lines", () => {
    // 100 * [1,2,7]/10 = 10, 20, 70 exactly.
    expect(allocateProportionally(100, [1, 2, 7])).toEqual([10, 20, 70])
    // 0.7, 1.75, 4.55 -> floors 0, 1, 4; the 2 öre left go to remainders .75 and .7 (not .55).
    expect(allocateProportionally(7, [10, 25, 65])).toEqual([1, 2, 4])
    expect(allocateProportionally(1, [1, 3])).toEqual([0, 1])
    // 0.4, 0.4, 1.2 -> floors 0, 0, 1; the öre left goes to the first .4 (tie: earlier index).
    expect(allocateProportionally(2, [1, 1, 3])).toEqual([1, 0, 1])
    // 0.6, 0.2, 0.2 -> the larger remainder wins although it is not first among equals.
    expect(allocateProportionally(1, [1, 3, 1])).toEqual([0, 1, 0])
  })

  it("assigns zero weights nothing", () => {
    expect(allocateProportionally(100, [0, 1, 0, 1])).toEqual([0, 50, 0, 50])
    expect(allocateProportionally(101, [0, 1, 0, 1])).toEqual([0, 51, 0, 50])
    expect(allocateProportionally(5, [0, 0, 7])).toEqual([0, 0, 5])
  })

  it("returns zeros for a zero total", () => {
    expect(allocateProportionally(0, [1, 2, 3])).toEqual([0, 0, 0])
  })

  it("mirrors negative totals exactly", () => {
    expect(allocateProportionally(-10000, [1, 1, 1])).toEqual([-3334, -3333, -3333])
    expect(allocateProportionally(-7, [10, 25, 65])).toEqual([-1, -2, -4])
    const r = allocateProportionally(-5, [1, 0])
    expect(r).toEqual([-5, 0])
    expect(Object.is(r[1], 0)).toBe(true) // not -0
  })

  it("is exact with amounts whose products exceed 2^53", () => {
    const total = Number.MAX_SAFE_INTEGER
    const parts = allocateProportionally(total, [Number.MAX_SAFE_INTEGER, 1, 2])
    expect(sum(parts)).toBe(total)
    expect(parts[1]).toBe(1)
    expect(parts[2]).toBe(2)
  })

  it("always sums exactly and stays within one öre of the exact share (property)", () => {
    const rnd = prng(42)
    const failures: string[] = []
    for (let run = 0; run < 5000; run++) {
      const n = 1 + rnd(8)
      const weights = Array.from({ length: n }, () => (rnd(4) === 0 ? 0 : rnd(100000)))
      if (sum(weights) === 0) weights[0] = 1
      const total = rnd(2) === 0 ? rnd(1000000) : -rnd(1000000)
      const parts = allocateProportionally(total, weights)
      const w = sum(weights)
      const bad =
        parts.length !== n ||
        sum(parts) !== total ||
        parts.some((p, i) => !Number.isInteger(p) || Math.abs(p - (total * weights[i]) / w) >= 1) ||
        parts.some((p, i) => weights[i] === 0 && p !== 0) ||
        allocateProportionally(-total, weights).some((p, i) => p !== -parts[i])
      if (bad) failures.push(`${total} over [${weights}] -> [${parts}]`)
    }
    expect(failures).toEqual([])
  })

  it("is deterministic and ignores weight scale", () => {
    expect(allocateProportionally(1000, [1, 1, 1, 1, 1, 1, 1])).toEqual(
      allocateProportionally(1000, [3, 3, 3, 3, 3, 3, 3]),
    )
    expect(allocateProportionally(1000, [1, 1, 1, 1, 1, 1, 1])).toEqual([143, 143, 143, 143, 143, 143, 142])
  })

  it("throws on all-zero or empty weights", () => {
    expect(() => allocateProportionally(100, [0, 0])).toThrow(/all weights are zero/)
    expect(() => allocateProportionally(0, [0])).toThrow(/all weights are zero/)
    expect(() => allocateProportionally(100, [])).toThrow(/all weights are zero/)
  })

  it("throws on negative, fractional or unsafe input", () => {
    expect(() => allocateProportionally(100, [1, -1])).toThrow(/must not be negative/)
    expect(() => allocateProportionally(100, [1.5, 1])).toThrow(/safe integer/)
    expect(() => allocateProportionally(100.5, [1, 1])).toThrow(/safe integer/)
    expect(() => allocateProportionally(NaN, [1])).toThrow(/safe integer/)
    expect(() => allocateProportionally(2 ** 53, [1])).toThrow(/safe integer/)
    expect(() => allocateProportionally(1, [Infinity])).toThrow(/safe integer/)
    expect(() => allocateProportionally(1, null as unknown as number[])).toThrow(/array/)
  })
})

describe("sliceOfTotal", () => {
  it("splits 99.99 over 3 units as 3333 each", () => {
    expect([0, 1, 2].map((from) => sliceOfTotal(9999, 3, from, 1))).toEqual([3333, 3333, 3333])
  })

  it("splits 100.00 over 3 units so the slices add up", () => {
    // round(3333.33)=3333, round(6666.67)=6667, 10000
    expect([0, 1, 2].map((from) => sliceOfTotal(10000, 3, from, 1))).toEqual([3333, 3334, 3333])
    expect(sliceOfTotal(10000, 3, 0, 2)).toBe(6667)
    expect(sliceOfTotal(10000, 3, 2, 1)).toBe(3333)
  })

  it("rounds halves up (away from zero)", () => {
    expect(sliceOfTotal(5, 2, 0, 1)).toBe(3) // 2.5 -> 3
    expect(sliceOfTotal(5, 2, 1, 1)).toBe(2)
    expect(sliceOfTotal(-5, 2, 0, 1)).toBe(-3)
    expect(sliceOfTotal(-5, 2, 1, 1)).toBe(-2)
  })

  it("returns the whole total for the whole quantity and 0 for an empty slice", () => {
    expect(sliceOfTotal(12345, 7, 0, 7)).toBe(12345)
    expect(sliceOfTotal(12345, 7, 3, 0)).toBe(0)
    expect(sliceOfTotal(-12345, 7, 0, 7)).toBe(-12345)
    expect(sliceOfTotal(1, 1000, 0, 1)).toBe(0)
  })

  it("adds up to the total over every composition of every quantity (property)", () => {
    const totals = [0, 1, 2, 3, 7, 99, 100, 9999, 10000, 12345, 33333, 99999, 1000001, -1, -9999, -12345]
    const failures: string[] = []
    let checked = 0
    for (const total of totals) {
      for (let q = 1; q <= 10; q++) {
        // Every composition of q (ordered partition) is a subset of the q-1 cut points.
        for (let mask = 0; mask < 1 << (q - 1); mask++) {
          let from = 0
          let acc = 0
          for (let i = 1; i <= q; i++) {
            if (i === q || mask & (1 << (i - 1))) {
              const s = sliceOfTotal(total, q, from, i - from)
              if (!Number.isInteger(s) || Math.abs(s - (total * (i - from)) / q) >= 1) {
                failures.push(`slice ${total} ${q} ${from} ${i - from} = ${s}`)
              }
              acc += s
              from = i
            }
          }
          checked++
          if (acc !== total) failures.push(`total ${total} q ${q} mask ${mask}: sum ${acc}`)
        }
      }
    }
    expect(checked).toBe(totals.length * 1023)
    expect(failures).toEqual([])
  })

  it("stays exact and within one öre per slice for random partial fulfilments (property)", () => {
    const rnd = prng(7)
    const failures: string[] = []
    for (let run = 0; run < 5000; run++) {
      const q = 1 + rnd(500)
      const total = (rnd(2) ? 1 : -1) * rnd(100000000)
      let from = 0
      let acc = 0
      while (from < q) {
        const take = 1 + rnd(q - from)
        const s = sliceOfTotal(total, q, from, take)
        if (Math.abs(s - (total * take) / q) >= 1) failures.push(`slice ${total} ${q} ${from} ${take} = ${s}`)
        acc += s
        from += take
      }
      if (acc !== total) failures.push(`total ${total} q ${q}: sum ${acc}`)
    }
    expect(failures).toEqual([])
  })

  it("mirrors negative totals", () => {
    for (let from = 0; from < 7; from++) {
      expect(sliceOfTotal(-1000, 7, from, 1)).toBe(-sliceOfTotal(1000, 7, from, 1))
    }
  })

  it("uses integer math where floats would be wrong", () => {
    // total * from exceeds 2^53: float division would lose the last öre.
    const total = Number.MAX_SAFE_INTEGER
    expect(sliceOfTotal(total, 3, 0, 1) + sliceOfTotal(total, 3, 1, 2)).toBe(total)
    // (2^53 - 1) / 3 = 3002399751580330.33...
    expect(sliceOfTotal(total, 3, 0, 1)).toBe(3002399751580330)
    expect(sliceOfTotal(total, 3, 1, 2)).toBe(6004799503160661)
  })

  it("throws on out-of-range or invalid slices", () => {
    expect(() => sliceOfTotal(100, 0, 0, 0)).toThrow(/totalQuantity must be positive/)
    expect(() => sliceOfTotal(100, -3, 0, 1)).toThrow(/totalQuantity must be positive/)
    expect(() => sliceOfTotal(100, 3, 2, 2)).toThrow(/outside/)
    expect(() => sliceOfTotal(100, 3, -1, 1)).toThrow(/outside/)
    expect(() => sliceOfTotal(100, 3, 0, -1)).toThrow(/outside/)
    expect(() => sliceOfTotal(100, 3, 0.5, 1)).toThrow(/safe integer/)
    expect(() => sliceOfTotal(100.5, 3, 0, 1)).toThrow(/safe integer/)
    expect(() => sliceOfTotal(100, 3, 0, NaN)).toThrow(/safe integer/)
  })
})
