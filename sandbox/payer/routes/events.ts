/** The Events API (v1): callback registration, fetching an event by its token, acknowledging it. */
import type { Route } from "../../shared/server"
import { acknowledgeEvent, eventEnvelope, fetchableEvent, registerCallback } from "../domain/events"
import { apiRoute, ok, type PayerContext } from "./common"

export function eventRoutes(ctx: PayerContext): Route[] {
  const { store } = ctx
  return [
    // both values are query parameters and the answer is 204 without a body, as the API reference shows
    apiRoute(ctx, "POST", "/api/v1/events/callbacks", (req) => {
      registerCallback(store, req.query.type, req.query.url)
      return { status: 204 }
    }),
    apiRoute(ctx, "GET", "/api/v1/events/callbacks", () =>
      ok({ callbacks: store.callbacks.map((c) => ({ type: c.type, url: c.url })) }),
    ),
    apiRoute(ctx, "GET", "/api/v1/events/:token", (_req, params) =>
      ok(eventEnvelope(fetchableEvent(store, params.token))),
    ),
    apiRoute(ctx, "GET", "/api/v1/events/:token/ack", (_req, params) => {
      acknowledgeEvent(store, params.token)
      return ok()
    }),
  ]
}
