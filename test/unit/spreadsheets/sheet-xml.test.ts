import fs from 'node:fs'
import { afterAll, describe, expect, it } from 'vitest'
import { SharedStringsParser, SheetRowsParser, XmlFeed, type TagHandler } from '../../../electron/core/spreadsheets/read/sheet-xml'
import { readXlsxRows } from '../../../electron/core/spreadsheets/read/xlsx'
import type { SheetRow } from '../../../electron/core/spreadsheets/read/types'
import { buildZip, caught, collect, tempDir } from './helpers'

const tmp = tempDir()
afterAll(() => tmp.cleanup())

/** Feeds `xml` in pieces of `size` characters (0: whole), as chunks arrive from inflate. */
function feed(handler: TagHandler, xml: string, size = 0): boolean {
  const f = new XmlFeed(handler)
  for (let i = 0; i < xml.length; i += size || xml.length) f.push(xml.slice(i, i + (size || xml.length)))
  return f.end()
}

function sheetRows(xml: string, size = 0, sharedStrings: string[] = [], dateStyles = new Set<number>()): SheetRow[] {
  const p = new SheetRowsParser({ sharedStrings, dateStyles, date1904: false, maxColumns: 1000, maxCellChars: 32_767 })
  expect(feed(p, xml, size)).toBe(false)
  return p.rows
}

const SHEET =
  '<?xml version="1.0" encoding="UTF-8" standalone="yes"?>\r\n<worksheet xmlns="main"><dimension ref="A1:E4"/><sheetViews><sheetView/></sheetViews>' +
  '<sheetData>' +
  '<row r="1" spans="1:5"><c r="A1" t="s"><v>0</v></c><c r="B1" t="s"><v>1</v></c><c r="C1" s="1" t="s"><v>2</v></c></row>' +
  '<row r="2"><c r="A2" t="inlineStr"><is><r><t>张</t></r><r><rPr><b/></rPr><t xml:space="preserve">三 </t></r><rPh sb="0" eb="1"><t>ジャン</t></rPh></is></c>' +
  '<c r="B2"><v>4.10102199001011E+17</v></c><c r="C2" s="1"><v>42430</v></c><c r="D2" t="b"><v>1</v></c><c r="E2" t="e"><v>#N/A</v></c></row>' +
  '<row r="3"/><row><c><v>1</v></c><c t="str"><f>A4&amp;"x"</f><v>1x</v></c><c t="d"><v>2016-03-01T00:00:00Z</v></c><c s="1"/></row>' +
  '<!-- a comment <row> --><row r="6"><c r="B6" t="inlineStr"><is><t><![CDATA[a<b]]>&amp;&#x4E00;&lt;</t></is></c><c r="C6"><v> </v></c></row>' +
  '</sheetData><mergeCells count="1"><mergeCell ref="A1:C1"/></mergeCells></worksheet>'
const STRINGS = ['姓名', '证件\n号码', '出生日期']

const EXPECTED: SheetRow[] = [
  { rowNumber: 1, cells: ['姓名', '证件\n号码', '出生日期'] },
  { rowNumber: 2, cells: ['张三 ', 410102199001011000, new Date(Date.UTC(2016, 2, 1)), true] },
  { rowNumber: 4, cells: [1, '1x', new Date(Date.UTC(2016, 2, 1))] },
  { rowNumber: 6, cells: [null, 'a<b&一<'] },
]

describe('SheetRowsParser', () => {
  it('reads every kind of cell: shared, rich inline (phonetic guide left out), numbers, date styles, booleans, errors, formulas, ISO dates', () => {
    expect(sheetRows(SHEET, 0, STRINGS, new Set([1]))).toEqual(EXPECTED)
  })

  it('gives the same rows however the text is cut into chunks', () => {
    for (const size of [1, 2, 3, 5, 7, 13, 64, 333]) {
      expect(sheetRows(SHEET, size, STRINGS, new Set([1])), `chunks of ${size}`).toEqual(EXPECTED)
    }
  })

  it('tolerates element prefixes, single quotes, spaces around = and line breaks inside tags', () => {
    const xml =
      "<x:worksheet xmlns:x='main'><x:sheetData><x:row r = '2'\n spans='1:2'><x:c r='A2' t='inlineStr'><x:is><x:t>王五</x:t></x:is></x:c>" +
      "<x:c\tr='B2'><x:v>7</x:v></x:c></x:row></x:sheetData></x:worksheet>"
    expect(sheetRows(xml)).toEqual([{ rowNumber: 2, cells: ['王五', 7] }])
  })

  it('normalises line ends and decodes _xHHHH_ escapes in inline and formula text', () => {
    const xml = '<sheetData><row r="1"><c t="inlineStr"><is><t>户主\r\n姓名_x000D_ &amp;\r\n&lt;一&gt;</t></is></c><c t="str"><v>a_x005F_x0041_b</v></c></row></sheetData>'
    for (const size of [0, 1, 2, 3, 4, 5, 6, 7, 8, 9, 10, 11]) {
      expect(sheetRows(xml, size), `chunks of ${size}`).toEqual([{ rowNumber: 1, cells: ['户主\n姓名\r &\n<一>', 'a_x0041_b'] }])
    }
  })

  it('drops cells past the column cap and cuts long texts, flagging the row, however the text arrives', () => {
    for (const size of [0, 1, 2, 5]) {
      const p = new SheetRowsParser({ sharedStrings: [], dateStyles: new Set(), date1904: false, maxColumns: 2, maxCellChars: 3 })
      feed(p, '<sheetData><row r="1"><c r="A1" t="inlineStr"><is><t>一二三四五六</t></is></c><c r="C1"><v>1</v></c></row><row r="2"><c r="A2"><v>5</v></c></row></sheetData>', size)
      expect(p.rows, `chunks of ${size}`).toEqual([
        { rowNumber: 1, cells: ['一二三'], truncated: true },
        { rowNumber: 2, cells: [5] },
      ])
    }
  })

  it('reports a row left open at the end of the part', () => {
    const p = new SheetRowsParser({ sharedStrings: [], dateStyles: new Set(), date1904: false, maxColumns: 9, maxCellChars: 9 })
    expect(feed(p, '<sheetData><row r="1"><c r="A1"><v>1</v></c></row><row r="2"><c r="A2"><v>2</v>')).toBe(true)
    expect(p.rows).toEqual([{ rowNumber: 1, cells: [1] }])
  })
})

