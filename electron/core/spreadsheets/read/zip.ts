/**
 * Minimal random-access zip reader over the central directory, with node:zlib only.
 * Used to check a workbook is whole before streaming it, to read its small
 * parts (workbook.xml, rels, styles), and to stream the shared strings and the sheet.
 * A truncated file has no end-of-central-directory record, so it fails here
 * with a clear message instead of deep inside a streaming unzip.
 */
import { createReadStream } from 'node:fs'
import { open, type FileHandle } from 'node:fs/promises'
import zlib from 'node:zlib'
import { LedgerError } from '../../../../shared/api/result'
import { corruptFileError, SAVE_AS_XLSX } from './types'

export interface ZipEntry {
  name: string
  method: number
  flags: number
  crc32: number
  compressedSize: number
  uncompressedSize: number
  localHeaderOffset: number
}

export interface ZipDirectory {
  path: string
  size: number
  /** Keyed by lower-cased name: OPC part names are case-insensitive. */
  entries: Map<string, ZipEntry>
}

const EOCD_SIG = 0x06054b50
const ZIP64_LOCATOR_SIG = 0x07064b50
const ZIP64_EOCD_SIG = 0x06064b50
const CDH_SIG = 0x02014b50
const LFH_SIG = 0x04034b50
const MAX_ENTRIES = 100_000
const MAX_CD_BYTES = 64 * 1024 * 1024

async function readAt(fh: FileHandle, position: number, length: number): Promise<Buffer> {
  const buf = Buffer.alloc(length)
  let done = 0
  while (done < length) {
    const { bytesRead } = await fh.read(buf, done, length - done, position + done)
    if (bytesRead === 0) throw corruptFileError()
    done += bytesRead
  }
  return buf
}

function findEocd(tail: Buffer): number {
  for (let i = tail.length - 22; i >= 0; i--) {
    if (tail.readUInt32LE(i) === EOCD_SIG) return i
  }
  return -1
}

/** Reads and checks the central directory; throws the clerk-facing "damaged" error when it does not hold. */
export async function openZipDirectory(path: string): Promise<ZipDirectory> {
  const fh = await open(path, 'r')
  try {
    const size = (await fh.stat()).size
    if (size < 22) throw corruptFileError()
    const tailLength = Math.min(size, 22 + 0xffff)
    const tailStart = size - tailLength
    const tail = await readAt(fh, tailStart, tailLength)
    const at = findEocd(tail)
    if (at < 0) throw corruptFileError()
    const eocdPos = tailStart + at
    let count = tail.readUInt16LE(at + 10)
    let cdSize = tail.readUInt32LE(at + 12)
    let cdOffset = tail.readUInt32LE(at + 16)

    if (count === 0xffff || cdSize === 0xffffffff || cdOffset === 0xffffffff) {
      // Zip64: the real values sit in the zip64 end record the locator points at.
      if (eocdPos < 20) throw corruptFileError()
      const locator = await readAt(fh, eocdPos - 20, 20)
      if (locator.readUInt32LE(0) !== ZIP64_LOCATOR_SIG) throw corruptFileError()
      const z64Pos = Number(locator.readBigUInt64LE(8))
      if (z64Pos + 56 > size) throw corruptFileError()
      const z64 = await readAt(fh, z64Pos, 56)
      if (z64.readUInt32LE(0) !== ZIP64_EOCD_SIG) throw corruptFileError()
      count = Number(z64.readBigUInt64LE(32))
      cdSize = Number(z64.readBigUInt64LE(40))
      cdOffset = Number(z64.readBigUInt64LE(48))
    }
    if (count > MAX_ENTRIES || cdSize > MAX_CD_BYTES || cdOffset + cdSize > size) throw corruptFileError()

    const cd = await readAt(fh, cdOffset, cdSize)
    const entries = new Map<string, ZipEntry>()
    let p = 0
    for (let i = 0; i < count; i++) {
      if (p + 46 > cd.length || cd.readUInt32LE(p) !== CDH_SIG) throw corruptFileError()
      const flags = cd.readUInt16LE(p + 8)
      const method = cd.readUInt16LE(p + 10)
      const crc32 = cd.readUInt32LE(p + 16)
      let compressedSize = cd.readUInt32LE(p + 20)
      let uncompressedSize = cd.readUInt32LE(p + 24)
      const nameLength = cd.readUInt16LE(p + 28)
      const extraLength = cd.readUInt16LE(p + 30)
      const commentLength = cd.readUInt16LE(p + 32)
      let localHeaderOffset = cd.readUInt32LE(p + 42)
      const nameEnd = p + 46 + nameLength
      if (nameEnd + extraLength + commentLength > cd.length) throw corruptFileError()
      // Part names in OOXML are ASCII; bit 11 says UTF-8, and UTF-8 reads ASCII the same.
      const name = cd.toString('utf8', p + 46, nameEnd)

      // Zip64 extra field: only the fields saturated in the fixed header are present, in this order.
      let e = nameEnd
      const extraEnd = nameEnd + extraLength
      while (e + 4 <= extraEnd) {
        const id = cd.readUInt16LE(e)
        const len = cd.readUInt16LE(e + 2)
        if (id === 0x0001) {
          let q = e + 4
          const next = (): number => {
            if (q + 8 > e + 4 + len) throw corruptFileError()
            const v = Number(cd.readBigUInt64LE(q))
            q += 8
            return v
          }
          if (uncompressedSize === 0xffffffff) uncompressedSize = next()
          if (compressedSize === 0xffffffff) compressedSize = next()
          if (localHeaderOffset === 0xffffffff) localHeaderOffset = next()
        }
        e += 4 + len
      }
      if (localHeaderOffset + 30 + compressedSize > size) throw corruptFileError()
      entries.set(name.toLowerCase(), { name, method, flags, crc32, compressedSize, uncompressedSize, localHeaderOffset })
      p = extraEnd + commentLength
    }
    return { path, size, entries }
  } finally {
    await fh.close()
  }
}

