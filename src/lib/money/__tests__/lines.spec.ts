import { GrossLine, scaleLines, sumAmounts, truncateDescription } from "../lines"
import { summarizeVat } from "../vat"

const line = (reference: string, amount: number, vatBasisPoints = 2500): GrossLine => ({
  reference,
  description: `Item ${reference}`,
  amount,
  vatBasisPoints,
})

describe("sumAmounts", () => {
  it("sums integer amounts", () => {
    expect(sumAmounts([])).toBe(0)
    expect(sumAmounts([{ amount: 3333 }, { amount: 3333 }, { amount: 3333 }])).toBe(9999)
    expect(sumAmounts([{ amount: 10000 }, { amount: -2500 }])).toBe(7500)
  })

  it("throws on non-integers and overflow", () => {
    expect(() => sumAmounts([{ amount: 0.1 }, { amount: 0.2 }])).toThrow(/safe integer/)
    expect(() => sumAmounts([{ amount: NaN }])).toThrow(/safe integer/)
    expect(() => sumAmounts([{ amount: Number.MAX_SAFE_INTEGER }, { amount: 1 }])).toThrow(/safe integer range/)
  })
})

describe("scaleLines", () => {
  const three = [line("a", 3333), line("b", 3333), line("c", 3333)]

  it("returns the same lines for the full amount", () => {
    expect(scaleLines(three, 9999)).toEqual(three)
  })

  it("does not mutate its input", () => {
    const copy = JSON.parse(JSON.stringify(three))
    scaleLines(three, 5000)
    expect(three).toEqual(copy)
  })

  it("scales a partial capture of 3 x 33.33 exactly", () => {
    const scaled = scaleLines(three, 5000)
    expect(scaled.map((l) => l.amount)).toEqual([1667, 1667, 1666])
    expect(sumAmounts(scaled)).toBe(5000)
    expect(scaled.map((l) => l.reference)).toEqual(["a", "b", "c"])
    expect(scaled[0].description).toBe("Item a")
  })

  it("scales mixed-rate lines and keeps the VAT summary consistent", () => {
    const lines = [
      line("shirt", 24900, 2500),
      line("book", 19900, 600),
      line("food", 4550, 1200),
      line("ship", 4900, 2500),
    ]
    const scaled = scaleLines(lines, 30000)
    expect(sumAmounts(scaled)).toBe(30000)
    const summary = summarizeVat(scaled)
    expect(summary.reduce((a, g) => a + g.amount, 0)).toBe(30000)
    expect(scaled.map((l) => l.vatBasisPoints)).toEqual([2500, 600, 1200, 2500])
    // 30000 * [24900, 19900, 4550, 4900] / 54250 = 13769.585, 11004.608, 2516.129, 2709.677:
    // floors leave 2 öre, which go to the largest remainders .677 and .608 (not .585, which
    // naive rounding would also round up, overshooting the target by one öre).
    expect(scaled.map((l) => l.amount)).toEqual([13769, 11005, 2516, 2710])
  })

  it("drops lines that scale to zero, including zero lines", () => {
    const lines = [line("big", 10000), line("tiny", 1), line("free", 0)]
    expect(scaleLines(lines, 100)).toEqual([{ ...lines[0], amount: 100 }])
    expect(scaleLines(lines, 10001)).toEqual([lines[0], lines[1]])
  })

  it("handles a one-öre capture", () => {
    expect(scaleLines(three, 1)).toEqual([{ ...three[0], amount: 1 }])
  })

  it("returns [] for a zero target, even when all lines are zero", () => {
    expect(scaleLines(three, 0)).toEqual([])
    expect(scaleLines([line("free", 0)], 0)).toEqual([])
    expect(scaleLines([], 0)).toEqual([])
  })

  it("successive partial captures of the remainder always sum exactly (property)", () => {
    let seed = 1
    const rnd = (max: number) => {
      seed = (Math.imul(seed, 48271) + 11) >>> 0
      return seed % max
    }
    const failures: string[] = []
    for (let run = 0; run < 500; run++) {
      const lines = Array.from({ length: 1 + rnd(6) }, (_, i) => line(`l${i}`, rnd(50000), [2500, 1200, 600][rnd(3)]))
      const total = sumAmounts(lines)
      for (let target = 0; target <= total; target += 1 + rnd(Math.max(1, Math.floor(total / 5)))) {
        const scaled = scaleLines(lines, target)
        const ok =
          sumAmounts(scaled) === target &&
          scaled.every((l) => l.amount > 0) &&
          scaled.every((l) => {
            const original = lines.find((o) => o.reference === l.reference)!
            return l.amount <= original.amount && l.vatBasisPoints === original.vatBasisPoints
          })
        if (!ok) failures.push(`${JSON.stringify(lines.map((l) => l.amount))} -> ${target}`)
      }
    }
    expect(failures).toEqual([])
  })

  it("throws when the target is outside 0..total", () => {
    expect(() => scaleLines(three, 10000)).toThrow(/within 0\.\.9999/)
    expect(() => scaleLines(three, -1)).toThrow(/within 0\.\.9999/)
    expect(() => scaleLines([], 1)).toThrow(/within 0\.\.0/)
  })

  it("throws on negative lines and non-integer targets", () => {
    expect(() => scaleLines([line("a", 10000), line("discount", -1000)], 5000)).toThrow(/negative amount/)
    expect(() => scaleLines(three, 50.5)).toThrow(/safe integer/)
    expect(() => scaleLines([line("a", 1.5)], 1)).toThrow(/safe integer/)
  })
})

