import fs from 'node:fs'
import v8 from 'node:v8'
import vm from 'node:vm'
import ExcelJS from 'exceljs'
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { listXlsxSheets, readXlsxRows } from '../../../electron/core/spreadsheets/read/xlsx'
import { MAX_CELL_CHARS, MAX_COLUMNS, type ReadProgress } from '../../../electron/core/spreadsheets/read/types'
import { caught, collect, fakeId, rawXlsx, tempDir } from './helpers'

const tmp = tempDir()
afterAll(() => tmp.cleanup())

const ID_OK = fakeId('41010219900101123')
// 18 digits typed as a number: Excel keeps 15 significant digits, so it arrives as 410102199001011000.
const ID_AS_NUMBER = 410102199001011000

const book = tmp.file('花名册.xlsx')

beforeAll(async () => {
  const wb = new ExcelJS.Workbook()
  const hidden = wb.addWorksheet('隐藏表', { state: 'hidden' })
  hidden.getCell('A1').value = '不应读到'

  const ws = wb.addWorksheet('花名册')
  ws.getCell('A1').value = '示例县示例镇建档立卡户花名册（示例数据）'
  ws.mergeCells('A1:F1')
  ws.getRow(2).values = ['姓名', '证件号码', '出生日期', '备注', '政策链接', '人数', '家庭成员', '人均', '是否脱贫']
  ws.getCell('A3').value = { richText: [{ text: '张' }, { font: { bold: true }, text: '三' }] }
  ws.getCell('B3').value = ID_AS_NUMBER
  ws.getCell('C3').value = new Date(Date.UTC(1990, 0, 1))
  ws.getCell('C3').numFmt = 'yyyy-mm-dd'
  ws.getCell('D3').value = { error: '#N/A' }
  ws.getCell('E3').value = { text: '帮扶政策', hyperlink: 'https://example.org/policy' }
  // exceljs's types lack the shared-formula master fields.
  ws.getCell('F3').value = { formula: '1+2', result: 3, shareType: 'shared', ref: 'F3:F4' } as ExcelJS.CellFormulaValue
  ws.getCell('G3').value = { formula: '"李"&"四"', result: '李四' }
  ws.getCell('H3').value = { formula: '1/0', result: { error: '#DIV/0!' } }
  ws.getCell('I3').value = true
  ws.getCell('A4').value = '李四'
  ws.getCell('B4').value = ID_OK
  ws.getCell('F4').value = { sharedFormula: 'F3', result: 3 }
  ws.getCell('K4').value = '  '
  ws.getCell('A6').value = '王五'

  const second = wb.addWorksheet('第二表')
  second.getCell('A1').value = '第二表的内容'
  await wb.xlsx.writeFile(book)
})

describe('listXlsxSheets', () => {
  it('lists sheets in tab order with their hidden state', async () => {
    expect(await listXlsxSheets(book)).toEqual([
      { name: '隐藏表', index: 0, hidden: true },
      { name: '花名册', index: 1, hidden: false },
      { name: '第二表', index: 2, hidden: false },
    ])
  })
})