export function findEntry(zip: ZipDirectory, name: string): ZipEntry | undefined {
  return zip.entries.get(name.toLowerCase())
}

function checkSupported(entry: ZipEntry): void {
  // Encrypted entries or methods other than stored/deflate: no Excel writes these into an .xlsx.
  if ((entry.flags & 0x1) !== 0 || (entry.method !== 0 && entry.method !== 8)) {
    throw new LedgerError(
      'file_unsupported',
      `这个工作簿的压缩方式本软件无法读取（可能由其他软件生成或设置了加密）。${SAVE_AS_XLSX}`,
    )
  }
}

/** Where the entry's compressed bytes start (the local header's own name/extra lengths may differ from the directory's). */
export async function entryDataOffset(zip: ZipDirectory, entry: ZipEntry): Promise<number> {
  checkSupported(entry)
  const fh = await open(zip.path, 'r')
  try {
    const lfh = await readAt(fh, entry.localHeaderOffset, 30)
    if (lfh.readUInt32LE(0) !== LFH_SIG) throw corruptFileError()
    const start = entry.localHeaderOffset + 30 + lfh.readUInt16LE(26) + lfh.readUInt16LE(28)
    if (start + entry.compressedSize > zip.size) throw corruptFileError()
    return start
  } finally {
    await fh.close()
  }
}

/** Inflates a whole (small) entry, checking its CRC; maxBytes guards against zip bombs. */
export async function readEntry(zip: ZipDirectory, entry: ZipEntry, maxBytes: number): Promise<Buffer> {
  if (entry.uncompressedSize > maxBytes) throw corruptFileError()
  const start = await entryDataOffset(zip, entry)
  const fh = await open(zip.path, 'r')
  let raw: Buffer
  try {
    raw = await readAt(fh, start, entry.compressedSize)
  } finally {
    await fh.close()
  }
  let data: Buffer
  try {
    data = entry.method === 0 ? raw : zlib.inflateRawSync(raw, { maxOutputLength: maxBytes })
  } catch (e) {
    throw corruptFileError(e)
  }
  if (zlib.crc32(data) !== entry.crc32) throw corruptFileError()
  return data
}

/** The first bytes of an entry, inflated as far as they go (to peek at a sheet's <dimension>). */
export async function peekEntry(zip: ZipDirectory, entry: ZipEntry, compressedBytes: number): Promise<Buffer> {
  const start = await entryDataOffset(zip, entry)
  const fh = await open(zip.path, 'r')
  let raw: Buffer
  try {
    raw = await readAt(fh, start, Math.min(compressedBytes, entry.compressedSize))
  } finally {
    await fh.close()
  }
  if (entry.method === 0) return raw
  try {
    return zlib.inflateRawSync(raw, { finishFlush: zlib.constants.Z_SYNC_FLUSH, maxOutputLength: 4 * 1024 * 1024 })
  } catch {
    return Buffer.alloc(0)
  }
}

/**
 * An entry's bytes as they inflate, checked against the directory's size and CRC at the end (a
 * damaged or lying entry fails instead of yielding garbage). `onCompressed` is told the compressed
 * bytes consumed so far, for progress. `checkCrc: false` skips the CRC (not the size): only for a
 * pass whose bytes another pass over the same entry checks in full.
 */
export async function* inflateEntry(
  zip: ZipDirectory,
  entry: ZipEntry,
  onCompressed?: (bytes: number) => void,
  { checkCrc = true }: { checkCrc?: boolean } = {},
): AsyncGenerator<Buffer> {
  const start = await entryDataOffset(zip, entry)
  if (entry.compressedSize === 0) {
    if (entry.uncompressedSize !== 0) throw corruptFileError()
    return
  }
  const file = createReadStream(zip.path, { start, end: start + entry.compressedSize - 1, highWaterMark: 256 * 1024 })
  let consumed = 0
  let source: AsyncIterable<Buffer> = file
  let inflate: zlib.InflateRaw | null = null
  if (entry.method === 8) {
    inflate = zlib.createInflateRaw({ chunkSize: 256 * 1024 })
    file.on('error', (e) => inflate!.destroy(e))
    // pipe() reads the file in flowing mode, so a second 'data' listener sees the same chunks.
    file.on('data', (chunk) => onCompressed?.((consumed += chunk.length)))
    source = file.pipe(inflate)
  }
  let size = 0
  let crc = 0
  try {
    for await (const chunk of source) {
      if (!inflate) onCompressed?.((consumed += chunk.length))
      size += chunk.length
      // More than the directory promised: a damaged entry, or a zip bomb posing as a small one.
      if (size > entry.uncompressedSize) throw corruptFileError()
      if (checkCrc) crc = zlib.crc32(chunk, crc)
      yield chunk
    }
  } catch (e) {
    throw e instanceof LedgerError ? e : corruptFileError(e)
  } finally {
    inflate?.destroy()
    file.destroy()
  }
  if (size !== entry.uncompressedSize || (checkCrc && crc !== entry.crc32 >>> 0)) throw corruptFileError()
}
