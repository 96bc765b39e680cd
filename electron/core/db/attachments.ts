/**
 * Evidence files of a ledger (photos, scans): stored in a folder beside the ledger file, named by
 * their SHA-256 (so one file kept twice is stored once and a changed file never passes for the
 * original), and mirrored into a backup folder's `attachments/` beside the backup copies so a
 * restore can bring them back. Only the core reads them; nothing serves this folder.
 */
import { createHash } from 'node:crypto'
import fs from 'node:fs'
import path from 'node:path'

/** `<ledger folder>/<ledger name>-附件/` — e.g. ledger.sqlite → ledger-附件. */
export function attachmentsDir(ledgerPath: string): string {
  return path.join(path.dirname(ledgerPath), `${path.basename(ledgerPath).replace(/\.[^.]+$/, '')}-附件`)
}

export const BACKUP_ATTACHMENTS = 'attachments'

const HASH = /^[0-9a-f]{64}$/

export function attachmentPath(ledgerPath: string, sha256: string): string {
  if (!HASH.test(sha256)) throw new Error(`not a SHA-256: ${sha256}`)
  return path.join(attachmentsDir(ledgerPath), sha256)
}

export function sha256Of(bytes: Buffer): string {
  return createHash('sha256').update(bytes).digest('hex')
}

/** Writes the bytes under their hash (temp file, then rename); returns the hash. Already stored: nothing written. */
export function storeAttachment(ledgerPath: string, bytes: Buffer): string {
  const sha = sha256Of(bytes)
  const target = attachmentPath(ledgerPath, sha)
  if (fs.existsSync(target) && sha256Of(fs.readFileSync(target)) === sha) return sha
  fs.mkdirSync(path.dirname(target), { recursive: true })
  const temp = `${target}.partial`
  fs.writeFileSync(temp, bytes)
  fs.renameSync(temp, target)
  return sha
}

/** The stored bytes, or null when the file is missing or no longer matches its hash. */
export function readAttachment(ledgerPath: string, sha256: string): Buffer | null {
  const file = attachmentPath(ledgerPath, sha256)
  if (!fs.existsSync(file)) return null
  const bytes = fs.readFileSync(file)
  return sha256Of(bytes) === sha256 ? bytes : null
}

export function attachmentExists(ledgerPath: string, sha256: string): boolean {
  return fs.existsSync(attachmentPath(ledgerPath, sha256))
}

function storedHashes(dir: string): string[] {
  return fs.existsSync(dir) ? fs.readdirSync(dir).filter((n) => HASH.test(n)) : []
}

/** Copies every stored attachment not yet in `<backupDir>/attachments/` there; returns how many were copied. */
export function mirrorAttachmentsTo(ledgerPath: string, backupDir: string): number {
  const from = attachmentsDir(ledgerPath)
  const to = path.join(backupDir, BACKUP_ATTACHMENTS)
  let copied = 0
  for (const sha of storedHashes(from)) {
    const target = path.join(to, sha)
    if (fs.existsSync(target)) continue
    fs.mkdirSync(to, { recursive: true })
    fs.copyFileSync(path.join(from, sha), `${target}.partial`)
    fs.renameSync(`${target}.partial`, target)
    copied++
  }
  return copied
}

/** After a restore: brings back from `<backup folder>/attachments/` every attachment the ledger lacks. */
export function restoreAttachmentsFrom(backupDir: string, ledgerPath: string): number {
  const from = path.join(backupDir, BACKUP_ATTACHMENTS)
  const to = attachmentsDir(ledgerPath)
  let copied = 0
  for (const sha of storedHashes(from)) {
    const target = path.join(to, sha)
    if (fs.existsSync(target)) continue
    fs.mkdirSync(to, { recursive: true })
    fs.copyFileSync(path.join(from, sha), target)
    copied++
  }
  return copied
}
