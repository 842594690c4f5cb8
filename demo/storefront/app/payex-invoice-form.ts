// "Invoice (PayEx)": Sweden looks the shopper's address up by personal number and postal code, shows it, and pays
// once the shopper confirms it; Norway and Finland (and Sweden, when no address is found) have the shopper type the
// address, which goes with the authorization as the legal address.
//
// The personal number stays in its input field and goes into the two store routes' bodies only: never into
// localStorage, the cart, its metadata or the payment session's data. The field is emptied once the order is placed.
import type Medusa from "@medusajs/js-sdk"
import {
  PAYEX_INVOICE_PROVIDER_ID,
  authorizePayexInvoice,
  describePayexError,
  lookUpLegalAddress,
  payexInvoiceSessionData,
  type PayexAddress,
  type PayexLegalAddress,
} from "medusa-plugin-payex-payer/storefront"
import { alertBox, busy, el, field, mark } from "./dom"
import { placeOrder, refreshCart, startPaymentSession, type Cart, type Order } from "./store-cart"

const TEST_PERSONS: Record<string, Array<{ label: string; ssn: string; zip?: string; msisdn: string }>> = {
  se: [
    { label: "600307-1161 (approved)", ssn: "600307-1161", zip: "19792", msisdn: "+46739000001" },
    { label: "971020-2392 (approved)", ssn: "971020-2392", zip: "17674", msisdn: "+46739000001" },
    { label: "121212-1212 (refused)", ssn: "121212-1212", zip: "12345", msisdn: "+46739000001" },
  ],
  no: [{ label: "26026708248", ssn: "26026708248", msisdn: "+4798765432" }],
  fi: [{ label: "131052-308T", ssn: "131052-308T", msisdn: "+358401234567" }],
}

