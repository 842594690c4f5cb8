import { BigNumber } from "@medusajs/framework/utils"
import {
  basisPointsToPercent,
  isBasisPoints,
  isPayexVatBasisPoints,
  PAYEX_VAT_BASIS_POINTS,
  percentToBasisPoints,
  splitAmountByVat,
  summarizeVat,
  vatOfGross,
  VatGroup,
} from "../vat"

const sum = (xs: number[]) => xs.reduce((a, b) => a + b, 0)

describe("PAYEX_VAT_BASIS_POINTS", () => {
  it("lists the rates PayEx accepts", () => {
    expect(PAYEX_VAT_BASIS_POINTS).toEqual([0, 600, 800, 1000, 1200, 1400, 1500, 2200, 2400, 2500])
  })

  it("cannot be modified at runtime", () => {
    expect(Object.isFrozen(PAYEX_VAT_BASIS_POINTS)).toBe(true)
    expect(() => (PAYEX_VAT_BASIS_POINTS as number[]).push(1)).toThrow()
  })

  it("isPayexVatBasisPoints checks membership", () => {
    expect(isPayexVatBasisPoints(2500)).toBe(true)
    expect(isPayexVatBasisPoints(0)).toBe(true)
    expect(isPayexVatBasisPoints(1250)).toBe(false)
    expect(isPayexVatBasisPoints(25)).toBe(false)
  })
})

describe("isBasisPoints and basisPointsToPercent", () => {
  it("accepts whole basis points from 0 to 100 %", () => {
    expect([0, 600, 1250, 10000].map(isBasisPoints)).toEqual([true, true, true, true])
    expect([-1, 10001, 12.5, NaN].map(isBasisPoints)).toEqual([false, false, false, false])
  })

  it("answers percent shifted in decimal", () => {
    expect([2500, 1250, 1234, 0, "600"].map((bp) => basisPointsToPercent(bp))).toEqual([25, 12.5, 12.34, 0, 6])
  })
})

describe("percentToBasisPoints", () => {
  it.each<[unknown, number]>([
    [25, 2500],
    [12, 1200],
    [6, 600],
    [0, 0],
    [100, 10000],
    [12.5, 1250],
    [25.5, 2550],
    ["6", 600],
    ["25.00", 2500],
    ["12.34", 1234],
    [0.01, 1],
    [14.15, 1415], // 14.15 * 100 = 1415.0000000000002 in floats
    [new BigNumber(25), 2500],
    [{ value: "12.000000000000000000", precision: 20 }, 1200],
  ])("%p -> %i", (rate, bp) => {
    expect(percentToBasisPoints(rate as any)).toBe(bp)
  })

  it("throws on fractional basis points", () => {
    expect(() => percentToBasisPoints(12.345)).toThrow(/whole number of basis points/)
    expect(() => percentToBasisPoints("0.001")).toThrow(/whole number of basis points/)
  })

  it("throws outside 0..100 %", () => {
    expect(() => percentToBasisPoints(-1)).toThrow(/0\.\.10000/)
    expect(() => percentToBasisPoints(100.01)).toThrow(/0\.\.10000/)
    expect(() => percentToBasisPoints(2500)).toThrow(/0\.\.10000/) // already basis points: a caller bug
  })

  it("throws on garbage", () => {
    expect(() => percentToBasisPoints("abc")).toThrow(/Invalid VAT rate/)
    expect(() => percentToBasisPoints(NaN)).toThrow(/Invalid VAT rate/)
    expect(() => percentToBasisPoints(Infinity)).toThrow(/Invalid VAT rate/)
    expect(() => percentToBasisPoints(null as any)).toThrow(/Invalid VAT rate/)
    expect(() => percentToBasisPoints(undefined as any)).toThrow(/Invalid VAT rate/)
  })

  it("never returns -0", () => {
    expect(Object.is(percentToBasisPoints(-0), 0)).toBe(true)
  })
})

