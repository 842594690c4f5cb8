import { readFileSync } from "node:fs"
import { dirname, resolve } from "node:path"
import ts from "typescript"

const ROOT = resolve(__dirname, "..")

/** Specifiers that stay in the compiled JavaScript (type-only imports and exports are erased). */
function runtimeImports(file: string): string[] {
  const source = ts.createSourceFile(file, readFileSync(file, "utf8"), ts.ScriptTarget.ES2021, true)
  const found: string[] = []
  const visit = (node: ts.Node) => {
    if (ts.isImportDeclaration(node) && !node.importClause?.isTypeOnly) {
      found.push((node.moduleSpecifier as ts.StringLiteral).text)
    } else if (ts.isExportDeclaration(node) && node.moduleSpecifier && !node.isTypeOnly) {
      found.push((node.moduleSpecifier as ts.StringLiteral).text)
    } else if (ts.isCallExpression(node)) {
      const callee = node.expression
      if (callee.kind === ts.SyntaxKind.ImportKeyword || (ts.isIdentifier(callee) && callee.text === "require"))
        found.push(String((node.arguments[0] as ts.StringLiteral | undefined)?.text))
    }
    ts.forEachChild(node, visit)
  }
  visit(source)
  return found
}

/** Every file the storefront entry loads at run time, and every package it would need. */
function graph(entry: string) {
  const files = new Set<string>()
  const packages = new Set<string>()
  const walk = (file: string) => {
    if (files.has(file)) return
    files.add(file)
    for (const spec of runtimeImports(file)) {
      if (spec.startsWith(".")) walk(resolve(dirname(file), spec) + ".ts")
      else packages.add(spec)
    }
  }
  walk(entry)
  return { files: [...files].map((f) => f.slice(resolve(ROOT, "..").length + 1)), packages: [...packages] }
}

describe("medusa-plugin-payex-payer/storefront", () => {
  it("loads no package at run time: the js-sdk and Medusa's types are imported as types only", () => {
    const { files, packages } = graph(resolve(ROOT, "index.ts"))
    expect(packages).toEqual([])
    expect(files).toContain("lib/identity/organisation-number.ts") // the walk follows relative imports
    // Plugin code it may reach: itself and the dependency-free identity checks, nothing server-side.
    for (const file of files) expect(file).toMatch(/^(storefront\/[a-z-]+|lib\/identity\/[a-z-]+)\.ts$/)
  })
})
