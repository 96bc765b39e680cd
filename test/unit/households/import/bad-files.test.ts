/**
 * The bad-file corpus: files a clerk will meet (or an attacker could send)
 * that must end in a clear Chinese message — or be read correctly — with no
 * crash, nothing written and memory bounded.
 */
import fs from 'node:fs'
import path from 'node:path'
import zlib from 'node:zlib'
import { afterEach, describe, expect, it, vi } from 'vitest'
import type { RosterPreview } from '../../../../shared/api/households-import'
import type { CoreContext } from '../../../../electron/core/context'
import { dispatch } from '../../../../electron/core/dispatch'
import { LEGACY_HEADERS, legacyRosterRows, writeRosterWorkbook } from '../../../fixtures/roster-workbook'
import { jobEnd, testCore } from '../../../helpers/core'
import { tempDir } from '../../../helpers/temp'
import { EXIT_BLOCKED, EXIT_OK, EXIT_UNREADABLE, importCommand } from '../../../../electron/cli/import-command'
import { openLedger } from '../../../../electron/core/db/open'
import { exportRoster } from '../../../../electron/core/households/export'
import { buildOle2, buildZip, rawXlsx, readZipParts } from '../../spreadsheets/helpers'
import { withFilePass, xlsBytes, xlsxBytes, type FixtureSheet } from '../../spreadsheets/xls-fixtures'

const cores: CoreContext[] = []
afterEach(async () => {
  for (const c of cores.splice(0)) await c.close()
})

type Outcome = { ok: true; preview: RosterPreview } | { ok: false; code: string; message: string }

async function tryImport(file: string): Promise<Outcome> {
  const { core, events } = testCore()
  cores.push(core)
  const fileId = core.files.register(file).id
  const started = await dispatch(core, 'households.importPreview', { fileId })
  if (!started.ok) throw new Error(started.error.message)
  const end = await jobEnd(events, (started.value as { jobId: string }).jobId)
  // Whatever happened, a preview writes nothing, and a failed commit writes nothing either.
  const commit = await dispatch(core, 'households.importCommit', { fileId })
  if (commit.ok) await jobEnd(events, (commit.value as { jobId: string }).jobId)
  if (end.type === 'job.done') return { ok: true, preview: end.result as RosterPreview }
  if (end.type !== 'job.failed') throw new Error(end.type)
  const written = core.ledger.sqlite.prepare('SELECT (SELECT count(*) FROM households) + (SELECT count(*) FROM import_batches)').pluck().get()
  expect(written).toBe(0)
  return { ok: false, code: end.error.code, message: end.error.message }
}

const chinese = /[\u4e00-\u9fa5]{6,}/
const cell = (ref: string, text: string) => `<c r="${ref}" t="inlineStr"><is><t>${text}</t></is></c>`
const header = (cols: string[]) => `<row r="1">${cols.map((h, i) => cell(`${colName(i)}1`, h)).join('')}</row>`
function colName(i: number): string {
  let n = i + 1
  let s = ''
  while (n > 0) {
    s = String.fromCharCode(65 + ((n - 1) % 26)) + s
    n = Math.floor((n - 1) / 26)
  }
  return s
}