describe('SharedStringsParser', () => {
  const SST =
    '<?xml version="1.0"?><sst count="4"><si><t>姓名</t></si><si><r><t>张</t></r><r><t>三</t></r><rPh><t>チョウ</t></rPh></si>' +
    '<si/><si><t xml:space="preserve"> a &amp; b_x000D_</t></si></sst>'
  const EXPECTED_STRINGS = ['姓名', '张三', '', ' a & b\r']

  it('joins the runs of each item, leaving phonetic guides out, in any chunking', () => {
    for (const size of [0, 1, 4, 9]) {
      const p = new SharedStringsParser()
      expect(feed(p, SST, size)).toBe(false)
      expect(p.strings, `chunks of ${size}`).toEqual(EXPECTED_STRINGS)
    }
  })
})

describe('readXlsxRows on the parts themselves', () => {
  const workbook = (sheetPart: { name: string; data: string; method?: 0 | 8 }) => {
    // A workbook around a sheet part given verbatim (prefixed, stored, damaged).
    const parts = [
      { name: '[Content_Types].xml', data: '<Types/>' },
      {
        name: '_rels/.rels',
        data: '<Relationships><Relationship Id="rId1" Type="http://schemas.openxmlformats.org/officeDocument/2006/relationships/officeDocument" Target="xl/workbook.xml"/></Relationships>',
      },
      { name: 'xl/workbook.xml', data: '<x:workbook xmlns:x="m" xmlns:r="r"><x:sheets><x:sheet name="表" sheetId="1" r:id="rId1"/></x:sheets></x:workbook>' },
      {
        name: 'xl/_rels/workbook.xml.rels',
        data: '<Relationships><Relationship Id="rId1" Type="http://schemas.openxmlformats.org/officeDocument/2006/relationships/worksheet" Target="worksheets/sheet1.xml"/></Relationships>',
      },
      sheetPart,
    ]
    return buildZip(parts)
  }

  it('reads a sheet whose elements carry a namespace prefix, stored without compression', async () => {
    const file = tmp.file('prefixed.xlsx')
    fs.writeFileSync(
      file,
      workbook({
        name: 'xl/worksheets/sheet1.xml',
        method: 0,
        data: '<x:worksheet xmlns:x="m"><x:sheetData><x:row r="1"><x:c r="A1" t="inlineStr"><x:is><x:t>户主</x:t></x:is></x:c></x:row></x:sheetData></x:worksheet>',
      }),
    )
    expect(await collect(readXlsxRows(file))).toEqual([{ rowNumber: 1, cells: ['户主'] }])
  })

  it('reports a sheet whose checksum does not match its bytes as damaged', async () => {
    const file = tmp.file('crc.xlsx')
    const zip = workbook({ name: 'xl/worksheets/sheet1.xml', method: 0, data: '<worksheet><sheetData><row r="1"><c r="A1"><v>1</v></c></row></sheetData></worksheet>' })
    // Change one stored byte of the sheet: 1 → 2.
    const at = zip.indexOf(Buffer.from('<v>1</v>')) + 3
    zip[at] = '2'.charCodeAt(0)
    fs.writeFileSync(file, zip)
    const err = await caught(() => collect(readXlsxRows(file)))
    expect(err.code).toBe('file_unreadable')
  })

  it('reports a sheet that ends inside a row as damaged', async () => {
    const file = tmp.file('cut-row.xlsx')
    fs.writeFileSync(file, workbook({ name: 'xl/worksheets/sheet1.xml', data: '<worksheet><sheetData><row r="1"><c r="A1"><v>1</v></c></row><row r="2"><c r="A2"><v>2' }))
    const err = await caught(() => collect(readXlsxRows(file)))
    expect(err.code).toBe('file_unreadable')
  })
})
