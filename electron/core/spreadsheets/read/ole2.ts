/**
 * Just enough of the OLE2 compound file format (the container of .xls, .et, .doc,
 * and of password-protected .xlsx) to list its stream names, so the clerk is told
 * which of those the file is. Any inconsistency returns what was found so far.
 */
import { open, type FileHandle } from 'node:fs/promises'

export const OLE2_MAGIC = Buffer.from([0xd0, 0xcf, 0x11, 0xe0, 0xa1, 0xb1, 0x1a, 0xe1])

const END_OF_CHAIN = 0xfffffffe
const MAX_SECTORS_FOLLOWED = 4096

async function readSector(fh: FileHandle, sectorSize: number, id: number): Promise<Buffer | null> {
  const buf = Buffer.alloc(sectorSize)
  const { bytesRead } = await fh.read(buf, 0, sectorSize, (id + 1) * sectorSize)
  return bytesRead === sectorSize ? buf : null
}

/** Names of the directory entries (streams and storages), best effort. */
export async function ole2EntryNames(path: string): Promise<string[]> {
  const names: string[] = []
  const fh = await open(path, 'r')
  try {
    const header = Buffer.alloc(512)
    const { bytesRead } = await fh.read(header, 0, 512, 0)
    if (bytesRead < 512 || !header.subarray(0, 8).equals(OLE2_MAGIC)) return names
    const shift = header.readUInt16LE(0x1e)
    if (shift !== 9 && shift !== 12) return names
    const sectorSize = 1 << shift
    const fatSectorCount = header.readUInt32LE(0x2c)
    const firstDirSector = header.readUInt32LE(0x30)

    // The FAT's own sectors are listed in the header's DIFAT (first 109 are enough for files up to ~7 MB
    // of FAT, i.e. far larger than any roster); a chain leaving that range just stops the walk.
    const fat: number[] = []
    for (let i = 0; i < Math.min(fatSectorCount, 109); i++) {
      const sid = header.readUInt32LE(0x4c + i * 4)
      const sector = await readSector(fh, sectorSize, sid)
      if (!sector) break
      for (let j = 0; j < sectorSize; j += 4) fat.push(sector.readUInt32LE(j))
    }

    let sid = firstDirSector
    for (let steps = 0; sid !== END_OF_CHAIN && steps < MAX_SECTORS_FOLLOWED; steps++) {
      const sector = await readSector(fh, sectorSize, sid)
      if (!sector) break
      for (let off = 0; off + 128 <= sectorSize; off += 128) {
        const nameBytes = sector.readUInt16LE(off + 0x40)
        const type = sector.readUInt8(off + 0x42)
        if (type === 0 || nameBytes < 2 || nameBytes > 64) continue
        names.push(sector.toString('utf16le', off, off + nameBytes - 2))
      }
      const next = fat[sid]
      if (next === undefined) break
      sid = next
    }
  } finally {
    await fh.close()
  }
  return names
}

export type Ole2Kind = 'encrypted_ooxml' | 'xls' | 'word' | 'unknown'

export function classifyOle2(names: string[]): Ole2Kind {
  const set = new Set(names.map((n) => n.toLowerCase()))
  if (set.has('encryptedpackage') || set.has('encryptioninfo')) return 'encrypted_ooxml'
  if (set.has('workbook') || set.has('book')) return 'xls'
  if (set.has('worddocument')) return 'word'
  return 'unknown'
}
