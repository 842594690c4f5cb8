import { PaymentSessionStatus } from "@medusajs/framework/utils"
import { paymentResponse, transaction } from "../../payex/__tests__/helpers"
import { sessionStatusOf } from "../payment-status"

describe("sessionStatusOf", () => {
  it.each<[string, string, Array<{ type: string; state: string }>, PaymentSessionStatus]>([
    [
      "an aborted payment, whatever its transactions",
      "Aborted",
      [{ type: "Authorization", state: "Completed" }],
      PaymentSessionStatus.CANCELED,
    ],
    [
      "a completed capture before a completed cancellation",
      "Pending",
      [
        { type: "Cancellation", state: "Completed" },
        { type: "Capture", state: "Completed" },
      ],
      PaymentSessionStatus.CAPTURED,
    ],
    [
      "a completed cancellation",
      "Pending",
      [
        { type: "Authorization", state: "Completed" },
        { type: "Cancellation", state: "Completed" },
      ],
      PaymentSessionStatus.CANCELED,
    ],
    [
      "a completed authorization beside a failed capture",
      "Pending",
      [
        { type: "Authorization", state: "Completed" },
        { type: "Capture", state: "Failed" },
      ],
      PaymentSessionStatus.AUTHORIZED,
    ],
    ["a failed payment", "Failed", [{ type: "Authorization", state: "Failed" }], PaymentSessionStatus.ERROR],
    [
      "a failed payment that was authorized",
      "Failed",
      [{ type: "Authorization", state: "Completed" }],
      PaymentSessionStatus.AUTHORIZED,
    ],
    ["a payment in progress", "Ready", [{ type: "Authorization", state: "Initialized" }], PaymentSessionStatus.PENDING],
  ])("%s", (_what, state, txs, status) => {
    expect(
      sessionStatusOf(
        paymentResponse({ state }, []),
        txs.map((t) => transaction(t)),
      ),
    ).toBe(status)
  })
})
