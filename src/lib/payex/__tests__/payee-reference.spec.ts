import {
  isOwnPayeeReference,
  PAYEE_REFERENCE_PATTERN,
  PayeeReferenceKind,
  payeeReferenceFor,
  payeeReferenceForNth,
} from "../payee-reference"

const KINDS: PayeeReferenceKind[] = ["PS", "CP", "FC", "RF", "CN"]
const ULID = "01JQ3ZK8V6X9T2M4N5P7R8S9TB"

const IDS = [
  `payses_${ULID}`,
  `capt_${ULID}`,
  `ful_${ULID}`,
  `ref_${ULID}`,
  `pay_${ULID}`,
  ULID,
  "payses_short",
  "x",
  "a-b.c/d",
  "ÅÄÖ_åäö",
  "___",
  "_",
  "ends_with_",
  "sess 1 with spaces",
  `payses_${ULID}${ULID}`,
  "p".repeat(200),
  "🙂",
  "payses_01JQ3ZK8V6X9T2M4N5P7R8S9TB_extra_01JQ3ZK8V6X9T2M4N5P7R8S9TBXYZ",
]

describe("payeeReferenceFor", () => {
  it("uses the kind and the ULID of a Medusa id", () => {
    expect(payeeReferenceFor("PS", `payses_${ULID}`)).toBe(`PS${ULID}`)
    expect(payeeReferenceFor("FC", `ful_${ULID}`)).toBe(`FC${ULID}`)
    expect(payeeReferenceFor("PS", `payses_${ULID}`, "R")).toBe(`PS${ULID}R`)
    expect(payeeReferenceFor("CP", `capt_${ULID}`)).toHaveLength(28)
  })

  it.each(KINDS)("always matches ^[A-Za-z0-9]{1,30}$ for kind %s", (kind) => {
    for (const id of IDS) {
      for (const suffix of ["", "R", "R2"]) {
        const ref = payeeReferenceFor(kind, id, suffix)
        expect(ref).toMatch(PAYEE_REFERENCE_PATTERN)
        expect(ref).toMatch(/^[A-Za-z0-9]{1,30}$/)
        expect(ref.startsWith(kind)).toBe(true)
        expect(ref.endsWith(suffix)).toBe(true)
      }
    }
  })

  it("is deterministic, so a retry sends the same reference", () => {
    for (const id of IDS) {
      expect(payeeReferenceFor("CP", id)).toBe(payeeReferenceFor("CP", String(id)))
      expect(payeeReferenceFor("CP", id, "R")).toBe(payeeReferenceFor("CP", `${id}`, "R"))
    }
  })

  it("differs per kind and per suffix for the same id", () => {
    for (const id of IDS) {
      const refs = KINDS.map((k) => payeeReferenceFor(k, id))
      expect(new Set(refs).size).toBe(KINDS.length)
      expect(payeeReferenceFor("PS", id, "R")).not.toBe(payeeReferenceFor("PS", id))
    }
  })

  it("differs between different ids", () => {
    const ids = [`capt_${ULID}`, `capt_${ULID.slice(0, -1)}C`, "p".repeat(200), "p".repeat(201), "ÅÄÖ", "åäö", "x", "y"]
    const refs = ids.map((id) => payeeReferenceFor("CP", id))
    expect(new Set(refs).size).toBe(ids.length)
  })

  it("falls back to a stable hash for ids too long for 30 characters", () => {
    const long = `payses_${ULID}${ULID}`
    const ref = payeeReferenceFor("PS", long)
    expect(ref).toMatch(/^PS[0-9a-f]{28}$/)
    expect(payeeReferenceFor("PS", long, "R")).toMatch(/^PS[0-9a-f]{27}R$/)
    // 27 characters fit beside the kind and a suffix, 28 do not
    expect(payeeReferenceFor("PS", `payses_${ULID}X`, "R")).toBe(`PS${ULID}XR`)
    expect(payeeReferenceFor("PS", `payses_${ULID}XY`, "R")).toMatch(/^PS[0-9a-f]{27}R$/)
  })

  it("falls back to a stable hash for ids with nothing usable after the last underscore", () => {
    for (const id of ["ÅÄÖ_åäö", "___", "ends_with_", "🙂", "---"]) {
      const ref = payeeReferenceFor("RF", id)
      expect(ref).toMatch(/^RF[0-9a-f]{28}$/)
    }
    expect(payeeReferenceFor("RF", "ends_with_")).not.toBe(payeeReferenceFor("RF", "___"))
  })

  it("drops characters PayEx does not allow from short odd ids", () => {
    expect(payeeReferenceFor("CN", "sess 1 with spaces")).toBe("CNsess1withspaces")
    expect(payeeReferenceFor("CN", "a-b.c/d")).toBe("CNabcd")
  })

  it("refuses to make a reference without an id", () => {
    expect(() => payeeReferenceFor("PS", "")).toThrow("payeeReferenceFor needs the Medusa id the operation serves")
    expect(() => payeeReferenceFor("PS", undefined as unknown as string)).toThrow(/needs the Medusa id/)
  })
})

describe("isOwnPayeeReference", () => {
  it("recognises references this plugin made, by kind", () => {
    expect(isOwnPayeeReference(payeeReferenceFor("CP", `capt_${ULID}`), ["CP", "FC"])).toBe(true)
    expect(isOwnPayeeReference(payeeReferenceFor("FC", `ful_${ULID}`), ["CP", "FC"])).toBe(true)
    expect(isOwnPayeeReference(payeeReferenceFor("FC", "p".repeat(100)), ["CP", "FC"])).toBe(true)
  })

  it("rejects other kinds, foreign references and nothing", () => {
    expect(isOwnPayeeReference(payeeReferenceFor("RF", `ref_${ULID}`), ["CP", "FC"])).toBe(false)
    expect(isOwnPayeeReference("portal-capture-1", ["CP", "FC"])).toBe(false)
    expect(isOwnPayeeReference("CP_with_underscore", ["CP", "FC"])).toBe(false)
    expect(isOwnPayeeReference(`CP${"1".repeat(40)}`, ["CP", "FC"])).toBe(false)
    expect(isOwnPayeeReference("", ["CP", "FC"])).toBe(false)
    expect(isOwnPayeeReference(undefined, ["CP", "FC"])).toBe(false)
  })
})

describe("payeeReferenceForNth", () => {
  const PAYMENT = `pay_${ULID}`
  it("is the same for the same n-th action of the same amount on a payment: a retry under a new Medusa row", () => {
    expect(payeeReferenceForNth("CP", PAYMENT, 0, 10000)).toBe(payeeReferenceForNth("CP", PAYMENT, 0, 10000))
  })

  it("differs for the next action, another amount, another payment or the other kind", () => {
    const refs = [
      payeeReferenceForNth("CP", PAYMENT, 0, 10000),
      payeeReferenceForNth("CP", PAYMENT, 1, 10000),
      payeeReferenceForNth("CP", PAYMENT, 0, 10001),
      payeeReferenceForNth("CP", `pay_${"1".repeat(26)}`, 0, 10000),
      payeeReferenceForNth("RF", PAYMENT, 0, 10000),
    ]
    expect(new Set(refs).size).toBe(refs.length)
    for (const ref of refs) expect(ref).toMatch(PAYEE_REFERENCE_PATTERN)
    expect(isOwnPayeeReference(refs[0], ["CP"])).toBe(true)
  })
})
