/**
 * Files the clerk hands to the core (chosen in a dialog or uploaded to the
 * browser host) and files the core produces (exports, reports), known by an
 * opaque id so the page never names a path on disk. A file made for one
 * sign-in (its session's owner) is found only through that sign-in's view.
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
  /** The sign-in it was made for; none for files registered by the one-client Electron host. */
  owner?: string
}

export class FileStore {
  private constructor(
    readonly workDir: string,
    private readonly files: Map<string, StoredFile>,
    private readonly owner: string | undefined,
  ) {}

  /**
   * workDir holds uploads and outputs. Everything left in it by an earlier run
   * (a crash leaves unmasked exports behind) is removed at every start: the
   * writer lock, taken before, means no other instance is using it.
   */
  static open(workDir: string): FileStore {
    fs.mkdirSync(workDir, { recursive: true })
    for (const f of fs.readdirSync(workDir)) {
      try {
        fs.rmSync(path.join(workDir, f), { recursive: true, force: true })
      } catch {
        // a file held open elsewhere (Windows): the next start tries again
      }
    }
    return new FileStore(workDir, new Map(), undefined)
  }

  /** The same store as one sign-in sees it: what it creates is its own, and it finds only its own files. */
  forOwner(owner: string): FileStore {
    return new FileStore(this.workDir, this.files, owner)
  }

  register(filePath: string, name = path.basename(filePath), owned = false): StoredFile {
    const file: StoredFile = { id: randomUUID(), path: filePath, name, owned, ...(this.owner ? { owner: this.owner } : {}) }
    this.files.set(file.id, file)
    return file
  }

  /** A new path in the work folder for a file the core writes or receives. */
  create(name: string): StoredFile {
    // eslint-disable-next-line no-control-regex -- control characters are not allowed in file names
    const safe = name.replace(/[\\/:*?"<>|\u0000-\u001f\u007f]/g, '_').slice(-120)
    return this.register(path.join(this.workDir, `${randomUUID()}-${safe}`), name, true)
  }

  /** The root store (the core itself, Electron's one client) finds every file; an owner's view only its own. */
  get(id: string): StoredFile {
    const f = this.files.get(id)
    const theirs = this.owner !== undefined && f?.owner !== undefined && f.owner !== this.owner
    if (!f || theirs || !fs.existsSync(f.path)) throw new LedgerError('file_gone', '找不到所选文件（可能已被移动或删除，或程序已重启）。请重新选择文件。')
    return f
  }

  /** Removes the files we own; the clerk's own files are never touched. */
  dispose(): void {
    for (const f of this.files.values()) if (f.owned) fs.rmSync(f.path, { force: true })
    this.files.clear()
  }
}
