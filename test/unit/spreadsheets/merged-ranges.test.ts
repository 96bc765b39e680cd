/**
 * The merged ranges of an .xlsx sheet are read by one pass that searches the inflated part's bytes
 * for `</sheetData>` (the rows are never decoded) and parses only what follows.
 */
import fs from 'node:fs'
import { afterAll, describe, expect, it } from 'vitest'
import { readXlsxMergedRanges, sheetDataEnd } from '../../../electron/core/spreadsheets/read/xlsx'
import { rawXlsx, tempDir } from './helpers'

const tmp = tempDir()
afterAll(() => tmp.cleanup())

const row = (r: number, text: string) => `<row r="${r}"><c r="A${r}" t="inlineStr"><is><t>${text}</t></is></c></row>`

describe('sheetDataEnd', () => {
  it('finds the closing tag with or without a namespace prefix', () => {
    expect(sheetDataEnd(Buffer.from('<sheetData><row/></sheetData><mergeCells/>'))).toBe(17)
    expect(sheetDataEnd(Buffer.from('<x:sheetData><x:row/></x:sheetData>'))).toBe(21)
    expect(sheetDataEnd(Buffer.from('<a.b-c_1:sheetData></a.b-c_1:sheetData>'))).toBe(19)
  })

  it('passes over sheetData> in a cell\'s text and an opening tag', () => {
    // `>` need not be escaped in text; `<` always is.
    const xml = '<sheetData><row><c><is><t>sheetData&gt; /sheetData> x:sheetData></t></is></c></row></sheetData>'
    expect(sheetDataEnd(Buffer.from(xml))).toBe(xml.lastIndexOf('</sheetData>'))
    expect(sheetDataEnd(Buffer.from('<sheetData><:sheetData>'))).toBe(-1)
    expect(sheetDataEnd(Buffer.from('<row/></sheetDat'))).toBe(-1)
  })
})

describe('readXlsxMergedRanges', () => {
  it('reads the ranges after a sheet too large for one chunk, whatever the rows contain', async () => {
    // Several MB of rows (the inflater gives 256 KB chunks), text like the tag, Chinese text across chunk edges.
    const rows: string[] = []
    for (let r = 1; r <= 40_000; r++) rows.push(row(r, r % 7 === 0 ? 'sheetData&gt; 乡镇帮扶台账 /sheetData>' : `第${r}行 监测对象`))
    const merges = '<mergeCells count="3"><mergeCell ref="A1:F1"/><mergeCell ref="B3:B5"/><mergeCell ref="$C$7"/></mergeCells>'
    const file = tmp.file('merged.xlsx')
    fs.writeFileSync(file, rawXlsx({ sheetXml: `<sheetData>${rows.join('')}</sheetData>${merges}` }))
    expect(await readXlsxMergedRanges(file)).toEqual([
      { top: 0, left: 0, bottom: 0, right: 5 },
      { top: 2, left: 1, bottom: 4, right: 1 },
      { top: 6, left: 2, bottom: 6, right: 2 },
    ])
  })

  it('finds a prefixed closing tag split across two inflated chunks', async () => {
    // Pad so that `</x:sheetData>` straddles the first 256 KB chunk boundary (of the inflated part).
    const head = '<?xml version="1.0" encoding="UTF-8"?><worksheet xmlns="http://schemas.openxmlformats.org/spreadsheetml/2006/main"><x:sheetData>'
    for (const shift of [2, 5, 9]) {
      const pad = 256 * 1024 - head.length - shift
      const file = tmp.file(`split-${shift}.xlsx`)
      fs.writeFileSync(file, rawXlsx({ sheetXml: `<x:sheetData>${' '.repeat(pad)}</x:sheetData><x:mergeCells><x:mergeCell ref="A2:C2"/></x:mergeCells>` }))
      expect(await readXlsxMergedRanges(file)).toEqual([{ top: 1, left: 0, bottom: 1, right: 2 }])
    }
  })

  it('a sheet without merges has none', async () => {
    const file = tmp.file('plain.xlsx')
    fs.writeFileSync(file, rawXlsx({ sheetXml: `<sheetData>${row(1, '姓名')}</sheetData>` }))
    expect(await readXlsxMergedRanges(file)).toEqual([])
  })
})