describe("truncateDescription", () => {
  it("keeps short text", () => {
    expect(truncateDescription("T-shirt", 40)).toBe("T-shirt")
    expect(truncateDescription("x".repeat(40), 40)).toBe("x".repeat(40))
  })

  it("cuts long text with an ellipsis and never exceeds max", () => {
    const out = truncateDescription("x".repeat(41), 40)
    expect(out).toBe("x".repeat(39) + "…")
    expect(out.length).toBe(40)
    for (let max = 1; max <= 12; max++) {
      expect(truncateDescription("The quick brown fox jumps", max).length).toBeLessThanOrEqual(max)
    }
  })

  it("does not leave a space before the ellipsis", () => {
    expect(truncateDescription("Blue shirt with stripes", 11)).toBe("Blue shirt…")
    expect(truncateDescription("Blue shirt with stripes", 12)).toBe("Blue shirt…")
  })

  it("collapses whitespace and trims", () => {
    expect(truncateDescription("  Blue\n\tshirt   XL ", 40)).toBe("Blue shirt XL")
  })

  it("replaces empty or blank text with a dash", () => {
    expect(truncateDescription("", 40)).toBe("-")
    expect(truncateDescription("   \n ", 40)).toBe("-")
    expect(truncateDescription(undefined as unknown as string, 40)).toBe("-")
  })

  it("handles max = 1", () => {
    expect(truncateDescription("ab", 1)).toBe("…")
    expect(truncateDescription("a", 1)).toBe("a")
  })

  it("counts Swedish letters as one character each", () => {
    expect(truncateDescription("Räksmörgås", 10)).toBe("Räksmörgås")
    expect(truncateDescription("Räksmörgås med ägg", 10)).toBe("Räksmörgå…")
  })

  it("never splits a surrogate pair", () => {
    const out = truncateDescription("ab😀cdef", 4)
    expect(out).toBe("ab…")
    expect(out.length).toBeLessThanOrEqual(4)
    expect(truncateDescription("😀😀😀", 4)).toBe("😀…")
  })

  it("throws on a non-positive max", () => {
    expect(() => truncateDescription("abc", 0)).toThrow(/positive integer/)
    expect(() => truncateDescription("abc", 2.5)).toThrow(/positive integer/)
  })
})
