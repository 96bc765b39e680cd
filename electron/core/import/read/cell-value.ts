/**
 * The one place an exceljs cell value becomes a plain CellValue. Numbers stay
 * numbers: the ID checks need to know an 18-digit ID came from a number cell
 * (where Excel kept only 15 significant digits).
 */
import type { CellValue } from '../../../../shared/import/cells'

/** OOXML escapes characters XML cannot carry as _xHHHH_ (Excel writes a carriage return as _x000D_); a literal "_x" is written _x005F_x. */
export function decodeOoxmlEscapes(s: string): string {
  if (!s.includes('_x')) return s
  return s.replace(/_x([0-9A-Fa-f]{4})_/g, (_m, hex: string) => String.fromCharCode(parseInt(hex, 16)))
}

function text(s: string): CellValue {
  return s === '' ? null : decodeOoxmlEscapes(s)
}

/**
 * Rich text → joined runs; formula (plain or shared) → its cached result, error results → null;
 * hyperlink → its text; error (#N/A, #REF!…) → null; Date kept (UTC, as exceljs reads it; invalid → null);
 * NaN/Infinity → null; '' → null; anything unrecognised → null.
 */
export function toCellValue(value: unknown): CellValue {
  if (value === null || value === undefined) return null
  switch (typeof value) {
    case 'string':
      return text(value)
    case 'number':
      return Number.isFinite(value) ? value : null
    case 'boolean':
      return value
    case 'object':
      break
    default:
      return null
  }
  if (value instanceof Date) return Number.isNaN(value.getTime()) ? null : value
  const v = value as Record<string, unknown>
  if (Array.isArray(v.richText)) {
    return text(v.richText.map((run: unknown) => (run && typeof (run as { text?: unknown }).text === 'string' ? (run as { text: string }).text : '')).join(''))
  }
  if ('error' in v) return null
  // Formulas: exceljs gives { formula, result } or { sharedFormula, result }; the streaming reader
  // gives { formula: '', result } for cells sharing a formula, and result NaN for an error result.
  if ('formula' in v || 'sharedFormula' in v || 'result' in v) return toCellValue(v.result)
  if ('hyperlink' in v || 'text' in v) return toCellValue(v.text)
  return null
}
