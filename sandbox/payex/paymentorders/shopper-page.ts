/**
 * The simulated shopper page (redirect-checkout) and the view-checkout script stub. No merchant token: the order's
 * uuid in the URL is the shopper's access, as with a real payment page. Forms POST to the sandbox, which answers
 * 303 to completeUrl (approve), cancelUrl (cancel) or back to the page (decline). With `?format=json` (used by the
 * script stub) the answer is the Seamless View event as JSON, with CORS open.
 */
import type { Route, SandboxRequest, SandboxResponse } from "../../shared/server"
import { PayexProblemError } from "../problems"
import type { PaymentOrderContext } from "./context"
import { baseUrlOf, loadOrder } from "./context"
import { abortPaymentOrder, approvePaymentOrder, declinePaymentOrder } from "./shopper"
import type { PaymentOrderRecord } from "./state"
import { PAYMENT_ORDERS_PATH, orderPath } from "./state"
import { shopperPath } from "./views"

const SHOPPER = `${PAYMENT_ORDERS_PATH}/:id/shopper`

const escapeHtml = (s: string) =>
  s.replace(/[&<>"']/g, (ch) => ({ "&": "&amp;", "<": "&lt;", ">": "&gt;", '"': "&quot;", "'": "&#39;" })[ch]!)

const money = (o: PaymentOrderRecord) => `${(o.amount / 100).toFixed(2)} ${o.currency}`

function html(status: number, title: string, body: string): SandboxResponse {
  const page = `<!doctype html>
<html lang="en"><head><meta charset="utf-8"><title>${escapeHtml(title)}</title></head>
<body>
<h1>${escapeHtml(title)}</h1>
${body}
</body></html>
`
  return { status, body: page, headers: { "content-type": "text/html; charset=utf-8" } }
}

export function shopperPage(o: PaymentOrderRecord, declined: boolean): SandboxResponse {
  const info = `<p id="description">${escapeHtml(o.description)}</p>
<p id="amount">${escapeHtml(money(o))}</p>`
  if (o.status !== "Initialized") return html(200, "PayEx sandbox payment", `${info}\n<p id="status">${o.status}</p>`)
  const action = (name: string) => `${shopperPath(o)}/${name}`
  return html(
    200,
    "PayEx sandbox payment",
    `${info}
${declined ? '<p id="declined" role="alert">Credit not approved. Try again or cancel.</p>\n' : ""}<form method="post" action="${action("approve")}">
<label>Personal number (optional) <input name="ssn" autocomplete="off"></label>
<button type="submit" name="action" value="approve">Approve</button>
</form>
<form method="post" action="${action("decline")}"><button type="submit" name="action" value="decline">Decline</button></form>
<form method="post" action="${action("cancel")}"><button type="submit" name="action" value="cancel">Cancel</button></form>`,
  )
}

export function viewCheckoutScript(o: PaymentOrderRecord, baseUrl: string): string {
  const base = JSON.stringify(baseUrl + shopperPath(o))
  const order = JSON.stringify({ id: orderPath(o) })
  const label = JSON.stringify(`${o.description} - ${money(o)}`)
  return `/* PayEx sandbox view-checkout stub: payex.hostedView.checkout({ container, onPaid, onAborted, ... }).open() */
(function () {
  var base = ${base}, order = ${order}, label = ${label};
  function post(action) {
    return fetch(base + "/" + action + "?format=json", {
      method: "POST",
      headers: { "content-type": "application/x-www-form-urlencoded" },
      body: "",
    }).then(function (r) { return r.json(); });
  }
  window.payex = window.payex || {};
  window.payex.hostedView = window.payex.hostedView || {};
  window.payex.hostedView.checkout = function (options) {
    options = options || {};
    var el = null;
    function fire(name, payload) {
      if (typeof options[name] === "function") options[name](payload);
      else if (payload.redirectUrl) window.top.location.href = payload.redirectUrl;
    }
    return {
      open: function () {
        var id = options.container && options.container.checkout ? options.container.checkout : options.container;
        el = document.getElementById(id);
        el.innerHTML = '<p></p><button data-action="approve">Approve</button> ' +
          '<button data-action="decline">Decline</button> <button data-action="cancel">Cancel</button>';
        el.querySelector("p").textContent = label;
        var handlers = { OnPaid: "onPaid", OnAborted: "onAborted", OnPaymentAttemptFailed: "onPaymentAttemptFailed" };
        el.querySelectorAll("button").forEach(function (button) {
          button.addEventListener("click", function () {
            post(button.getAttribute("data-action")).then(function (res) { fire(handlers[res.event] || "onError", res); });
          });
        });
        if (typeof options.onCheckoutLoaded === "function")
          options.onCheckoutLoaded({ event: "OnCheckoutLoaded", paymentOrder: order });
      },
      close: function () { if (el) el.innerHTML = ""; },
      refresh: function () {}, update: function () {}, cancel: function () {}, resume: function () {},
    };
  };
})();
`
}

function shopperRoute(
  ctx: PaymentOrderContext,
  method: string,
  pattern: string,
  handler: (req: SandboxRequest, o: PaymentOrderRecord, baseUrl: string) => SandboxResponse,
): Route {
  return {
    method,
    pattern,
    handler: (req, params) => {
      try {
        return handler(req, loadOrder(ctx, params.id), baseUrlOf(ctx, req))
      } catch (e) {
        const p = e instanceof PayexProblemError ? e : new PayexProblemError("systemerror", String(e))
        // 409 when the order is no longer payable, else the problem's status
        const status = p.problems.some((x) => /payment order is/.test(x.description)) ? 409 : p.status
        if (req.query.format === "json")
          return {
            status,
            body: { event: "OnError", detail: p.detail },
            headers: { "access-control-allow-origin": "*" },
          }
        return html(status, "PayEx sandbox payment", `<p id="error">${escapeHtml(p.detail)}</p>`)
      }
    },
  }
}

export function shopperRoutes(ctx: PaymentOrderContext): Route[] {
  const answer = (req: SandboxRequest, o: PaymentOrderRecord, event: string, redirectUrl?: string): SandboxResponse => {
    if (req.query.format === "json") {
      const body = { event, paymentOrder: { id: orderPath(o) }, ...(redirectUrl ? { redirectUrl } : {}) }
      return { status: 200, body, headers: { "access-control-allow-origin": "*" } }
    }
    return { status: 303, headers: { location: redirectUrl ?? `${shopperPath(o)}?declined=1` } }
  }
  const integration = (req: SandboxRequest) => (req.query.format === "json" ? "HostedView" : "Redirect")
  return [
    shopperRoute(ctx, "GET", SHOPPER, (req, o) => shopperPage(o, req.query.declined === "1")),
    shopperRoute(ctx, "GET", `${SHOPPER}/view-checkout.js`, (_req, o, baseUrl) => ({
      status: 200,
      body: viewCheckoutScript(o, baseUrl),
      headers: { "content-type": "application/javascript; charset=utf-8", "access-control-allow-origin": "*" },
    })),
    shopperRoute(ctx, "POST", `${SHOPPER}/approve`, (req, o) => {
      const ssn = typeof req.body?.ssn === "string" && req.body.ssn.trim() ? req.body.ssn.trim() : undefined
      const { outcome } = approvePaymentOrder(ctx, o.id, { ssn, integration: integration(req) })
      return outcome === "paid"
        ? answer(req, o, "OnPaid", o.urls.completeUrl)
        : answer(req, o, "OnPaymentAttemptFailed")
    }),
    shopperRoute(ctx, "POST", `${SHOPPER}/decline`, (req, o) => {
      declinePaymentOrder(ctx, o.id, integration(req))
      return answer(req, o, "OnPaymentAttemptFailed")
    }),
    shopperRoute(ctx, "POST", `${SHOPPER}/cancel`, (req, o) => {
      o.integration = o.integration || integration(req)
      abortPaymentOrder(ctx, o.id, "CancelledByConsumer", "Payer")
      return answer(req, o, "OnAborted", o.urls.cancelUrl)
    }),
  ]
}
