/** The SHA-256 of a file, read as a stream: an import batch records which file it came from. */
import { createHash } from 'node:crypto'
import fs from 'node:fs'

export async function sha256File(file: string): Promise<string> {
  const hash = createHash('sha256')
  for await (const chunk of fs.createReadStream(file)) hash.update(chunk as Buffer)
  return hash.digest('hex')
}
