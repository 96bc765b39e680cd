/**
 * What of a household is private: ID numbers and phones. They leave the core masked
 * (4101**********1234, 138****5678); the full number only through households.revealId, which
 * is logged. The audit trail keeps them whole; what it shows is masked here.
 */
import { maskIdNumber, maskPhone } from '../../../shared/domain/id-number'

const MASKS: Record<string, (v: string) => string> = { id_number: maskIdNumber, head_id_number: maskIdNumber, phone: maskPhone }

/** The column's value as it may be shown: masked when the column is private. */
export function maskColumnValue<T extends string | number | null>(column: string | null, value: T): T {
  const mask = column === null ? undefined : MASKS[column]
  return mask && typeof value === 'string' ? (mask(value) as T) : value
}

/** An audit value as it may be shown: a private field masked, and so is a private column inside a whole-row snapshot ({...}). */
export function maskAuditValue(field: string | null, value: string | null): string | null {
  if (value === null) return null
  if (field !== null) return maskColumnValue(field, value)
  if (!value.startsWith('{')) return value
  try {
    const row = JSON.parse(value) as Record<string, unknown>
    if (typeof row !== 'object' || row === null || Array.isArray(row)) return value
    return JSON.stringify(Object.fromEntries(Object.entries(row).map(([k, v]) => [k, typeof v === 'string' ? maskColumnValue(k, v) : v])))
  } catch {
    return value
  }
}
