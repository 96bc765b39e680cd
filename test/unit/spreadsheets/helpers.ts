/** Fixture builders for the reader tests: temp folders, hand-made zips and OLE2 files, GBK bytes. Fictional data only. */
import fs from 'node:fs'
import os from 'node:os'
import path from 'node:path'
import zlib from 'node:zlib'
import { idCheckChar } from '../../../shared/domain/id-number'
import type { SheetRow } from '../../../electron/core/spreadsheets/read/types'

export function tempDir(): { dir: string; file: (name: string) => string; cleanup: () => void } {
  const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'ledger-read-'))
  return { dir, file: (name) => path.join(dir, name), cleanup: () => fs.rmSync(dir, { recursive: true, force: true }) }
}

/** A valid 18-character ID for a fictional person. */
export function fakeId(first17: string): string {
  return first17 + idCheckChar(first17)!
}

export async function collect(rows: AsyncIterable<SheetRow>): Promise<SheetRow[]> {
  const out: SheetRow[] = []
  for await (const r of rows) out.push(r)
  return out
}

/** Runs `fn` and returns the LedgerError-like object it threw (fails when nothing was thrown). */
export async function caught(fn: () => Promise<unknown>): Promise<{ code: string; message: string }> {
  try {
    await fn()
  } catch (e) {
    return e as { code: string; message: string }
  }
  throw new Error('expected an error')
}

export interface ZipPart {
  name: string
  data: string | Buffer
  /** 0 stored, 8 deflate (default). */
  method?: 0 | 8
}

/** A plain zip archive, written the simple way (sizes in the local headers, no data descriptors). */
export function buildZip(parts: ZipPart[]): Buffer {
  const locals: Buffer[] = []
  const central: Buffer[] = []
  let offset = 0
  for (const part of parts) {
    const data = Buffer.isBuffer(part.data) ? part.data : Buffer.from(part.data, 'utf8')
    const method = part.method ?? 8
    const body = method === 8 ? zlib.deflateRawSync(data) : data
    const name = Buffer.from(part.name, 'utf8')
    const crc = zlib.crc32(data)
    const lh = Buffer.alloc(30)
    lh.writeUInt32LE(0x04034b50, 0)
    lh.writeUInt16LE(20, 4)
    lh.writeUInt16LE(0x0800, 6)
    lh.writeUInt16LE(method, 8)
    lh.writeUInt32LE(crc, 14)
    lh.writeUInt32LE(body.length, 18)
    lh.writeUInt32LE(data.length, 22)
    lh.writeUInt16LE(name.length, 26)
    const ch = Buffer.alloc(46)
    ch.writeUInt32LE(0x02014b50, 0)
    ch.writeUInt16LE(20, 4)
    ch.writeUInt16LE(20, 6)
    ch.writeUInt16LE(0x0800, 8)
    ch.writeUInt16LE(method, 10)
    ch.writeUInt32LE(crc, 16)
    ch.writeUInt32LE(body.length, 20)
    ch.writeUInt32LE(data.length, 24)
    ch.writeUInt16LE(name.length, 28)
    ch.writeUInt32LE(offset, 42)
    locals.push(lh, name, body)
    central.push(ch, name)
    offset += lh.length + name.length + body.length
  }
  const cd = Buffer.concat(central)
  const end = Buffer.alloc(22)
  end.writeUInt32LE(0x06054b50, 0)
  end.writeUInt16LE(parts.length, 8)
  end.writeUInt16LE(parts.length, 10)
  end.writeUInt32LE(cd.length, 12)
  end.writeUInt32LE(offset, 16)
  return Buffer.concat([...locals, cd, end])
}

const NS = 'http://schemas.openxmlformats.org/spreadsheetml/2006/main'
const REL_NS = 'http://schemas.openxmlformats.org/officeDocument/2006/relationships'

export interface RawXlsxOptions {
  sheetXml: string
  stylesXml?: string
  sharedStrings?: string[]
  /** Where the sheet part lives and how the workbook rels point at it. */
  sheetPart?: string
  sheetTarget?: string
  sharedStringsPart?: string
  date1904?: boolean
}

