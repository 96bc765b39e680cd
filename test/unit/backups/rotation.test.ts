import fs from 'node:fs'
import path from 'node:path'
import { describe, expect, it } from 'vitest'
import { backupName, listBackups, type BackupReason } from '../../../electron/core/backups/backup'
import { dailyBackupIfDue, isoWeekKey, rotate, selectToKeep } from '../../../electron/core/backups/rotation'
import { tempDir } from '../../helpers/temp'
import { seededLedger } from './fixtures'

/**
 * 60 days, Thursday 2026-09-24 (day 0) to Sunday 2026-11-22 (day 59): a daily
 * copy at 08:00 every day, a pre-import at 14:00 and a pre-undo at 14:05 every
 * third day, and manual copies at 12:00 on days 5 and 40.
 */
function sixtyDays(): { name: string; reason: BackupReason; createdAt: string }[] {
  const out: { name: string; reason: BackupReason; createdAt: string }[] = []
  const add = (day: number, h: number, mi: number, reason: BackupReason) => {
    const at = new Date(2026, 8, 24 + day, h, mi)
    out.push({ name: backupName(at, reason), reason, createdAt: at.toISOString() })
  }
  for (let d = 0; d < 60; d++) {
    add(d, 8, 0, 'daily')
    if (d % 3 === 0) {
      add(d, 14, 0, 'pre-import')
      add(d, 14, 5, 'pre-undo')
    }
    if (d === 5 || d === 40) add(d, 12, 0, 'manual')
  }
  return out
}

const nameOf = (day: number, reason: BackupReason) => {
  const time: Record<BackupReason, [number, number]> = { daily: [8, 0], manual: [12, 0], 'pre-import': [14, 0], 'pre-undo': [14, 5], 'pre-restore': [0, 0], 'pre-migration': [0, 0] }
  const [h, mi] = time[reason]
  return backupName(new Date(2026, 8, 24 + day, h, mi), reason)
}
/** The newest copy of a day in sixtyDays(). */
const newestOf = (day: number) => (day % 3 === 0 ? nameOf(day, 'pre-undo') : day === 5 || day === 40 ? nameOf(day, 'manual') : nameOf(day, 'daily'))
const range = (from: number, to: number) => Array.from({ length: to - from + 1 }, (_, i) => from + i)

function expectedDefault(): Set<string> {
  const sundays = [59, 52, 45, 38, 31, 24, 17, 10] // the newest day of each of the last 8 ISO weeks
  const preOpDays = range(30, 57).filter((d) => d % 3 === 0) // 10 days × 2 = the last 20 pre-operation copies
  return new Set([
    ...range(46, 59).map(newestOf),
    ...sundays.map(newestOf),
    ...preOpDays.flatMap((d) => [nameOf(d, 'pre-import'), nameOf(d, 'pre-undo')]),
    nameOf(5, 'manual'),
    nameOf(40, 'manual'),
  ])
}

describe('which backups rotation keeps', () => {
  it('keeps 14 days, 8 ISO weeks, the last 20 pre-operation copies and every manual one', () => {
    const infos = sixtyDays()
    expect(infos).toHaveLength(60 + 40 + 2)
    const keep = selectToKeep(infos, { daily: 14, weekly: 8, preOperation: 20 })
    expect([...keep].sort()).toEqual([...expectedDefault()].sort())
    // 14 days + 6 older Sundays + 20 pre-operation + 2 manual, less the overlaps: days 48, 51, 54, 57
    // (newest is a pre-undo within the last 14 days) and Sunday 45 (its newest is a pre-undo among the last 20).
    expect(keep.size).toBe(14 + 6 + 20 + 2 - 4 - 1)
  })

  it('applies a smaller policy the same way, whatever the input order', () => {
    const keep = selectToKeep(sixtyDays().reverse(), { daily: 3, weekly: 2, preOperation: 1 })
    // Day 57's newest copy is its pre-undo, which is also the newest pre-operation copy.
    expect(keep).toEqual(new Set([newestOf(57), newestOf(58), newestOf(59), newestOf(52), nameOf(5, 'manual'), nameOf(40, 'manual')]))
  })

  it('counts days that have a backup, not calendar days', () => {
    const infos = range(0, 39)
      .filter((d) => d % 2 === 0)
      .map((d) => {
        const at = new Date(2026, 0, 1 + d, 8)
        return { name: backupName(at, 'daily'), reason: 'daily' as const, createdAt: at.toISOString() }
      })
    const keep = selectToKeep(infos, { daily: 14, weekly: 0, preOperation: 0 })
    expect(keep).toEqual(new Set(infos.slice(-14).map((i) => i.name)))
  })

  it('numbers ISO weeks across year ends', () => {
    expect(isoWeekKey(new Date(2026, 10, 16))).toBe('2026-W47') // Monday
    expect(isoWeekKey(new Date(2026, 10, 22, 23, 59))).toBe('2026-W47') // Sunday night
    expect(isoWeekKey(new Date(2026, 11, 31))).toBe('2026-W53')
    expect(isoWeekKey(new Date(2027, 0, 3))).toBe('2026-W53')
    expect(isoWeekKey(new Date(2027, 0, 4))).toBe('2027-W01')
    expect(isoWeekKey(new Date(2024, 11, 30))).toBe('2025-W01')
  })
})

