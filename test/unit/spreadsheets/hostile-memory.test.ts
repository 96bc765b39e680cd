/**
 * Hostile files against the readers' memory: each is a few hundred KB on disk and inflates to
 * tens or hundreds of MB of XML built to make a reader hold on to it. Each is read in a child
 * process, whose peak resident memory (process.resourceUsage().maxRSS) must stay under 600 MB and
 * which must end in a clear refusal that does not tell the clerk to retry.
 */
import { spawnSync } from 'node:child_process'
import fs from 'node:fs'
import path from 'node:path'
import zlib from 'node:zlib'
import { afterAll, describe, expect, it } from 'vitest'
import { MAX_PENDING_CHARS, MAX_SHARED_STRING_CHARS, MAX_SHARED_STRINGS, SharedStringsParser, XmlFeed } from '../../../electron/core/spreadsheets/read/sheet-xml'
import { READER_HEAP_MB, readSheetRows } from '../../../electron/core/spreadsheets/read/threaded'
import { MAX_CELL_CHARS } from '../../../electron/core/spreadsheets/read/types'
import { MAX_SHARED_STRINGS_XML_BYTES, readXlsxRows } from '../../../electron/core/spreadsheets/read/xlsx'
import { buildZip, caught, collect, rawXlsx, readZipParts, tempDir, type ZipPart } from './helpers'

const tmp = tempDir()
afterAll(() => { if (!process.env.KEEP_HOSTILE) tmp.cleanup() })

const root = path.resolve(__dirname, '../../..')
const probe = path.join(__dirname, 'read-peak-rss.ts')
const LIMIT_MB = 600

interface ProbeResult {
  ok: boolean
  code?: string
  message?: string
  rows: number
  peakRssMb: number
}

function readInChild(file: string): ProbeResult {
  const r = spawnSync(process.execPath, ['--import', 'tsx', probe, file], { cwd: root, encoding: 'utf8', timeout: 120_000 })
  if (r.status !== 0) throw new Error(`probe exited ${r.status}: ${r.stderr}`)
  return JSON.parse(r.stdout) as ProbeResult
}

const NS = 'http://schemas.openxmlformats.org/spreadsheetml/2006/main'

/** An .xlsx whose shared-strings part is `count` copies of `item`, streamed through deflate (never held whole). */
function xlsxWithSharedStrings(name: string, item: string, count: number): string {
  const base = rawXlsx({ sheetXml: '<sheetData><row r="1"><c r="A1" t="s"><v>0</v></c></row></sheetData>', sharedStrings: ['姓名'] })
  const head = `<?xml version="1.0" encoding="UTF-8"?><sst xmlns="${NS}" count="${count}" uniqueCount="${count}">`
  const per = Math.min(count, Math.max(1, Math.floor((1 << 20) / item.length)))
  const body = Buffer.from(item.repeat(per))
  const chunks: Buffer[] = [Buffer.from(head)]
  for (let done = 0; done < count; done += per) chunks.push(done + per <= count ? body : Buffer.from(item.repeat(count - done)))
  chunks.push(Buffer.from('</sst>'))
  return writeReplacing(name, base, 'xl/sharedStrings.xml', chunks)
}

/** Replaces one part of a hand-made zip with `chunks`, deflated incrementally. */
function writeReplacing(name: string, base: Buffer, part: string, chunks: Buffer[]): string {
  const parts = readZipParts(base).filter((p) => p.name !== part)
  const deflate = zlib.deflateRawSync(Buffer.concat(chunks), { level: 9 })
  const size = chunks.reduce((n, c) => n + c.length, 0)
  const crc = chunks.reduce((c, b) => zlib.crc32(b, c), 0)
  const file = tmp.file(name)
  fs.writeFileSync(file, buildZipWithPredeflated(parts, { name: part, deflated: deflate, size, crc }))
  return file
}

/** buildZip plus one entry given as already-deflated bytes with its true size and CRC. */
function buildZipWithPredeflated(parts: ZipPart[], extra: { name: string; deflated: Buffer; size: number; crc: number }): Buffer {
  const zip = buildZip(parts)
  const eocd = zip.length - 22
  const cdSize = zip.readUInt32LE(eocd + 12)
  const cdOffset = zip.readUInt32LE(eocd + 16)
  const locals = zip.subarray(0, cdOffset)
  const central = zip.subarray(cdOffset, cdOffset + cdSize)
  const name = Buffer.from(extra.name)
  const lh = Buffer.alloc(30)
  lh.writeUInt32LE(0x04034b50, 0)
  lh.writeUInt16LE(20, 4)
  lh.writeUInt16LE(8, 8)
  lh.writeUInt32LE(extra.crc >>> 0, 14)
  lh.writeUInt32LE(extra.deflated.length, 18)
  lh.writeUInt32LE(extra.size, 22)
  lh.writeUInt16LE(name.length, 26)
  const ch = Buffer.alloc(46)
  ch.writeUInt32LE(0x02014b50, 0)
  ch.writeUInt16LE(20, 4)
  ch.writeUInt16LE(20, 6)
  ch.writeUInt16LE(8, 10)
  ch.writeUInt32LE(extra.crc >>> 0, 16)
  ch.writeUInt32LE(extra.deflated.length, 20)
  ch.writeUInt32LE(extra.size, 24)
  ch.writeUInt16LE(name.length, 28)
  ch.writeUInt32LE(locals.length, 42)
  const newCentral = Buffer.concat([central, ch, name])
  const end = Buffer.alloc(22)
  end.writeUInt32LE(0x06054b50, 0)
  end.writeUInt16LE(parts.length + 1, 8)
  end.writeUInt16LE(parts.length + 1, 10)
  end.writeUInt32LE(newCentral.length, 12)
  end.writeUInt32LE(locals.length + lh.length + name.length + extra.deflated.length, 16)
  return Buffer.concat([locals, lh, name, extra.deflated, newCentral, end])
}