describe('readXlsxRows', () => {
  it('reads the first visible sheet by default, every kind of cell as a plain value', async () => {
    const rows = await collect(readXlsxRows(book))
    expect(rows.map((r) => r.rowNumber)).toEqual([1, 2, 3, 4, 6])
    // Merged title: the value sits in A1 only.
    expect(rows[0]!.cells).toEqual(['示例县示例镇建档立卡户花名册（示例数据）'])
    const r3 = rows[2]!.cells
    expect(r3[0]).toBe('张三')
    expect(typeof r3[1]).toBe('number')
    expect(r3[1]).toBe(ID_AS_NUMBER)
    expect(r3[2]).toBeInstanceOf(Date)
    expect((r3[2] as Date).toISOString()).toBe('1990-01-01T00:00:00.000Z')
    expect(r3[3]).toBeNull()
    expect(r3[4]).toBe('帮扶政策')
    expect(r3[5]).toBe(3)
    expect(r3[6]).toBe('李四')
    expect(r3[7]).toBeNull()
    expect(r3[8]).toBe(true)
    // Gaps are null; the shared formula gives its result; whitespace is kept for the normaliser.
    expect(rows[3]!.cells).toEqual(['李四', ID_OK, null, null, null, 3, null, null, null, null, '  '])
    expect(rows[3]!.truncated).toBeUndefined()
  })

  it('chooses a sheet by name or by index, hidden ones included', async () => {
    expect((await collect(readXlsxRows(book, { sheet: '第二表' })))[0]!.cells).toEqual(['第二表的内容'])
    expect((await collect(readXlsxRows(book, { sheet: 2 })))[0]!.cells).toEqual(['第二表的内容'])
    expect((await collect(readXlsxRows(book, { sheet: '隐藏表' })))[0]!.cells).toEqual(['不应读到'])
    expect((await collect(readXlsxRows(book, { sheet: ' 第二表 ' })))[0]!.cells).toEqual(['第二表的内容'])
  })

  it('names the sheets there are when the one asked for is missing', async () => {
    const byName = await caught(() => collect(readXlsxRows(book, { sheet: '汇总' })))
    expect(byName.code).toBe('sheet_not_found')
    expect(byName.message).toBe('这个文件里没有名为「汇总」的工作表（文件中的工作表有：「隐藏表」、「花名册」、「第二表」）。请重新选择要导入的工作表。')
    const byIndex = await caught(() => collect(readXlsxRows(book, { sheet: 5 })))
    expect(byIndex.code).toBe('sheet_not_found')
    expect(byIndex.message).toContain('没有第 6 个工作表（共 3 个')
  })

  it('reports progress that ends at the total, and bytes on the file scale', async () => {
    const seen: ReadProgress[] = []
    let bytes = 0
    await collect(readXlsxRows(book, { onProgress: (p) => seen.push(p), onBytes: (b) => (bytes = b) }))
    const last = seen.at(-1)!
    expect(last.bytesRead).toBe(last.totalBytes)
    expect(last.rowNumber).toBe(6)
    expect(bytes).toBe(fs.statSync(book).size)
  })

  it('stops with code cancelled once the signal is aborted', async () => {
    const signal = { aborted: false }
    const err = await caught(async () => {
      for await (const _row of readXlsxRows(book, { signal })) signal.aborted = true
    })
    expect(err.code).toBe('cancelled')
  })

  it('can be abandoned half-way without leaking a hung stream', async () => {
    for await (const row of readXlsxRows(book)) {
      expect(row.rowNumber).toBe(1)
      break
    }
    expect((await collect(readXlsxRows(book))).length).toBe(5)
  })
})

