import { useRef } from "react"
import { newIdempotencyKey } from "../lib/idempotency-key"

/**
 * One Idempotency-Key per opening of a dialog: made when `open` turns true and kept while it stays open, so a
 * double click or a retry after an error or a lost answer repeats the same operation at the server instead of
 * making a second credit, payment or payout. Closing and opening the dialog again is a new operation.
 */
export function useIdempotencyKey(open: boolean): string {
  // A ref, not state or a memo: the key must not change between renders of one opening, and React may drop
  // a memo's value whenever it likes.
  const key = useRef("")
  if (!open) key.current = ""
  else if (!key.current) key.current = newIdempotencyKey()
  return key.current
}