describe('bad files', () => {
  it('a truncated workbook and a corrupted one: a clear message, nothing written', async () => {
    const dir = tempDir()
    const good = path.join(dir, 'good.xlsx')
    await writeRosterWorkbook(good, legacyRosterRows(40))
    const bytes = fs.readFileSync(good)
    fs.writeFileSync(path.join(dir, 'truncated.xlsx'), bytes.subarray(0, Math.floor(bytes.length / 2)))
    const corrupt = Buffer.from(bytes)
    const middle = Math.floor(corrupt.length / 3)
    for (let i = middle; i < middle + 400; i++) corrupt[i] = corrupt[i]! ^ 0x5a
    fs.writeFileSync(path.join(dir, 'corrupt.xlsx'), corrupt)
    for (const name of ['truncated.xlsx', 'corrupt.xlsx']) {
      const r = await tryImport(path.join(dir, name))
      expect(r).toMatchObject({ ok: false, code: 'file_unreadable', message: expect.stringMatching(chinese) })
    }
  })

  it('an .xlsx that is really a web page, or a password-protected workbook', async () => {
    const dir = tempDir()
    fs.writeFileSync(path.join(dir, 'page.xlsx'), '<html><head><meta charset="utf-8"></head><body><table><tr><td>姓名</td></tr></table></body></html>')
    fs.writeFileSync(path.join(dir, 'locked.xlsx'), buildOle2(['EncryptionInfo', 'EncryptedPackage']))
    const page = await tryImport(path.join(dir, 'page.xlsx'))
    expect(page).toMatchObject({ ok: false, code: 'file_unsupported', message: expect.stringContaining('另存为') })
    const locked = await tryImport(path.join(dir, 'locked.xlsx'))
    expect(locked).toMatchObject({ ok: false, code: 'file_unsupported', message: expect.stringContaining('密码') })
  })

  it('an .xlsx that is really a CSV is read as the roster it is', async () => {
    const rows = legacyRosterRows(5)
    const csv = [LEGACY_HEADERS.join(','), ...rows.map((r) => r.map((v) => v ?? '').join(','))].join('\n')
    const file = path.join(tempDir(), 'really-csv.xlsx')
    fs.writeFileSync(file, `\uFEFF${csv}`)
    const r = await tryImport(file)
    expect(r.ok && r.preview.households.new).toBe(5)
  })

  it('a zip bomb (a sheet that inflates to 300 MB) ends in a message with memory bounded', async () => {
    const dir = tempDir()
    // 300 MB of spaces inside <sheetData>: a few hundred KB on disk.
    const chunk = Buffer.alloc(1 << 20, 0x20)
    const deflate = zlib.createDeflateRaw({ level: 9 })
    const parts: Buffer[] = []
    deflate.on('data', (d: Buffer) => parts.push(d))
    const done = new Promise((r) => deflate.on('end', r))
    deflate.write('<?xml version="1.0" encoding="UTF-8"?><worksheet xmlns="http://schemas.openxmlformats.org/spreadsheetml/2006/main"><sheetData>')
    for (let i = 0; i < 300; i++) deflate.write(chunk)
    deflate.end('</sheetData></worksheet>')
    await done
    const inflatedSize = 300 * (1 << 20) + 150
    const base = rawXlsx({ sheetXml: '<sheetData/>' })
    // Rebuild with the bomb as the sheet part, stored pre-deflated.
    const bomb = buildZipPredeflated(base, 'xl/worksheets/sheet1.xml', Buffer.concat(parts), inflatedSize)
    const file = path.join(dir, 'bomb.xlsx')
    fs.writeFileSync(file, bomb)
    expect(fs.statSync(file).size).toBeLessThan(2_000_000)
    const before = process.memoryUsage().rss
    const r = await tryImport(file)
    expect(r).toMatchObject({ ok: false, message: expect.stringMatching(chinese) })
    expect(process.memoryUsage().rss - before).toBeLessThan(250 * 1024 * 1024)
  })

  it('a header of 200 columns, 32 000-character cells, formula errors and a million empty-looking rows below the data', async () => {
    const cols = [...LEGACY_HEADERS, ...Array.from({ length: 200 - LEGACY_HEADERS.length }, (_, i) => `附加列${i + 1}`)]
    const rows = legacyRosterRows(3)
    const long = '备'.repeat(32_000)
    const body = rows
      .map((r, i) => {
        const n = i + 2
        const cells = r.map((v, c) => {
          if (c === cols.indexOf('姓名') && i === 1) return `<c r="${colName(c)}${n}" t="e"><f>1/0</f><v>#DIV/0!</v></c>`
          if (c === cols.indexOf('备注')) return cell(`${colName(c)}${n}`, long)
          return v === null ? '' : cell(`${colName(c)}${n}`, String(v))
        })
        return `<row r="${n}">${cells.join('')}</row>`
      })
      .join('')
    const empties = Array.from({ length: 1_000_000 }, (_, i) => `<row r="${i + 10}"><c r="A${i + 10}" t="inlineStr"><is><t> </t></is></c></row>`).join('')
    const file = path.join(tempDir(), 'odd.xlsx')
    fs.writeFileSync(file, rawXlsx({ sheetXml: `<sheetData>${header(cols)}${body}${empties}</sheetData>` }))
    const r = await tryImport(file)
    if (!r.ok) throw new Error(r.message)
    expect(r.preview.columns).toHaveLength(200)
    expect(r.preview.rows).toBe(rows.length)
    expect(r.preview.issues).toContainEqual(expect.objectContaining({ row: 3, severity: 'error', code: 'missing_name' }))
  }, 180_000)
})