describe('readXlsxRows on files from other writers', () => {
  const styles =
    '<numFmts count="1"><numFmt numFmtId="176" formatCode="yyyy&quot;年&quot;m&quot;月&quot;;@"/></numFmts>' +
    '<cellXfs count="5"><xf numFmtId="0"/><xf numFmtId="31"/><xf numFmtId="57"/><xf numFmtId="176"/><xf numFmtId="49"/></cellXfs>'

  it('reads Chinese built-in and custom date formats as dates (exceljs alone leaves 27–36, 50–58 as numbers)', async () => {
    const file = tmp.file('dates.xlsx')
    fs.writeFileSync(
      file,
      rawXlsx({
        stylesXml: styles,
        sheetXml:
          '<sheetData><row r="1"><c r="A1" s="1"><v>42430</v></c><c r="B1" s="2"><v>42430</v></c>' +
          '<c r="C1" s="3"><v>42430</v></c><c r="D1" s="4"><v>42430</v></c><c r="E1"><v>42430</v></c>' +
          '<c r="F1" s="1"><f>DATE(2016,3,1)</f><v>42430</v></c></row></sheetData>',
      }),
    )
    const [row] = await collect(readXlsxRows(file))
    const iso = (v: unknown) => (v as Date).toISOString().slice(0, 10)
    expect(iso(row!.cells[0])).toBe('2016-03-01')
    expect(iso(row!.cells[1])).toBe('2016-03-01')
    expect(iso(row!.cells[2])).toBe('2016-03-01')
    expect(row!.cells[3]).toBe(42430) // text format (@): the number is kept
    expect(row!.cells[4]).toBe(42430) // General
    expect(iso(row!.cells[5])).toBe('2016-03-01') // formula result in a date style
  })

  it('honours the 1904 date system', async () => {
    const file = tmp.file('d1904.xlsx')
    fs.writeFileSync(file, rawXlsx({ date1904: true, stylesXml: styles, sheetXml: '<sheetData><row r="1"><c r="A1" s="1"><v>40968</v></c></row></sheetData>' }))
    const [row] = await collect(readXlsxRows(file))
    expect((row!.cells[0] as Date).toISOString().slice(0, 10)).toBe('2016-03-01')
  })

  it('reads inline strings without a shared-strings part, parts under unusual names, and _x000D_ escapes', async () => {
    const file = tmp.file('odd.xlsx')
    fs.writeFileSync(
      file,
      rawXlsx({
        sheetPart: 'xl/worksheets/data.xml',
        sheetTarget: '/xl/worksheets/data.xml',
        sheetXml:
          '<dimension ref="A1:B2"/><sheetData><row r="1"><c r="A1" t="inlineStr"><is><t>户主_x000D_\n姓名</t></is></c><c r="B1" t="inlineStr"><is><t>a_x005F_x0041_b</t></is></c></row>' +
          '<row r="2"><c r="A2" t="e"><v>#REF!</v></c><c r="B2" t="b"><v>0</v></c></row></sheetData>',
      }),
    )
    const rows = await collect(readXlsxRows(file))
    expect(rows.map((r) => r.cells)).toEqual([['户主\r\n姓名', 'a_x0041_b'], [null, false]])
  })

  it('finds shared strings under another capitalisation', async () => {
    const file = tmp.file('caps.xlsx')
    fs.writeFileSync(
      file,
      rawXlsx({
        sharedStringsPart: 'xl/SharedStrings.xml',
        sharedStrings: ['姓名', '张三'],
        sheetXml: '<sheetData><row r="1"><c r="A1" t="s"><v>0</v></c></row><row r="2"><c r="A2" t="s"><v>1</v></c></row></sheetData>',
      }),
    )
    expect((await collect(readXlsxRows(file))).map((r) => r.cells)).toEqual([['姓名'], ['张三']])
  })

  it('estimates the total rows from <dimension> for progress', async () => {
    const file = tmp.file('dim.xlsx')
    fs.writeFileSync(file, rawXlsx({ sheetXml: '<dimension ref="A1:C3"/><sheetData><row r="3"><c r="A3"><v>1</v></c></row></sheetData>' }))
    const seen: ReadProgress[] = []
    await collect(readXlsxRows(file, { onProgress: (p) => seen.push(p) }))
    expect(seen.at(-1)!.totalRows).toBe(3)
  })
})

describe('readXlsxRows caps pathological input', () => {
  it(`drops values past column ${MAX_COLUMNS} and cuts texts past ${MAX_CELL_CHARS} characters, flagging the row`, async () => {
    const file = tmp.file('wide.xlsx')
    const wb = new ExcelJS.Workbook()
    const ws = wb.addWorksheet('宽表')
    ws.getCell(1, 1).value = '姓名'
    ws.getCell(1, MAX_COLUMNS + 500).value = '多余'
    ws.getCell(2, 1).value = '长'.repeat(MAX_CELL_CHARS + 10)
    ws.getCell(3, 1).value = '正常'
    await wb.xlsx.writeFile(file)
    const rows = await collect(readXlsxRows(file))
    expect(rows[0]).toEqual({ rowNumber: 1, cells: ['姓名'], truncated: true })
    expect(rows[1]!.truncated).toBe(true)
    expect((rows[1]!.cells[0] as string).length).toBe(MAX_CELL_CHARS)
    expect(rows[2]).toEqual({ rowNumber: 3, cells: ['正常'] })
  })
})

