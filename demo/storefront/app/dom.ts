// A few DOM helpers instead of a framework: build elements, read form fields, show an error for the shopper.

type Child = Node | string | null | undefined | false
type Attrs = Record<string, string | boolean | undefined | ((e: Event) => void)>

export function el<K extends keyof HTMLElementTagNameMap>(tag: K, attrs: Attrs = {}, ...children: Child[]) {
  const node = document.createElement(tag)
  for (const [name, value] of Object.entries(attrs)) {
    if (typeof value === "function") node.addEventListener(name.replace(/^on/, ""), value)
    else if (value === true) node.setAttribute(name, "")
    else if (typeof value === "string") node.setAttribute(name, value)
  }
  for (const child of children) if (child) node.append(child)
  return node
}

let fieldCount = 0

/** A labelled input; answers the wrapper and the input (for reading its value and marking it invalid). */
export function field(label: string, attrs: Attrs = {}): { wrap: HTMLElement; input: HTMLInputElement } {
  const id = `f${++fieldCount}`
  const input = el("input", { id, ...attrs })
  return { wrap: el("div", {}, el("label", { for: id }, label), input), input }
}

/** The alert box of a form: role=alert so screen readers (and the tests) find the shopper's message. */
export function alertBox(): { node: HTMLElement; show(message: string): void; clear(): void } {
  const node = el("div", { class: "alert", role: "alert", hidden: true })
  return {
    node,
    show(message) {
      node.textContent = message
      node.hidden = false
    },
    clear() {
      node.textContent = ""
      node.hidden = true
    },
  }
}

/** Disables `button` while `work` runs, so a double click cannot send a request twice. */
export async function busy<T>(button: HTMLButtonElement, work: () => Promise<T>): Promise<T | undefined> {
  if (button.disabled) return undefined
  button.disabled = true
  try {
    return await work()
  } finally {
    button.disabled = false
  }
}

export function mark(input: HTMLInputElement, invalid: boolean) {
  input.setAttribute("aria-invalid", invalid ? "true" : "false")
}

export function mount(...nodes: Node[]) {
  const app = document.getElementById("app")!
  app.replaceChildren(...nodes)
  window.scrollTo(0, 0)
}
