/**
 * The benchmark's baseline (a): exceljs's own streaming reader over the sheet, at
 * its best. exceljs parses a sheet as it streams only when the workbook, styles
 * and shared strings come before it in the zip (otherwise it first copies the
 * sheet aside), so it is fed a zip rebuilt from the file's own compressed bytes
 * in that order — what the app's reader did before it parsed the sheet itself.
 */
import { createReadStream } from 'node:fs'
import { Readable } from 'node:stream'
import ExcelJS from 'exceljs'
import { openWorkbookPackage } from '../electron/core/spreadsheets/read/workbook'
import { entryDataOffset, type ZipEntry } from '../electron/core/spreadsheets/read/zip'

function localHeader(entry: ZipEntry, name: string): Buffer {
  const nameBytes = Buffer.from(name, 'utf8')
  const h = Buffer.alloc(30)
  h.writeUInt32LE(0x04034b50, 0)
  h.writeUInt16LE(20, 4)
  h.writeUInt16LE(0x0800, 6)
  h.writeUInt16LE(entry.method, 8)
  h.writeUInt32LE(entry.crc32 >>> 0, 14)
  h.writeUInt32LE(entry.compressedSize, 18)
  h.writeUInt32LE(entry.uncompressedSize, 22)
  h.writeUInt16LE(nameBytes.length, 26)
  return Buffer.concat([h, nameBytes])
}

async function* rebuiltZip(path: string, parts: { name: string; entry: ZipEntry; start: number }[]): AsyncGenerator<Buffer> {
  for (const { name, entry, start } of parts) {
    yield localHeader(entry, name)
    if (entry.compressedSize > 0) yield* createReadStream(path, { start, end: start + entry.compressedSize - 1, highWaterMark: 64 * 1024 })
  }
  const end = Buffer.alloc(22)
  end.writeUInt32LE(0x06054b50, 0)
  yield end
}

/** Rows of the first sheet read by exceljs, each cell's value taken; returns the row count. */
export async function exceljsParse(path: string): Promise<number> {
  const pkg = await openWorkbookPackage(path)
  const sheet = pkg.zip.entries.get(pkg.sheets[0]!.partPath!.toLowerCase())!
  const named: [string, ZipEntry | null][] = [
    ['xl/workbook.xml', pkg.workbook],
    ['xl/_rels/workbook.xml.rels', pkg.workbookRels],
    ['xl/styles.xml', pkg.styles],
    ['xl/sharedStrings.xml', pkg.sharedStrings],
    ['xl/worksheets/sheet1.xml', sheet],
  ]
  const parts = []
  for (const [name, entry] of named) if (entry) parts.push({ name, entry, start: await entryDataOffset(pkg.zip, entry) })
  const reader = new ExcelJS.stream.xlsx.WorkbookReader(Readable.from(rebuiltZip(path, parts)), {
    entries: 'emit',
    sharedStrings: 'cache',
    hyperlinks: 'ignore',
    styles: 'cache',
    worksheets: 'emit',
  })
  let rows = 0
  for await (const worksheet of reader) {
    for await (const row of worksheet) {
      const cells: unknown[] = []
      row.eachCell({ includeEmpty: false }, (cell, col) => (cells[col - 1] = cell.value))
      rows++
    }
  }
  return rows
}
