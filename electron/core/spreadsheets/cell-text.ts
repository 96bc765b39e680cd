/**
 * Text that a spreadsheet would take for a formula (= + - @ at the start, and the tab and
 * carriage return that smuggle one in) is kept as given and written as a text cell. exceljs writes
 * a plain string as t="str" in its streaming writer, the type of a formula's cached result;
 * rich text is written as a string cell in every writer (t="inlineStr" or a shared string, t="s"),
 * never with an <f> element. Every .xlsx writer sets its cell values through cellText.
 */
import type ExcelJS from 'exceljs'

export const FORMULA_LIKE = /^[=+\-@\t\r]/

/** The value to put in a cell: formula-like text as a text cell, everything else as it is. */
export function cellText<T extends ExcelJS.CellValue>(value: T): T | ExcelJS.CellRichTextValue {
  return typeof value === 'string' && FORMULA_LIKE.test(value) ? { richText: [{ text: value }] } : value
}

/** A whole row's values through cellText. */
export function cellTexts<T extends ExcelJS.CellValue>(values: readonly T[]): (T | ExcelJS.CellRichTextValue)[] {
  return values.map(cellText)
}
