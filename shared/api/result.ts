/**
 * Results cross the process boundary as plain data, never as thrown objects
 * (which lose their type and message on the way through IPC or HTTP).
 */
export interface LedgerErrorData {
  /** Stable machine-readable code, e.g. `invalid_input`, `not_found`. */
  code: string
  /** Chinese message for the clerk: what went wrong and what to do. */
  message: string
  /** Optional field path (for validation errors) so the UI can point at it. */
  field?: string
}

export type Result<T> = { ok: true; value: T } | { ok: false; error: LedgerErrorData }

export const ok = <T>(value: T): Result<T> => ({ ok: true, value })
export const fail = (error: LedgerErrorData): Result<never> => ({ ok: false, error })

/** Thrown by handlers for expected, clerk-facing failures. */
export class LedgerError extends Error {
  readonly code: string
  readonly field?: string
  constructor(code: string, message: string, field?: string) {
    super(message)
    this.name = 'LedgerError'
    this.code = code
    this.field = field
  }
  toData(): LedgerErrorData {
    return this.field === undefined
      ? { code: this.code, message: this.message }
      : { code: this.code, message: this.message, field: this.field }
  }
}