/** An .xlsx written by hand, to reproduce what other writers (Excel, WPS, county systems) put in files. */
export function rawXlsx(o: RawXlsxOptions): Buffer {
  const sheetPart = o.sheetPart ?? 'xl/worksheets/sheet1.xml'
  const ssPart = o.sharedStringsPart ?? 'xl/sharedStrings.xml'
  const rels = [
    `<Relationship Id="rId1" Type="${REL_NS}/worksheet" Target="${o.sheetTarget ?? 'worksheets/sheet1.xml'}"/>`,
    o.stylesXml ? `<Relationship Id="rId2" Type="${REL_NS}/styles" Target="styles.xml"/>` : '',
    o.sharedStrings ? `<Relationship Id="rId3" Type="${REL_NS}/sharedStrings" Target="${ssPart.replace(/^xl\//, '')}"/>` : '',
  ].join('')
  const parts: ZipPart[] = [
    {
      name: '[Content_Types].xml',
      data: '<?xml version="1.0" encoding="UTF-8"?><Types xmlns="http://schemas.openxmlformats.org/package/2006/content-types"/>',
    },
    {
      name: '_rels/.rels',
      data: `<?xml version="1.0" encoding="UTF-8"?><Relationships xmlns="http://schemas.openxmlformats.org/package/2006/relationships"><Relationship Id="rId1" Type="${REL_NS}/officeDocument" Target="xl/workbook.xml"/></Relationships>`,
    },
    {
      name: 'xl/workbook.xml',
      data: `<?xml version="1.0" encoding="UTF-8"?><workbook xmlns="${NS}" xmlns:r="${REL_NS}"><workbookPr${o.date1904 ? ' date1904="1"' : ''}/><sheets><sheet name="数据" sheetId="1" r:id="rId1"/></sheets></workbook>`,
    },
    {
      name: 'xl/_rels/workbook.xml.rels',
      data: `<?xml version="1.0" encoding="UTF-8"?><Relationships xmlns="http://schemas.openxmlformats.org/package/2006/relationships">${rels}</Relationships>`,
    },
    // The sheet before styles and shared strings, as Excel orders its parts.
    { name: sheetPart, data: `<?xml version="1.0" encoding="UTF-8"?><worksheet xmlns="${NS}">${o.sheetXml}</worksheet>` },
  ]
  if (o.stylesXml) parts.push({ name: 'xl/styles.xml', data: `<?xml version="1.0" encoding="UTF-8"?><styleSheet xmlns="${NS}">${o.stylesXml}</styleSheet>` })
  if (o.sharedStrings) {
    const items = o.sharedStrings.map((s) => `<si><t xml:space="preserve">${s}</t></si>`).join('')
    parts.push({ name: ssPart, data: `<?xml version="1.0" encoding="UTF-8"?><sst xmlns="${NS}" count="${o.sharedStrings.length}" uniqueCount="${o.sharedStrings.length}">${items}</sst>` })
  }
  return buildZip(parts)
}

/**
 * A minimal OLE2 compound file (512-byte sectors: header, one FAT sector, one directory sector)
 * whose directory holds the given stream names — enough to look like an .xls or an encrypted .xlsx.
 */
export function buildOle2(streamNames: string[]): Buffer {
  const header = Buffer.alloc(512)
  Buffer.from([0xd0, 0xcf, 0x11, 0xe0, 0xa1, 0xb1, 0x1a, 0xe1]).copy(header, 0)
  header.writeUInt16LE(0x3e, 0x18)
  header.writeUInt16LE(3, 0x1a)
  header.writeUInt16LE(0xfffe, 0x1c)
  header.writeUInt16LE(9, 0x1e)
  header.writeUInt16LE(6, 0x20)
  header.writeUInt32LE(1, 0x2c) // one FAT sector
  header.writeUInt32LE(1, 0x30) // directory at sector 1
  header.writeUInt32LE(4096, 0x38)
  header.writeUInt32LE(0xfffffffe, 0x3c)
  header.writeUInt32LE(0xfffffffe, 0x44)
  for (let i = 0; i < 109; i++) header.writeUInt32LE(i === 0 ? 0 : 0xffffffff, 0x4c + i * 4)
  const fat = Buffer.alloc(512, 0xff)
  fat.writeUInt32LE(0xfffffffd, 0) // sector 0 is the FAT
  fat.writeUInt32LE(0xfffffffe, 4) // sector 1 (directory) ends its chain
  const dir = Buffer.alloc(512)
  ;['Root Entry', ...streamNames.slice(0, 3)].forEach((name, i) => {
    const off = i * 128
    const bytes = Buffer.from(`${name}\0`, 'utf16le')
    bytes.copy(dir, off)
    dir.writeUInt16LE(bytes.length, off + 0x40)
    dir.writeUInt8(i === 0 ? 5 : 2, off + 0x42)
  })
  return Buffer.concat([header, fat, dir])
}

/** GBK bytes for a string (the shared test helper). */
export { encodeGbk } from '../../helpers/gbk'

/** The entries of a zip as stored, inflated: for tests that rebuild a real .xlsx with one part changed. */
export function readZipParts(zip: Buffer): { name: string; data: Buffer }[] {
  const out: { name: string; data: Buffer }[] = []
  let p = 0
  while (zip.readUInt32LE(p) === 0x04034b50) {
    const method = zip.readUInt16LE(p + 8)
    const csize = zip.readUInt32LE(p + 18)
    const nlen = zip.readUInt16LE(p + 26)
    const xlen = zip.readUInt16LE(p + 28)
    const name = zip.subarray(p + 30, p + 30 + nlen).toString('utf8')
    const raw = zip.subarray(p + 30 + nlen + xlen, p + 30 + nlen + xlen + csize)
    out.push({ name, data: method === 8 ? zlib.inflateRawSync(raw) : raw })
    p += 30 + nlen + xlen + csize
  }
  return out
}