describe('rotating a backup folder', () => {
  it('deletes exactly the backups not kept and leaves other files alone', () => {
    const dir = tempDir()
    for (const b of sixtyDays()) fs.writeFileSync(path.join(dir, b.name), '')
    const others = ['notes.txt', 'damaged-ledger-20261101-080000-000-pre-restore.sqlite', 'ledger-20261122-090000-000-manual.sqlite.partial']
    for (const o of others) fs.writeFileSync(path.join(dir, o), '')
    const stale = 'ledger-20261001-090000-000-daily.sqlite.partial' // left by a crash long ago
    fs.writeFileSync(path.join(dir, stale), '')
    const old = new Date(Date.now() - 3 * 3600_000)
    fs.utimesSync(path.join(dir, stale), old, old)

    const result = rotate(dir)
    expect(new Set(result.kept)).toEqual(expectedDefault())
    expect(result.deleted).toHaveLength(sixtyDays().length - expectedDefault().size)
    expect(fs.readdirSync(dir).sort()).toEqual([...expectedDefault(), ...others].sort())
    expect(rotate(dir).deleted).toEqual([]) // stable
  })

  it('does nothing for a folder that does not exist', () => {
    expect(rotate(path.join(tempDir(), 'missing'))).toEqual({ kept: [], deleted: [] })
  })
})

describe('the daily backup', () => {
  it('is taken at the first start of each local day only, then rotates', async () => {
    const { ledger, backups } = seededLedger(1, 2, 2)
    fs.mkdirSync(backups)
    for (let d = 1; d <= 30; d++) fs.writeFileSync(path.join(backups, backupName(new Date(2026, 9, d, 8), 'daily')), '')

    const first = await dailyBackupIfDue(ledger, backups, new Date(2026, 10, 22, 0, 5))
    expect(first?.name).toBe('ledger-20261122-000500-000-daily.sqlite')
    expect(first?.counts).toEqual({ households: 2, members: 4, projects: 0 })
    // Rotation ran: today and October 18–30 (14 days), plus October 11 and 4 (the newest of two older ISO weeks).
    const oct = (d: number) => backupName(new Date(2026, 9, d, 8), 'daily')
    expect(fs.readdirSync(backups).sort()).toEqual([...range(18, 30).map(oct), oct(11), oct(4), first?.name].sort())

    expect(await dailyBackupIfDue(ledger, backups, new Date(2026, 10, 22, 23, 59))).toBeNull()
    // A manual copy does not count as the day's automatic one.
    fs.writeFileSync(path.join(backups, backupName(new Date(2026, 10, 23, 7), 'manual')), '')
    const next = await dailyBackupIfDue(ledger, backups, new Date(2026, 10, 23, 9))
    expect(next?.name).toBe('ledger-20261123-090000-000-daily.sqlite')
    expect(await dailyBackupIfDue(ledger, backups, new Date(2026, 10, 23, 18))).toBeNull()
    expect(listBackups(backups).map((b) => b.name)).toEqual([next?.name, first?.name])
    await ledger.close()
  })
})
