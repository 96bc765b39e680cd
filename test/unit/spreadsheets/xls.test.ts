/**
 * The .xls reader: the rows it hands the import are the rows the .xlsx reader hands it for the same
 * workbook (property-style over generated county layouts), and a password-protected, truncated or
 * damaged .xls is refused with its own message.
 */
import fs from 'node:fs'
import { afterAll, describe, expect, it } from 'vitest'
import { listSheets, openSheetRows } from '../../../electron/core/spreadsheets/read'
import { caught, collect, fakeId, tempDir } from './helpers'
import { withFilePass, xlsBytes, xlsxBytes, type FixtureCell, type FixtureSheet } from './xls-fixtures'

const tmp = tempDir()
afterAll(() => tmp.cleanup())

const DAMAGED = /^这个 Excel 97-2003（\.xls）文件不完整或已损坏/
const PASSWORD = /^这个 Excel 97-2003（\.xls）文件设置了打开密码/

/** A small deterministic generator (mulberry32), so a failing layout can be replayed from its seed. */
function random(seed: number): () => number {
  let a = seed >>> 0
  return () => {
    a = (a + 0x6d2b79f5) >>> 0
    let t = a
    t = Math.imul(t ^ (t >>> 15), t | 1)
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61)
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296
  }
}

const SURNAMES = '张王李赵刘陈杨黄周吴'
const GIVEN = '伟芳娜秀英敏静丽强磊军洋勇艳杰'
const VILLAGES = ['红旗村', '青山村', '岩门村', '白云村']
const DATE_FORMATS = ['yyyy-mm-dd', 'yyyy"年"m"月"d"日"', 'yyyy/m/d', 'm/d/yy']

/** A roster sheet the way one county or another lays it out, from a seed. */
function countySheet(seed: number): FixtureSheet {
  const rnd = random(seed)
  const pick = <T,>(xs: readonly T[]): T => xs[Math.floor(rnd() * xs.length)]!
  const rows: FixtureCell[][] = []
  const merges: FixtureSheet['merges'] = []
  const formats: Record<string, string> = {}
  const columns = ['行政村', '户编号', '姓名', '证件号码', '与户主关系', '出生日期', '人均纯收入', '联系电话', '备注']
  const titleRows = Math.floor(rnd() * 3)
  for (let t = 0; t < titleRows; t++) {
    rows.push([t === 0 ? `2024年某某县某某镇建档立卡户花名册（示例${seed}）` : '单位：元'])
    merges.push({ s: { r: t, c: 0 }, e: { r: t, c: columns.length - 1 } })
  }
  const twoLevel = rnd() < 0.5
  if (twoLevel) {
    // 基本信息 over 姓名…与户主关系; every other header cell merged down both rows.
    const top: FixtureCell[] = columns.map((c, i) => (i === 2 ? '基本信息' : i > 2 && i < 5 ? null : c))
    const bottom: FixtureCell[] = columns.map((c, i) => (i >= 2 && i < 5 ? c : null))
    const r = rows.length
    rows.push(top, bottom)
    merges.push({ s: { r, c: 2 }, e: { r, c: 4 } })
    columns.forEach((_, i) => {
      if (i < 2 || i >= 5) merges.push({ s: { r, c: i }, e: { r: r + 1, c: i } })
    })
  } else rows.push([...columns])
  const format = pick(DATE_FORMATS)
  const households = 3 + Math.floor(rnd() * 5)
  for (let h = 0; h < households; h++) {
    const size = 1 + Math.floor(rnd() * 4)
    const first = rows.length
    const village = pick(VILLAGES)
    for (let m = 0; m < size; m++) {
      const r = rows.length
      const born = Date.UTC(1940 + Math.floor(rnd() * 70), Math.floor(rnd() * 12), 1 + Math.floor(rnd() * 28))
      const id = fakeId(`4123451${String(1950 + Math.floor(rnd() * 60))}${String(1 + Math.floor(rnd() * 12)).padStart(2, '0')}1${String(h * 10 + m).padStart(3, '0')}`.slice(0, 17))
      // Some counties' IDs arrive as numbers (the damage the import must name), some as text.
      const idCell: FixtureCell = rnd() < 0.2 ? Number(id.slice(0, 17)) * 10 : id
      const note = rnd() < 0.2 ? '外出务工\n在浙江' : rnd() < 0.1 ? '' : null
      rows.push([
        m === 0 || rnd() < 0.5 ? village : null,
        m === 0 ? `H${seed}-${h}` : null,
        pick([...SURNAMES]) + pick([...GIVEN]) + (rnd() < 0.5 ? pick([...GIVEN]) : ''),
        idCell,
        m === 0 ? '户主' : pick(['配偶', '之子', '之女', '之孙子']),
        born / 86_400_000 + 25569,
        m === 0 ? Math.round(rnd() * 2_000_000) / 100 : null,
        rnd() < 0.3 ? `13${String(Math.floor(rnd() * 1e9)).padStart(9, '0')}` : null,
        note,
      ])
      formats[`F${r + 1}`] = format
    }
    // The village merged down the household's rows, as many county files do.
    if (size > 1 && rnd() < 0.5) {
      merges.push({ s: { r: first, c: 0 }, e: { r: first + size - 1, c: 0 } })
      for (let r = first + 1; r < first + size; r++) rows[r]![0] = null
    }
  }
  return { name: rnd() < 0.5 ? '花名册' : `${pick(VILLAGES)}`, rows, merges, formats }
}

async function rowsOf(name: string, bytes: Buffer, sheet?: string | number) {
  const file = tmp.file(name)
  fs.writeFileSync(file, bytes)
  return collect(openSheetRows(file, { sheet }))
}