/** The zip of `base` with one entry replaced by already-deflated bytes (so the test never holds 300 MB). */
function buildZipPredeflated(base: Buffer, name: string, deflated: Buffer, size: number): Buffer {
  const entries = readZipParts(base).filter((e) => e.name !== name)
  const zip = buildZip(entries.map((e) => ({ name: e.name, data: e.data })))
  // Append the bomb entry by hand: local header + data, then a fresh central directory.
  const eocd = zip.length - 22
  const cdOffset = zip.readUInt32LE(eocd + 16)
  const cdSize = zip.readUInt32LE(eocd + 12)
  const locals = zip.subarray(0, cdOffset)
  const central = zip.subarray(cdOffset, cdOffset + cdSize)
  const nameBytes = Buffer.from(name)
  const lh = Buffer.alloc(30)
  lh.writeUInt32LE(0x04034b50, 0)
  lh.writeUInt16LE(20, 4)
  lh.writeUInt16LE(8, 8)
  lh.writeUInt32LE(0, 14) // CRC unknown: the reader must fail on size long before it could check it
  lh.writeUInt32LE(deflated.length, 18)
  lh.writeUInt32LE(size, 22)
  lh.writeUInt16LE(nameBytes.length, 26)
  const ch = Buffer.alloc(46)
  ch.writeUInt32LE(0x02014b50, 0)
  ch.writeUInt16LE(20, 4)
  ch.writeUInt16LE(20, 6)
  ch.writeUInt16LE(8, 10)
  ch.writeUInt32LE(deflated.length, 20)
  ch.writeUInt32LE(size, 24)
  ch.writeUInt16LE(nameBytes.length, 28)
  ch.writeUInt32LE(locals.length, 42)
  const newCentral = Buffer.concat([central, ch, nameBytes])
  const end = Buffer.alloc(22)
  end.writeUInt32LE(0x06054b50, 0)
  end.writeUInt16LE(entries.length + 1, 8)
  end.writeUInt16LE(entries.length + 1, 10)
  end.writeUInt32LE(newCentral.length, 12)
  end.writeUInt32LE(locals.length + lh.length + nameBytes.length + deflated.length, 16)
  return Buffer.concat([locals, lh, nameBytes, deflated, newCentral, end])
}

/** The legacy layout under a merged title, with one ID stored as a number (the damage Excel does). */
function legacySheet(): FixtureSheet {
  const rows = legacyRosterRows(6)
  const idCol = LEGACY_HEADERS.indexOf('证件号码')
  const body = rows.map((r, i) => r.map((v, c) => (c === idCol && i === 2 ? Number(String(v).slice(0, 15)) * 1000 : v)))
  return {
    name: '花名册',
    rows: [['示例县示例镇建档立卡户花名册（示例数据）'], [...LEGACY_HEADERS], ...body],
    merges: [{ s: { r: 0, c: 0 }, e: { r: 0, c: LEGACY_HEADERS.length - 1 } }],
  }
}

