// The medusa-config.ts a shop copies from README.md: the first ```ts block of its "## Configure" section, read at
// test time so the test runs what the README says today, not a copy that could drift from it.
import { readFileSync } from "node:fs"
import path from "node:path"

const README = path.resolve(__dirname, "../../README.md")

/** Throws (never answers something partial) when the section or its block is missing or not a Medusa config. */
export function readmeMedusaConfig(readmePath = README): string {
  const lines = readFileSync(readmePath, "utf8").split("\n")
  const start = lines.findIndex((l) => l.trim() === "## Configure")
  if (start < 0) throw new Error(`${readmePath} has no "## Configure" section`)
  const end = lines.findIndex((l, i) => i > start && l.startsWith("## "))
  const section = lines.slice(start + 1, end < 0 ? undefined : end)
  const open = section.findIndex((l) => l.trim() === "```ts")
  if (open < 0) throw new Error(`README's "Configure" section has no \`\`\`ts block`)
  const close = section.findIndex((l, i) => i > open && l.trim() === "```")
  if (close < 0) throw new Error(`README's "Configure" \`\`\`ts block is not closed`)
  const snippet = section.slice(open + 1, close).join("\n") + "\n"
  // A shop pastes the block as its whole medusa-config.ts; anything less would not boot a shop either.
  for (const needed of ["defineConfig(", '"medusa-plugin-payex-payer"', "providers/payex", "providers/payer"]) {
    if (!snippet.includes(needed)) throw new Error(`README's Configure snippet lacks ${needed}`)
  }
  return snippet
}
