/**
 * Which backups to keep, and the once-a-day automatic copy.
 *
 * The policy works on names only (reason and time), so rotation never has to
 * open dozens of files on a slow USB drive, and unreadable copies age out
 * like any other.
 */
import fs from 'node:fs'
import path from 'node:path'
import type { Ledger } from '../db/ledger'
import { createBackup, inspectCopy, localDayKey, newestFirst, PRE_OPERATION_REASONS, scanBackups, type BackupEntry, type BackupInfo } from './backup'

export interface RotationPolicy {
  /** Newest copy of each of this many most recent days that have a copy. */
  daily: number
  /** Newest copy of each of this many most recent ISO weeks that have a copy. */
  weekly: number
  /** This many most recent pre-import/undo/restore/migration copies. */
  preOperation: number
}

export const DEFAULT_ROTATION: RotationPolicy = { daily: 14, weekly: 8, preOperation: 20 }

/** A temporary copy older than this was left by a crash and is removed by rotate(). */
const STALE_PARTIAL_MS = 60 * 60 * 1000

/**
 * The names to keep: the union of the daily, weekly and pre-operation rules,
 * plus every manual copy (the clerk asked for those; only the clerk deletes
 * them). Day and week buckets count copies of every reason, so the newest
 * state of a day is what represents it.
 */
export function selectToKeep(infos: readonly Pick<BackupInfo, 'name' | 'reason' | 'createdAt'>[], policy: RotationPolicy = DEFAULT_ROTATION): Set<string> {
  const keep = new Set<string>()
  const days = new Set<string>()
  const weeks = new Set<string>()
  let preOps = 0
  for (const b of [...infos].sort(newestFirst)) {
    const at = new Date(b.createdAt)
    if (b.reason === 'manual') keep.add(b.name)
    if (PRE_OPERATION_REASONS.has(b.reason) && preOps < policy.preOperation) {
      preOps++
      keep.add(b.name)
    }
    // Newest first, so the first copy seen of a day or week is its newest.
    const day = localDayKey(at)
    if (!days.has(day) && days.size < policy.daily) {
      days.add(day)
      keep.add(b.name)
    }
    const week = isoWeekKey(at)
    if (!weeks.has(week) && weeks.size < policy.weekly) {
      weeks.add(week)
      keep.add(b.name)
    }
  }
  return keep
}

/** ISO 8601 week of the local date, e.g. `2026-W47` (weeks start on Monday; week 1 holds the first Thursday). */
export function isoWeekKey(d: Date): string {
  const t = new Date(Date.UTC(d.getFullYear(), d.getMonth(), d.getDate()))
  const weekday = t.getUTCDay() || 7
  t.setUTCDate(t.getUTCDate() + 4 - weekday) // the Thursday of this week decides its year
  const year = t.getUTCFullYear()
  const week = Math.ceil(((t.getTime() - Date.UTC(year, 0, 1)) / 86_400_000 + 1) / 7)
  return `${year}-W${String(week).padStart(2, '0')}`
}

export interface RotationResult {
  kept: string[]
  deleted: string[]
}

/** Deletes the backups the policy does not keep. Files with other names are never touched. */
export function rotate(dir: string, policy: RotationPolicy = DEFAULT_ROTATION): RotationResult {
  const entries = scanBackups(dir)
  const keep = selectToKeep(entries, policy)
  // Copies of an emptied ledger must not push the last copy with data out of the folder.
  const lastWithData = newestWithData(entries)
  if (lastWithData) keep.add(lastWithData.name)
  const result: RotationResult = { kept: [], deleted: [] }
  for (const e of entries) {
    if (keep.has(e.name)) {
      result.kept.push(e.name)
      continue
    }
    try {
      fs.rmSync(e.file, { force: true })
      result.deleted.push(e.name)
    } catch {
      result.kept.push(e.name) // e.g. open in another program on Windows: try again next time
    }
  }
  removeStalePartials(dir)
  return result
}

/**
 * The newest copy that holds households or members. Opens copies newest
 * first until one has data: normally just the first.
 */
function newestWithData(entries: readonly BackupEntry[]): BackupEntry | null {
  for (const e of entries) {
    try {
      const copy = inspectCopy(e.file, false)
      if (copy.isLedger && (copy.counts.households > 0 || copy.counts.members > 0)) return e
    } catch {
      // unreadable: not the one to protect
    }
  }
  return null
}

function removeStalePartials(dir: string): void {
  let names: string[]
  try {
    names = fs.readdirSync(dir)
  } catch {
    return
  }
  for (const name of names) {
    if (!/^ledger-.*\.sqlite\.partial(-journal)?$/.test(name)) continue
    const file = path.join(dir, name)
    try {
      if (Date.now() - fs.statSync(file).mtimeMs > STALE_PARTIAL_MS) fs.rmSync(file, { force: true })
    } catch {
      // gone meanwhile
    }
  }
}

/**
 * The first start of each local day takes a 'daily' copy, then rotates.
 * Returns null when today's daily copy already exists in dir.
 */
export async function dailyBackupIfDue(
  ledger: Pick<Ledger, 'sqlite'>,
  dir: string,
  now: Date = new Date(),
  policy: RotationPolicy = DEFAULT_ROTATION,
): Promise<BackupInfo | null> {
  const today = localDayKey(now)
  if (scanBackups(dir).some((e) => e.reason === 'daily' && localDayKey(new Date(e.createdAt)) === today)) return null
  const info = await createBackup(ledger, { dir, reason: 'daily', now })
  rotate(dir, policy)
  return info
}