describe('.xls rosters (Excel 97-2003)', () => {
  it('an .xls previews exactly as the same workbook saved as .xlsx: counts, header row and every issue', async () => {
    const dir = tempDir()
    const xls = path.join(dir, '花名册.xls')
    const xlsx = path.join(dir, '花名册.xlsx')
    fs.writeFileSync(xls, xlsBytes([legacySheet()]))
    fs.writeFileSync(xlsx, xlsxBytes([legacySheet()]))
    const a = await tryImport(xls)
    const b = await tryImport(xlsx)
    if (!a.ok || !b.ok) throw new Error('expected previews')
    expect(a.preview.households.new).toBeGreaterThan(0)
    expect(a.preview.headerRow).toBe(2)
    for (const key of ['households', 'members', 'headerRow', 'rows', 'issues', 'columns'] as const) {
      expect(a.preview[key], key).toEqual(b.preview[key])
    }
    expect(a.preview.issues).toContainEqual(expect.objectContaining({ row: 5, code: 'id_number_cell', severity: 'error' }))
  })

  it('a password-protected, truncated or damaged .xls: its own message, nothing written', async () => {
    const dir = tempDir()
    const good = xlsBytes([legacySheet()])
    fs.writeFileSync(path.join(dir, 'locked.xls'), withFilePass(good))
    fs.writeFileSync(path.join(dir, 'cut.xls'), good.subarray(0, Math.floor(good.length * 0.6)))
    const damaged = Buffer.from(good)
    for (let i = 5000; i < 5400; i++) damaged[i] = damaged[i]! ^ 0x5a
    fs.writeFileSync(path.join(dir, 'damaged.xls'), damaged)
    expect(await tryImport(path.join(dir, 'locked.xls'))).toMatchObject({ ok: false, code: 'file_unsupported', message: expect.stringContaining('设置了打开密码') })
    for (const name of ['cut.xls', 'damaged.xls']) {
      expect(await tryImport(path.join(dir, name)), name).toMatchObject({ ok: false, code: 'file_unreadable', message: expect.stringContaining('.xls）文件不完整或已损坏') })
    }
  })
})

describe('npm run cli -- import X.xls', () => {
  async function cli(file: string, options: { dryRun: boolean; json: boolean }): Promise<{ code: number; out: string }> {
    const ledger = openLedger(path.join(tempDir(), 'ledger.sqlite'))
    const lines: string[] = []
    const log = vi.spyOn(console, 'log').mockImplementation((...a: unknown[]) => void lines.push(a.join(' ')))
    const error = vi.spyOn(console, 'error').mockImplementation((...a: unknown[]) => void lines.push(a.join(' ')))
    try {
      const code = await importCommand(ledger, file, options)
      const written = ledger.sqlite.prepare('SELECT count(*) FROM households').pluck().get() as number
      return { code, out: JSON.stringify({ lines, written }) }
    } finally {
      log.mockRestore()
      error.mockRestore()
      await ledger.close()
    }
  }

  it('exit 0 with the JSON contract, 1 when blocked, 2 for a damaged .xls — as for .xlsx', async () => {
    const dir = tempDir()
    const rows = legacyRosterRows(4)
    const clean: FixtureSheet = { name: '花名册', rows: [['花名册（示例）'], [...LEGACY_HEADERS], ...rows] }
    const good = path.join(dir, 'good.xls')
    fs.writeFileSync(good, xlsBytes([clean]))
    const dry = await cli(good, { dryRun: true, json: true })
    expect(dry.code).toBe(EXIT_OK)
    const { lines, written } = JSON.parse(dry.out) as { lines: string[]; written: number }
    const report = JSON.parse(lines.join('')) as { households: { new: number }; members: { new: number }; issues: unknown[] }
    expect(report.households.new).toBe(new Set(rows.map((r) => r[LEGACY_HEADERS.indexOf('户编号')])).size)
    expect(report.members.new).toBe(rows.length)
    expect(written).toBe(0)
    const real = await cli(good, { dryRun: false, json: true })
    expect(real.code).toBe(EXIT_OK)
    expect((JSON.parse(real.out) as { written: number }).written).toBe(report.households.new)

    const blocked = path.join(dir, 'blocked.xls')
    fs.writeFileSync(blocked, xlsBytes([legacySheet()]))
    const b = await cli(blocked, { dryRun: false, json: true })
    expect(b.code).toBe(EXIT_BLOCKED)
    expect((JSON.parse(b.out) as { written: number }).written).toBe(0)

    const cut = path.join(dir, 'cut.xls')
    fs.writeFileSync(cut, fs.readFileSync(good).subarray(0, 3000))
    const c = await cli(cut, { dryRun: false, json: true })
    expect(c.code).toBe(EXIT_UNREADABLE)
    const out = JSON.parse(c.out) as { lines: string[]; written: number }
    expect(JSON.parse(out.lines.join(''))).toEqual({ error: { code: 'file_unreadable', message: expect.stringContaining('.xls）文件不完整或已损坏') } })
    expect(out.written).toBe(0)
  })
})

