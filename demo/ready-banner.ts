// The lines `npm run demo` ends its start with: where to shop, where to log in, whom to shop as.
// The last line is machine-readable (DEMO_READY {...}) for the demo's browser test.

export interface ReadyInfo {
  seconds: number
  storefrontUrl: string
  adminUrl: string
  medusaUrl: string
  login: { email: string; password: string }
  publishableKey: string
  stateDir: string
  migrated: boolean
  seeded: number
}

export function printReady(info: ReadyInfo) {
  const lines = [
    "",
    `Demo ready in ${info.seconds.toFixed(1)} s${info.migrated ? " (migrated the database)" : ""}.`,
    "",
    `  Storefront  ${info.storefrontUrl}`,
    `  Admin       ${info.adminUrl}   login ${info.login.email} / ${info.login.password}`,
    `  Store API   ${info.medusaUrl}   publishable key ${info.publishableKey}`,
    "",
    "  Test persons (PayEx sandbox; any mobile number such as +46739000001 / +4798765432):",
    "    Sweden  600307-1161  postal code 19792   approved",
    "    Sweden  971020-2392  postal code 17674   approved",
    "    Sweden  121212-1212  postal code 12345   credit NOT approved",
    "    Norway  26026708248  (enter the address: Ola Nordmann, Karl Johans gate 1, 0154 Oslo)",
    "    Finland 131052-308T  (any valid number; enter the address)",
    "  Company invoice (Payer): Ekbacken Möbler AB, org. no. 556036-0793 (prefilled)",
    "  Invoice (Swedbank Pay), Sweden and Norway: the sandbox's page offers Approve, Decline and Cancel, then sends",
    `    you back to ${info.storefrontUrl}/checkout/swedbankpay/complete (or /checkout after a cancel)`,
    "",
    `  Data and logs in ${info.stateDir} (npm run demo -- --reset starts over). Ctrl-C stops everything.`,
    "  The sandboxes start empty on every run: orders from an earlier run cannot be captured or invoiced there.",
    "",
  ]
  console.log(lines.join("\n"))
  console.log(
    `DEMO_READY ${JSON.stringify({ storefrontUrl: info.storefrontUrl, medusaUrl: info.medusaUrl, seconds: info.seconds })}`,
  )
}
