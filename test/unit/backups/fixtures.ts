import fs from 'node:fs'
import path from 'node:path'
import Database from 'better-sqlite3'
import { openLedger, type Ledger } from '../../../electron/core/db/open'
import { tempDir } from '../../helpers/temp'

/** A ledger in a fresh temp folder with villages × households × members written through the audited path. */
export function seededLedger(villages = 2, households = 3, members = 2): { ledger: Ledger; dir: string; backups: string } {
  const dir = tempDir('ledger-backup-')
  const ledger = openLedger(path.join(dir, 'ledger.sqlite'))
  addHouseholds(ledger, villages, households, members, 'A')
  return { ledger, dir, backups: path.join(dir, 'backups') }
}

export function addHouseholds(ledger: Ledger, villages: number, households: number, members: number, tag: string): void {
  ledger.write.run({ actor: '测试' }, (w) => {
    for (let v = 0; v < villages; v++) {
      const villageId = w.insert('villages', { county: '甲县', township: '乙镇', name: `${tag}村${v}` })
      for (let h = 0; h < households; h++) {
        const householdId = w.insert('households', { village_id: villageId, household_no: `${tag}-${v}-${h}` })
        for (let m = 0; m < members; m++) w.insert('members', { household_id: householdId, name: `${tag}成员${v}${h}${m}`, sort_order: m })
      }
    }
  })
}

export interface Snapshot {
  villages: unknown[]
  households: unknown[]
  members: unknown[]
}

export function snapshotOf(db: Database.Database): Snapshot {
  return {
    villages: db.prepare('SELECT id, name FROM villages ORDER BY id').all(),
    households: db.prepare('SELECT id, village_id, household_no FROM households ORDER BY id').all(),
    members: db.prepare('SELECT id, household_id, name FROM members ORDER BY id').all(),
  }
}

export function snapshotFile(file: string): Snapshot {
  const db = new Database(file, { readonly: true, fileMustExist: true })
  try {
    return snapshotOf(db)
  } finally {
    db.close()
  }
}

export function integrityOf(file: string): unknown {
  const db = new Database(file, { readonly: true, fileMustExist: true })
  try {
    return db.pragma('integrity_check', { simple: true })
  } finally {
    db.close()
  }
}

/** Overwrites bytes inside the file (beyond page 1, so it still opens as SQLite). */
export function scribble(file: string, offset: number, length: number): void {
  const fd = fs.openSync(file, 'r+')
  try {
    fs.writeSync(fd, Buffer.alloc(length, 0xa5), 0, length, offset)
  } finally {
    fs.closeSync(fd)
  }
}

/**
 * ledger.close() destroys Kysely, which closes the handle only if Kysely ran a
 * query; until open.ts closes it itself, close the raw handle too.
 */
export async function closeFully(ledger: Ledger): Promise<void> {
  await ledger.close()
  if (ledger.sqlite.open) ledger.sqlite.close()
}
