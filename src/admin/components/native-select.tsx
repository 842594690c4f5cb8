import type { SelectHTMLAttributes } from "react"

/**
 * A native select styled like the dashboard's inputs. Native on purpose: short fixed lists (VAT rates,
 * delivery types, invoice numbers) need no search, and a native control is what keyboard users and browser
 * tests drive most reliably.
 */
export function NativeSelect({ className, ...props }: SelectHTMLAttributes<HTMLSelectElement>) {
  return (
    <select
      {...props}
      className={`bg-ui-bg-field shadow-borders-base txt-compact-small text-ui-fg-base hover:bg-ui-bg-field-hover focus-visible:shadow-borders-interactive-with-active h-8 w-full rounded-md px-2 outline-none disabled:cursor-not-allowed disabled:opacity-50 ${className ?? ""}`}
    />
  )
}