function expectRefused(r: ProbeResult, code: string, text: RegExp): void {
  expect(r).toMatchObject({ ok: false, code })
  expect(r.message).toMatch(text)
  expect(r.message).not.toContain('请重试')
  expect(r.peakRssMb).toBeLessThan(LIMIT_MB)
}

describe('hostile files keep the reader under 600 MB and end in a refusal', () => {
  it(`more than ${MAX_SHARED_STRINGS} shared strings`, () => {
    const file = xlsxWithSharedStrings('many-strings.xlsx', '<si><t>张</t></si>', 3_000_000)
    expect(fs.statSync(file).size).toBeLessThan(1_000_000)
    const r = readInChild(file)
    expectRefused(r, 'file_unsupported', /文字表异常庞大/)
  })

  it(`shared strings of more than ${MAX_SHARED_STRING_CHARS} characters in all`, () => {
    // 1 900 texts of 32 000 characters: 61 M characters, every one of them within Excel's cell limit.
    const file = xlsxWithSharedStrings('long-strings.xlsx', `<si><t>${'a'.repeat(32_000)}</t></si>`, 1_900)
    expect(fs.statSync(file).size).toBeLessThan(1_000_000)
    const r = readInChild(file)
    expectRefused(r, 'file_unsupported', /文字表异常庞大/)
  })

  it('one shared string of 60 M characters is cut to the cell limit, not held whole', () => {
    const base = rawXlsx({ sheetXml: '<sheetData><row r="1"><c r="A1" t="s"><v>0</v></c></row></sheetData>', sharedStrings: ['x'] })
    const chunks = [Buffer.from(`<?xml version="1.0" encoding="UTF-8"?><sst xmlns="${NS}"><si><t>`)]
    const block = Buffer.alloc(1 << 20, 0x61)
    for (let i = 0; i < 60; i++) chunks.push(block)
    chunks.push(Buffer.from('</t></si></sst>'))
    const file = writeReplacing('one-long-string.xlsx', base, 'xl/sharedStrings.xml', chunks)
    const r = readInChild(file)
    expect(r).toMatchObject({ ok: true, rows: 1 })
    expect(r.peakRssMb).toBeLessThan(LIMIT_MB)

    // The same, in this process: the parser keeps one more character than a cell may hold (so the row is flagged as cut).
    const parser = new SharedStringsParser()
    const feed = new XmlFeed(parser)
    feed.push('<sst><si><t>')
    const text = 'a'.repeat(1 << 20)
    for (let i = 0; i < 60; i++) feed.push(text)
    feed.push('</t></si><si><t>二</t></si></sst>')
    expect(feed.end()).toBe(false)
    expect(parser.strings.map((s) => s.length)).toEqual([MAX_CELL_CHARS + 1, 1])
  })

  it(`a tag that never closes (${MAX_PENDING_CHARS / 1024 / 1024} M characters and on) is damage, not a buffer that grows`, () => {
    const base = rawXlsx({ sheetXml: '<sheetData/>' })
    const chunks = [Buffer.from(`<?xml version="1.0" encoding="UTF-8"?><worksheet xmlns="${NS}"><sheetData><row r="1"><c r="A1" `)]
    const block = Buffer.from('x="1" '.repeat(170_000))
    for (let i = 0; i < 60; i++) chunks.push(block)
    chunks.push(Buffer.from('/></row></sheetData></worksheet>'))
    const file = writeReplacing('open-tag.xlsx', base, 'xl/worksheets/sheet1.xml', chunks)
    const r = readInChild(file)
    expectRefused(r, 'file_unreadable', /损坏/)
  })
})

describe('limits that act before or around the parsers', () => {
  it('a shared-strings part that declares more than 1 GB is refused before anything is inflated', async () => {
    const base = rawXlsx({ sheetXml: '<sheetData/>', sharedStrings: ['x'] })
    const small = zlib.deflateRawSync(Buffer.from('<sst/>'))
    const file = tmp.file('declared-huge.xlsx')
    fs.writeFileSync(file, buildZipWithPredeflated(readZipParts(base).filter((p) => p.name !== 'xl/sharedStrings.xml'), {
      name: 'xl/sharedStrings.xml', deflated: small, size: MAX_SHARED_STRINGS_XML_BYTES + 1, crc: 0,
    }))
    const err = await caught(() => collect(readXlsxRows(file)))
    expect(err).toMatchObject({ code: 'file_unsupported', message: expect.stringContaining('文字表异常庞大') })
    expect(err.message).not.toContain('请重试')
  })

  it(`a reader thread that outgrows its heap (${READER_HEAP_MB} MB; 256 MB here) ends in a refusal, and this process reads on`, async () => {
    const script = tmp.file('greedy-reader.js')
    fs.writeFileSync(script, 'const keep = []; for (;;) keep.push(new Array(1 << 20).fill(0).map((_, i) => ({ i })))\n')
    const err = await caught(() => collect(readSheetRows(script, { readerScript: script, readerHeapMb: 256 })))
    expect(err).toMatchObject({ code: 'file_unsupported', message: expect.stringContaining('内存超过了上限（256 MB）') })
    expect(err.message).not.toContain('请重试')
  }, 120_000)
})
