/** Hashes the importers share: of a file (an import batch records which file it came from) and of a header layout. */
import { createHash } from 'node:crypto'
import fs from 'node:fs'

export async function sha256File(file: string): Promise<string> {
  const hash = createHash('sha256')
  for await (const chunk of fs.createReadStream(file)) hash.update(chunk as Buffer)
  return hash.digest('hex')
}

/** Identifies a header layout, to remember the clerk's corrected reading of files like it: the header texts in order. */
export function headerSignature(columns: readonly { header: string }[]): string {
  return createHash('sha256')
    .update(columns.map((c) => c.header).join('\u0001'))
    .digest('hex')
    .slice(0, 32)
}
