import Medusa from "@medusajs/js-sdk"

// The dashboard serves plugin widgets from the backend's own origin and signs the admin in with a session
// cookie. `__BACKEND_URL__` is replaced by the host's admin build; the typeof guard keeps a build without it
// (or a test) from failing with a ReferenceError and falls back to the page's origin.
const backendUrl = typeof __BACKEND_URL__ !== "undefined" && __BACKEND_URL__ ? __BACKEND_URL__ : "/"

/** The one client every hook of the plugin's widgets sends its requests through. */
export const sdk = new Medusa({ baseUrl: backendUrl, auth: { type: "session" } })