export function payexInvoiceForm(
  sdk: Medusa,
  cart: Cart,
  country: string,
  onOrder: (order: Order) => void,
): HTMLElement {
  const sweden = country === "se"
  const alert = alertBox()
  const ssn = field("Personal identity number", { autocomplete: "off", inputmode: "text", name: "ssn" })
  const zip = field("Postal code", { autocomplete: "off", name: "zip" })
  const msisdn = field("Mobile number", { autocomplete: "tel", type: "tel", name: "msisdn" })
  const ship = cart.shipping_address
  const addressee = field("Name on the invoice", { value: `${ship?.first_name ?? ""} ${ship?.last_name ?? ""}`.trim() })
  const street = field("Street address", { value: ship?.address_1 ?? "" })
  const addrZip = field("Postal code", { value: ship?.postal_code ?? "" })
  const city = field("City", { value: ship?.city ?? "" })

  let sessionId: string | undefined
  let approved: PayexLegalAddress | undefined
  const session = async () => {
    // PayEx fails a payment for good after a refusal: a new attempt needs a new session (and so a new payment).
    sessionId ??= await startPaymentSession(
      sdk,
      await refreshCart(sdk, cart.id),
      PAYEX_INVOICE_PROVIDER_ID,
      payexInvoiceSessionData(navigator.userAgent),
    )
    return sessionId
  }

  const approvedBox = el("div", { class: "address", "data-testid": "approved-address" })
  const lookupPart = el("div", { hidden: !sweden }, ssn.wrap, zip.wrap)
  const manualPart = el(
    "div",
    { hidden: sweden },
    addressee.wrap,
    street.wrap,
    el("div", { class: "grid" }, addrZip.wrap, city.wrap),
  )
  const confirmPart = el("div", { hidden: true }, el("h2", {}, "Your invoice address"), approvedBox)
  const lookupButton = el("button", { type: "button", hidden: !sweden }, "Get my address")
  const payButton = el("button", { type: "button", hidden: sweden }, "Place order")
  const manualLink = el("button", { type: "button", class: "secondary", hidden: !sweden }, "Enter the address myself")
  if (!sweden) manualPart.prepend(ssn.wrap)

  const fail = (e: unknown) => {
    const d = describePayexError(e)
    alert.show(d.message)
    if (d.field === "social_security_number") mark(ssn.input, true)
    if (d.field === "zip_code") mark(zip.input, true)
    if (d.field === "msisdn") mark(msisdn.input, true)
    if (d.enterAddressInstead && sweden) showManual()
  }
  const showManual = () => {
    approved = undefined
    lookupPart.hidden = true
    lookupButton.hidden = true
    manualLink.hidden = true
    confirmPart.hidden = true
    manualPart.hidden = false
    manualPart.prepend(ssn.wrap)
    payButton.hidden = false
    payButton.textContent = "Place order"
  }

  lookupButton.addEventListener("click", () =>
    busy(lookupButton, async () => {
      alert.clear()
      mark(ssn.input, false)
      mark(zip.input, false)
      try {
        approved = await lookUpLegalAddress(sdk, {
          paymentSessionId: await session(),
          socialSecurityNumber: ssn.input.value,
          zipCode: zip.input.value,
        })
      } catch (e) {
        return fail(e)
      }
      const a = approved
      approvedBox.textContent = [a.addressee, a.co_address, a.street_address, `${a.zip_code} ${a.city}`]
        .filter(Boolean)
        .join("\n")
      confirmPart.hidden = false
      lookupButton.className = "secondary" // still there to look up someone else; confirming is the next step
      manualLink.hidden = true
      payButton.hidden = false
      payButton.textContent = "Confirm and place order"
    }),
  )
  manualLink.addEventListener("click", showManual)

  payButton.addEventListener("click", () =>
    busy(payButton, async () => {
      alert.clear()
      for (const f of [ssn, msisdn]) mark(f.input, false)
      const legalAddress: PayexAddress | undefined = approved
        ? undefined // the route uses the approved address of the lookup
        : {
            addressee: addressee.input.value.trim(),
            street_address: street.input.value.trim(),
            zip_code: addrZip.input.value.trim(),
            city: city.input.value.trim(),
            country_code: country.toUpperCase(),
          }
      try {
        await authorizePayexInvoice(sdk, {
          paymentSessionId: await session(),
          socialSecurityNumber: ssn.input.value,
          msisdn: msisdn.input.value,
          email: cart.email,
          legalAddress,
        })
      } catch (e) {
        const kind = describePayexError(e).kind
        if (kind !== "invalid_input" && kind !== "invalid_personal_number") {
          // Refused, or the payment is over at PayEx: the next try gets a new session, and in Sweden a new lookup
          // (an approved address belongs to the session it was looked up in).
          sessionId = undefined
          if (approved) {
            approved = undefined
            confirmPart.hidden = true
            payButton.hidden = true
            lookupButton.className = ""
          }
        }
        return fail(e)
      }
      try {
        const order = await placeOrder(sdk, cart.id)
        ssn.input.value = "" // nothing of it stays on the page once the order exists
        onOrder(order)
      } catch (e) {
        alert.show(`The order could not be placed: ${(e as Error).message}`)
      }
    }),
  )

  const persons = TEST_PERSONS[country] ?? []
  const fill = (p: (typeof persons)[number]) => {
    ssn.input.value = p.ssn
    if (p.zip) zip.input.value = p.zip
    msisdn.input.value = p.msisdn
  }
  const hint = el(
    "div",
    { class: "hint" },
    "Sandbox test persons: ",
    ...persons.map((p) => el("button", { type: "button", class: "secondary", onclick: () => fill(p) }, p.label)),
  )

  return el(
    "div",
    { "data-testid": "payex-form" },
    el(
      "p",
      { class: "muted" },
      sweden
        ? "Pay within 14 days. We look up your address with PayEx; the invoice is sent there."
        : "Pay within 14 days. Enter the address PayEx sends the invoice to.",
    ),
    hint,
    lookupPart,
    manualPart,
    confirmPart,
    msisdn.wrap,
    alert.node,
    el("div", {}, lookupButton, " ", manualLink, " ", payButton),
  )
}
