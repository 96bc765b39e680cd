import { describe, expect, it } from 'vitest'
import { decodeOoxmlEscapes, toCellValue } from '../../../electron/core/import/read/cell-value'

describe('toCellValue', () => {
  it('passes plain values through; blanks and non-finite numbers become null', () => {
    expect(toCellValue('张三')).toBe('张三')
    expect(toCellValue(410102199001011000)).toBe(410102199001011000)
    expect(toCellValue(true)).toBe(true)
    expect(toCellValue('')).toBeNull()
    expect(toCellValue(null)).toBeNull()
    expect(toCellValue(undefined)).toBeNull()
    expect(toCellValue(Number.NaN)).toBeNull()
    expect(toCellValue(Number.POSITIVE_INFINITY)).toBeNull()
  })

  it('keeps dates as UTC dates; an invalid date is null', () => {
    const d = new Date(Date.UTC(2016, 2, 1))
    expect(toCellValue(d)).toBe(d)
    expect(toCellValue(new Date(Number.NaN))).toBeNull()
  })

  it('joins rich text runs', () => {
    expect(toCellValue({ richText: [{ text: '张' }, { font: { bold: true }, text: '三' }, { text: null }] })).toBe('张三')
  })

  it('takes formula results, plain or shared; error results are null', () => {
    expect(toCellValue({ formula: 'A1+1', result: 3 })).toBe(3)
    expect(toCellValue({ sharedFormula: 'F3', result: '李四' })).toBe('李四')
    expect(toCellValue({ formula: '', result: 7 })).toBe(7) // streaming reader, cell sharing a formula
    expect(toCellValue({ formula: '1/0', result: { error: '#DIV/0!' } })).toBeNull()
    expect(toCellValue({ formula: 'NA()', result: Number.NaN })).toBeNull() // streaming reader's error result
    expect(toCellValue({ formula: 'A1' })).toBeNull() // never calculated
  })

  it('reads hyperlinks as their text and error values as null', () => {
    expect(toCellValue({ text: '帮扶政策', hyperlink: 'https://example.org/' })).toBe('帮扶政策')
    expect(toCellValue({ text: { richText: [{ text: '政策' }] }, hyperlink: 'https://example.org/' })).toBe('政策')
    expect(toCellValue({ error: '#N/A' })).toBeNull()
    expect(toCellValue({ something: 'else' })).toBeNull()
  })

  it('decodes OOXML _xHHHH_ escapes', () => {
    expect(toCellValue('户主_x000D_\n姓名')).toBe('户主\r\n姓名')
    expect(decodeOoxmlEscapes('a_x005F_x0041_b')).toBe('a_x0041_b')
  })
})
