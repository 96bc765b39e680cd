/**
 * Files the clerk hands to the core (chosen in a dialog or uploaded to the
 * browser host) and files the core produces (exports, reports), known by an
 * opaque id so the page never names a path on disk.
 */
import { randomUUID } from 'node:crypto'
import fs from 'node:fs'
import path from 'node:path'
import { LedgerError } from '../../shared/api/result'

export interface StoredFile {
  id: string
  path: string
  name: string
  /** Ours to delete (uploads, outputs) or the clerk's own file. */
  owned: boolean
}

const DAY_MS = 24 * 60 * 60 * 1000

export class FileStore {
  private readonly files = new Map<string, StoredFile>()

  /** workDir holds uploads and outputs; leftovers of earlier runs older than a day are removed. */
  constructor(readonly workDir: string) {
    fs.mkdirSync(workDir, { recursive: true })
    const now = Date.now()
    for (const f of fs.readdirSync(workDir)) {
      const p = path.join(workDir, f)
      try {
        if (now - fs.statSync(p).mtimeMs > DAY_MS) fs.rmSync(p, { force: true })
      } catch {
        // a file another instance is writing: leave it
      }
    }
  }

  register(filePath: string, name = path.basename(filePath), owned = false): StoredFile {
    const file = { id: randomUUID(), path: filePath, name, owned }
    this.files.set(file.id, file)
    return file
  }

  /** A new path in the work folder for a file the core writes or receives. */
  create(name: string): StoredFile {
    // eslint-disable-next-line no-control-regex -- control characters are not allowed in file names
    const safe = name.replace(/[\\/:*?"<>|\u0000-\u001f]/g, '_').slice(-120)
    return this.register(path.join(this.workDir, `${randomUUID()}-${safe}`), name, true)
  }

  get(id: string): StoredFile {
    const f = this.files.get(id)
    if (!f || !fs.existsSync(f.path)) throw new LedgerError('file_gone', '找不到所选文件（可能已被移动或删除，或程序已重启）。请重新选择文件。')
    return f
  }

  /** Removes the files we own; the clerk's own files are never touched. */
  dispose(): void {
    for (const f of this.files.values()) if (f.owned) fs.rmSync(f.path, { force: true })
    this.files.clear()
  }
}