describe("vatOfGross", () => {
  it.each([
    [12500, 2500, 2500], // 125.00 incl. 25 % -> 25.00
    [10000, 2500, 2000],
    [11200, 1200, 1200],
    [10600, 600, 600],
    [9999, 2500, 2000], // 1999.8
    [3333, 2500, 667], // 666.6
    [3333, 1200, 357], // 357.107...
    [3333, 600, 189], // 188.66...
    [1, 2500, 0], // one öre at 25 %: 0.2 -> 0
    [2, 2500, 0], // 0.4
    [3, 2500, 1], // 0.6
    [1, 600, 0],
    [5, 2500, 1], // exactly 1
    [10000, 0, 0],
    [0, 2500, 0],
    [10000, 10000, 5000],
  ])("gross %i at %i bp -> VAT %i", (gross, bp, vat) => {
    expect(vatOfGross(gross, bp)).toBe(vat)
  })

  it("rounds exact halves up", () => {
    // At 100 % VAT is gross / 2, so odd amounts land exactly on a half.
    expect(vatOfGross(1, 10000)).toBe(1)
    expect(vatOfGross(3, 10000)).toBe(2)
    expect(vatOfGross(-1, 10000)).toBe(-1)
  })

  it("mirrors negative gross exactly", () => {
    for (const bp of PAYEX_VAT_BASIS_POINTS) {
      for (let gross = 0; gross < 500; gross++) {
        const v = vatOfGross(-gross, bp)
        expect(v === 0 ? 0 : -v).toBe(vatOfGross(gross, bp))
        expect(Object.is(vatOfGross(-gross, bp), -0)).toBe(false)
      }
    }
  })

  it("matches the exact rational result within half an öre", () => {
    for (const bp of PAYEX_VAT_BASIS_POINTS) {
      for (let gross = 0; gross < 3000; gross += 7) {
        expect(Math.abs(vatOfGross(gross, bp) - (gross * bp) / (10000 + bp))).toBeLessThanOrEqual(0.5)
      }
    }
  })

  it("stays exact for amounts beyond float precision of the product", () => {
    // gross * bp exceeds 2^53 here
    expect(vatOfGross(9007199254740991, 2500)).toBe(1801439850948198) // 1801439850948198.2
  })

  it("throws on invalid input", () => {
    expect(() => vatOfGross(1.5, 2500)).toThrow(/safe integer/)
    expect(() => vatOfGross(NaN, 2500)).toThrow(/safe integer/)
    expect(() => vatOfGross(100, 25.5)).toThrow(/basis points/)
    expect(() => vatOfGross(100, -1)).toThrow(/basis points/)
    expect(() => vatOfGross(100, 10001)).toThrow(/basis points/)
  })
})

describe("summarizeVat", () => {
  it("groups mixed 25/12/6 % lines with VAT that adds up exactly", () => {
    const lines = [
      { amount: 3333, vatBasisPoints: 2500 },
      { amount: 3333, vatBasisPoints: 1200 },
      { amount: 3333, vatBasisPoints: 600 },
      { amount: 3333, vatBasisPoints: 2500 },
      { amount: 1, vatBasisPoints: 1200 },
      { amount: 4900, vatBasisPoints: 600 },
    ]
    const groups = summarizeVat(lines)
    expect(groups).toEqual([
      { amount: 6666, vatPercent: 2500, vatAmount: 1333 }, // 1333.2
      { amount: 3334, vatPercent: 1200, vatAmount: 357 }, // 357.21
      { amount: 8233, vatPercent: 600, vatAmount: 466 }, // 466.02
    ])
    expect(sum(groups.map((g) => g.amount))).toBe(sum(lines.map((l) => l.amount)))
    // Per-line rounding would give 667+667+357+0+189+277 = 2157 instead of the group total 2156:
    const perLine = sum(lines.map((l) => vatOfGross(l.amount, l.vatBasisPoints)))
    expect(perLine).toBe(2157)
    expect(sum(groups.map((g) => g.vatAmount))).toBe(2156)
  })

  it("orders groups by descending rate regardless of input order", () => {
    const groups = summarizeVat([
      { amount: 100, vatBasisPoints: 0 },
      { amount: 100, vatBasisPoints: 600 },
      { amount: 100, vatBasisPoints: 2500 },
      { amount: 100, vatBasisPoints: 1200 },
    ])
    expect(groups.map((g) => g.vatPercent)).toEqual([2500, 1200, 600, 0])
  })

  it("handles a one-öre line", () => {
    expect(summarizeVat([{ amount: 1, vatBasisPoints: 2500 }])).toEqual([{ amount: 1, vatPercent: 2500, vatAmount: 0 }])
  })

  it("nets negative lines (discounts, credits) within a rate and drops groups that net to zero", () => {
    expect(
      summarizeVat([
        { amount: 10000, vatBasisPoints: 2500 },
        { amount: -2000, vatBasisPoints: 2500 },
        { amount: 500, vatBasisPoints: 1200 },
        { amount: -500, vatBasisPoints: 1200 },
      ]),
    ).toEqual([{ amount: 8000, vatPercent: 2500, vatAmount: 1600 }])
    expect(summarizeVat([{ amount: -12500, vatBasisPoints: 2500 }])).toEqual([
      { amount: -12500, vatPercent: 2500, vatAmount: -2500 },
    ])
  })

  it("returns [] for no lines", () => {
    expect(summarizeVat([])).toEqual([])
  })

  it("throws on invalid lines", () => {
    expect(() => summarizeVat([{ amount: 1.5, vatBasisPoints: 2500 }])).toThrow(/safe integer/)
    expect(() =>
      summarizeVat([
        { amount: 100, vatBasisPoints: 25 },
        { amount: 1, vatBasisPoints: 12.5 },
      ]),
    ).toThrow(/basis points/)
    expect(() =>
      summarizeVat([
        { amount: Number.MAX_SAFE_INTEGER, vatBasisPoints: 2500 },
        { amount: 1, vatBasisPoints: 2500 },
      ]),
    ).toThrow(/safe integer/)
  })
})