describe('readXlsxRows keeps Chinese text whole', () => {
  it('decodes characters split across stream chunks (exceljs issue #2063)', async () => {
    const file = tmp.file('chinese.xlsx')
    const names: string[] = []
    const surnames = '赵钱孙李周吴郑王冯陈褚卫蒋沈韩杨朱秦尤许何吕施张'
    const given = '伟芳娜秀英敏静丽强磊军洋勇艳杰娟涛明超秀兰霞平刚桂英'
    for (let i = 0; i < 6000; i++) names.push(`${surnames[i % surnames.length]}${given[(i * 7) % given.length]}${given[(i * 13) % given.length]}${i}`)
    const wb = new ExcelJS.Workbook()
    const ws = wb.addWorksheet('名单')
    names.forEach((n, i) => {
      ws.getCell(i + 1, 1).value = n
      ws.getCell(i + 1, 2).value = `${n}的备注：家庭成员情况说明`
    })
    await wb.xlsx.writeFile(file)
    const rows = await collect(readXlsxRows(file))
    expect(rows).toHaveLength(names.length)
    const bad = rows.filter((r, i) => r.cells[0] !== names[i] || r.cells[1] !== `${names[i]}的备注：家庭成员情况说明`)
    expect(bad).toEqual([])
  })
})

describe('readXlsxRows on damaged files', () => {
  it('reports a truncated workbook as damaged', async () => {
    const file = tmp.file('cut.xlsx')
    const full = fs.readFileSync(book)
    fs.writeFileSync(file, full.subarray(0, Math.floor(full.length / 2)))
    const err = await caught(() => collect(readXlsxRows(file)))
    expect(err.code).toBe('file_unreadable')
    expect(err.message).toMatch(/^文件不完整或已损坏/)
  })

  it('reports corrupted sheet data as damaged instead of hanging', async () => {
    const file = tmp.file('garbled.xlsx')
    const sheetXml = '<sheetData>' + Array.from({ length: 400 }, (_, i) => `<row r="${i + 1}"><c r="A${i + 1}"><v>${i}</v></c></row>`).join('') + '</sheetData>'
    const zip = rawXlsx({ sheetXml })
    // Overwrite the middle of the deflated sheet (the largest part) with junk.
    const at = zip.indexOf(Buffer.from('xl/worksheets/sheet1.xml')) + 40
    for (let i = at; i < at + 60; i++) zip[i] = 0xff
    fs.writeFileSync(file, zip)
    const err = await caught(() => collect(readXlsxRows(file)))
    expect(err.code).toBe('file_unreadable')
  })
})

describe('readXlsxRows on a 100 000-row file', () => {
  it('keeps memory flat (rows are not collected anywhere)', async () => {
    v8.setFlagsFromString('--expose-gc')
    const gc = vm.runInNewContext('gc') as () => void
    const file = tmp.file('big.xlsx')
    const wb = new ExcelJS.stream.xlsx.WorkbookWriter({ filename: file, useSharedStrings: true })
    const ws = wb.addWorksheet('花名册')
    for (let r = 1; r <= 100_000; r++) {
      ws.getRow(r).values = [r, `示例村${r % 300}组`, `张${r % 5000}`, fakeId('41010219900101123'), r * 3, '脱贫户']
      ws.getRow(r).commit()
    }
    ws.commit()
    await wb.commit()

    let rows = 0
    let at10k = 0
    let atEnd = 0
    for await (const row of readXlsxRows(file)) {
      rows++
      if (row.rowNumber === 10_000 || row.rowNumber === 100_000) {
        gc()
        const used = process.memoryUsage().heapUsed
        if (row.rowNumber === 10_000) at10k = used
        else atEnd = used
      }
    }
    expect(rows).toBe(100_000)
    expect((atEnd - at10k) / 1e6).toBeLessThan(20)
  })
})