describe('the .xls reader gives the rows the .xlsx reader gives', () => {
  it('for 40 generated county layouts (title rows, two-level headers, merges, dates, numeric IDs)', async () => {
    for (let seed = 1; seed <= 40; seed++) {
      const sheets = [countySheet(seed)]
      const fromXls = await rowsOf(`s${seed}.xls`, xlsBytes(sheets))
      const fromXlsx = await rowsOf(`s${seed}.xlsx`, xlsxBytes(sheets))
      expect(fromXls, `seed ${seed}`).toEqual(fromXlsx)
      expect(fromXls.length).toBeGreaterThan(3)
    }
  })

  it('reads dates as UTC midnight, an ID stored as a number as that number, a merged title in its first cell only', async () => {
    const id = fakeId('41234519800305123')
    const rows = await rowsOf('plain.xls', xlsBytes([{
      name: '花名册',
      rows: [
        ['2024年花名册', null, null, null],
        ['户编号', '姓名', '证件号码', '出生日期'],
        ['H1', '张三', 412345678901234560, 29285],
        [null, '李四', id, 29286],
        [null, null, null, null],
        ['H2', '备注'.repeat(100), true, null],
      ],
      merges: [{ s: { r: 0, c: 0 }, e: { r: 0, c: 3 } }],
      formats: { D3: 'yyyy"年"m"月"d"日"', D4: 'yyyy-mm-dd' },
    }]))
    expect(rows).toEqual([
      { rowNumber: 1, cells: ['2024年花名册'] },
      { rowNumber: 2, cells: ['户编号', '姓名', '证件号码', '出生日期'] },
      { rowNumber: 3, cells: ['H1', '张三', 412345678901234560, new Date(Date.UTC(1980, 2, 5))] },
      { rowNumber: 4, cells: [null, '李四', id, new Date(Date.UTC(1980, 2, 6))] },
      { rowNumber: 6, cells: ['H2', '备注'.repeat(100), true] },
    ])
  })

  it('lists the sheets with their hidden state and reads the one asked for', async () => {
    const file = tmp.file('sheets.xls')
    fs.writeFileSync(file, xlsBytes([
      { name: '说明', rows: [['填表说明']], hidden: true },
      { name: '花名册', rows: [['姓名'], ['张三']] },
      { name: '汇总', rows: [['合计', 1]] },
    ]))
    expect(await listSheets(file)).toEqual([
      { name: '说明', index: 0, hidden: true },
      { name: '花名册', index: 1, hidden: false },
      { name: '汇总', index: 2, hidden: false },
    ])
    expect(await collect(openSheetRows(file))).toEqual([{ rowNumber: 1, cells: ['姓名'] }, { rowNumber: 2, cells: ['张三'] }])
    expect(await collect(openSheetRows(file, { sheet: '汇总' }))).toEqual([{ rowNumber: 1, cells: ['合计', 1] }])
    expect(await caught(() => collect(openSheetRows(file, { sheet: '没有' })))).toMatchObject({ code: 'sheet_not_found' })
  })
})

describe('an .xls that cannot be read is refused with its own message', () => {
  const sheets = [countySheet(7), { name: '附表', rows: Array.from({ length: 400 }, (_, i) => [`第${i}行`, i, '备注'.repeat(i % 9)]) }]
  const good = xlsBytes(sheets)

  it('a password-protected .xls', async () => {
    const file = tmp.file('locked.xls')
    fs.writeFileSync(file, withFilePass(good))
    expect(await caught(() => collect(openSheetRows(file)))).toMatchObject({ code: 'file_unsupported', message: expect.stringMatching(PASSWORD) })
    expect(await caught(() => listSheets(file))).toMatchObject({ code: 'file_unsupported', message: expect.stringMatching(PASSWORD) })
  })

  it('an .xls cut short anywhere', async () => {
    for (const fraction of [0.02, 0.1, 0.3, 0.5, 0.7, 0.9, 0.98]) {
      const file = tmp.file(`cut-${fraction}.xls`)
      fs.writeFileSync(file, good.subarray(0, Math.floor(good.length * fraction)))
      const err = await caught(() => collect(openSheetRows(file)))
      expect(err, `cut at ${fraction}`).toMatchObject({ code: 'file_unreadable', message: expect.stringMatching(DAMAGED) })
    }
  })

  it('an .xls whose record structure is damaged', async () => {
    for (const fraction of [0.2, 0.4, 0.6, 0.8]) {
      const bytes = Buffer.from(good)
      const at = Math.floor(bytes.length * fraction)
      for (let i = at; i < at + 400; i++) bytes[i] = bytes[i]! ^ 0x5a
      const file = tmp.file(`damaged-${fraction}.xls`)
      fs.writeFileSync(file, bytes)
      const err = await caught(() => collect(openSheetRows(file)))
      expect(err, `damaged at ${fraction}`).toMatchObject({ code: 'file_unreadable', message: expect.stringMatching(DAMAGED) })
    }
  })

  it('damage anywhere ends in a message or in rows, never in a crash', async () => {
    const rnd = random(99)
    for (let n = 0; n < 30; n++) {
      const bytes = Buffer.from(good)
      const at = Math.floor(rnd() * bytes.length)
      for (let i = at; i < Math.min(bytes.length, at + 1 + Math.floor(rnd() * 64)); i++) bytes[i] = Math.floor(rnd() * 256)
      const file = tmp.file(`random-${n}.xls`)
      fs.writeFileSync(file, bytes)
      try {
        await collect(openSheetRows(file))
      } catch (e) {
        expect((e as { code?: string }).code, `damage at ${at}`).toMatch(/^file_/)
        expect((e as Error).message).toMatch(/[\u4e00-\u9fa5]{6,}/)
      }
    }
  })
})