describe("splitAmountByVat", () => {
  const captured: VatGroup[] = [
    { amount: 6666, vatPercent: 2500, vatAmount: 1333 },
    { amount: 3334, vatPercent: 1200, vatAmount: 357 },
    { amount: 8233, vatPercent: 600, vatAmount: 466 },
  ]

  it("returns the groups unchanged for the full amount", () => {
    expect(splitAmountByVat(18233, captured)).toEqual(captured)
  })

  it("splits a partial reversal proportionally with exact sums", () => {
    const split = splitAmountByVat(5000, captured)
    // 5000 * [6666, 3334, 8233] / 18233 = 1828.0, 914.2, 2257.7 -> 1828, 914, 2258
    expect(split).toEqual([
      { amount: 1828, vatPercent: 2500, vatAmount: 366 }, // 365.6
      { amount: 914, vatPercent: 1200, vatAmount: 98 }, // 97.9
      { amount: 2258, vatPercent: 600, vatAmount: 128 }, // 127.8
    ])
    expect(sum(split.map((g) => g.amount))).toBe(5000)
  })

  it("drops groups that receive nothing", () => {
    expect(splitAmountByVat(1, captured)).toEqual([{ amount: 1, vatPercent: 600, vatAmount: 0 }])
    expect(
      splitAmountByVat(100, [
        { amount: 0, vatPercent: 2500, vatAmount: 0 },
        { amount: 500, vatPercent: 1200, vatAmount: 54 },
      ]),
    ).toEqual([{ amount: 100, vatPercent: 1200, vatAmount: 11 }])
  })

  it("returns [] for a zero amount", () => {
    expect(splitAmountByVat(0, captured)).toEqual([])
  })

  it("handles a negative amount (credit) as the mirror", () => {
    expect(splitAmountByVat(-5000, captured)).toEqual([
      { amount: -1828, vatPercent: 2500, vatAmount: -366 },
      { amount: -914, vatPercent: 1200, vatAmount: -98 },
      { amount: -2258, vatPercent: 600, vatAmount: -128 },
    ])
  })

  it("splits over groups that are all negative by their absolute size", () => {
    const credits: VatGroup[] = [
      { amount: -7500, vatPercent: 2500, vatAmount: -1500 },
      { amount: -2500, vatPercent: 600, vatAmount: -142 },
    ]
    expect(splitAmountByVat(-1000, credits)).toEqual([
      { amount: -750, vatPercent: 2500, vatAmount: -150 },
      { amount: -250, vatPercent: 600, vatAmount: -14 },
    ])
  })

  it("keeps sums exact for every amount up to the total (property)", () => {
    const failures: number[] = []
    for (let amount = 1; amount <= 18233; amount += 13) {
      const split = splitAmountByVat(amount, captured)
      const ok =
        sum(split.map((g) => g.amount)) === amount &&
        split.every((g) => g.amount !== 0 && g.vatAmount === vatOfGross(g.amount, g.vatPercent))
      if (!ok) failures.push(amount)
    }
    expect(failures).toEqual([])
  })

  it("throws on mixed signs, no groups or bad input", () => {
    expect(() =>
      splitAmountByVat(100, [
        { amount: 100, vatPercent: 2500, vatAmount: 20 },
        { amount: -50, vatPercent: 1200, vatAmount: -5 },
      ]),
    ).toThrow(/mixed signs/)
    expect(() => splitAmountByVat(100, [])).toThrow(/all weights are zero/)
    expect(() => splitAmountByVat(100, [{ amount: 0, vatPercent: 2500, vatAmount: 0 }])).toThrow(/all weights are zero/)
    expect(() => splitAmountByVat(1.5, captured)).toThrow(/safe integer/)
    expect(() => splitAmountByVat(100, [{ amount: 100, vatPercent: 25.5, vatAmount: 0 }])).toThrow(/basis points/)
  })
})