describe('npm run cli -- export --source-layout after an .xls', () => {
  it('writes back what the .xls held: importing that export reports nothing new, changed or missing', async () => {
    const dir = tempDir()
    const rows = legacyRosterRows(5)
    const xls = path.join(dir, 'county.xls')
    // Title row merged across, as counties send it.
    const sheet = legacySheet()
    fs.writeFileSync(xls, xlsBytes([{ ...sheet, rows: [sheet.rows[0]!, sheet.rows[1]!, ...rows] }]))
    const ledger = openLedger(path.join(dir, 'ledger.sqlite'))
    const lines: string[] = []
    const log = vi.spyOn(console, 'log').mockImplementation((...a: unknown[]) => void lines.push(a.join(' ')))
    try {
      expect(await importCommand(ledger, xls, { dryRun: false, json: true })).toBe(EXIT_OK)
      // What `export --source-layout` runs.
      const out = path.join(dir, 'export.xlsx')
      await exportRoster(ledger, out, { layout: 'source', masked: false })
      lines.length = 0
      expect(await importCommand(ledger, out, { dryRun: true, json: true })).toBe(EXIT_OK)
      const report = JSON.parse(lines.join('')) as Record<'households' | 'members', Record<string, number>>
      const zero = { new: 0, changed: 0, missing: 0 }
      expect(report.households).toMatchObject({ ...zero, unchanged: new Set(rows.map((r) => r[LEGACY_HEADERS.indexOf('户编号')])).size })
      expect(report.members).toMatchObject({ ...zero, unchanged: rows.length })
    } finally {
      log.mockRestore()
      await ledger.close()
    }
  })
})

describe('formula-like names and IDs', () => {
  it('a name or ID starting with = + - @ is imported as given, with a warning naming its cell', async () => {
    const rows = legacyRosterRows(4)
    const nameCol = LEGACY_HEADERS.indexOf('姓名')
    const idCol = LEGACY_HEADERS.indexOf('证件号码')
    rows[1]![nameCol] = '=HYPERLINK("http://example.invalid","点我")'
    rows[2]![nameCol] = '@SUM(1+1)'
    rows[3]![idCol] = '+41010219900101123X'
    const quote = (v: unknown) => (v === null ? '' : `"${String(v).replace(/"/g, '""')}"`)
    const csv = [LEGACY_HEADERS.join(','), ...rows.map((r) => r.map(quote).join(','))].join('\r\n')
    const file = path.join(tempDir(), 'formulas.csv')
    fs.writeFileSync(file, `\uFEFF${csv}`)
    const r = await tryImport(file)
    if (!r.ok) throw new Error(r.message)
    const formula = r.preview.issues.filter((i) => i.code === 'formula_like')
    expect(formula.map((i) => [i.row, i.column, i.severity])).toEqual([
      [3, '姓名', 'warning'],
      [4, '姓名', 'warning'],
      [5, '证件号码', 'warning'],
    ])
    expect(formula[0]!.message).toContain('第3行「姓名」的「=HYPERLINK("http://example.invalid","点我")」以「=」开头')
    expect(r.preview.issues.filter((i) => i.code !== 'formula_like' && i.row !== 5 && i.severity === 'error')).toEqual([])
  })
})
