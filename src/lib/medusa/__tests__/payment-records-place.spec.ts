import { PaymentModuleRecords } from "../payment-records"

// The place of a capture or refund among its payment's: what keeps a merchant's retry on the same PayEx reference.
function recordsWith(rows: Array<{ id: string; created_at?: string }>) {
  const list = jest.fn().mockResolvedValue([{ id: "pay_1", captures: rows, refunds: rows }])
  return { records: new PaymentModuleRecords({ paymentService: { list } }), list }
}

describe("PaymentModuleRecords.placeOf", () => {
  it("counts the rows recorded before this one (by time, then id)", async () => {
    const { records, list } = recordsWith([
      { id: "capt_C", created_at: "2026-12-04T10:00:02Z" },
      { id: "capt_A", created_at: "2026-12-04T10:00:00Z" },
      { id: "capt_B", created_at: "2026-12-04T10:00:02Z" },
    ])
    expect(await records.placeOf("captures", "pay_1", "capt_A")).toBe(0)
    expect(await records.placeOf("captures", "pay_1", "capt_B")).toBe(1)
    expect(await records.placeOf("refunds", "pay_1", "capt_C")).toBe(2)
    expect(list).toHaveBeenCalledWith({ id: "pay_1" }, { relations: ["refunds"], take: 1 })
  })

  it("takes the same place for a retry after Medusa deleted the failed row", async () => {
    const before = recordsWith([
      { id: "capt_A", created_at: "2026-12-04T10:00:00Z" },
      { id: "capt_failed", created_at: "2026-12-04T10:01:00Z" },
    ])
    const after = recordsWith([
      { id: "capt_A", created_at: "2026-12-04T10:00:00Z" },
      { id: "capt_retry", created_at: "2026-12-04T10:05:00Z" },
    ])
    expect(await before.records.placeOf("captures", "pay_1", "capt_failed")).toBe(1)
    expect(await after.records.placeOf("captures", "pay_1", "capt_retry")).toBe(1)
  })
})
