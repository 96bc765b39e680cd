import type { Migration } from './types'

/**
 * Each ledger file gets an id of its own (settings 'ledger.id'). Every backup is a whole copy and so
 * carries it: the restore list offers only this ledger's copies, not those of another ledger file
 * whose backups share the folder.
 */
export const m019LedgerId: Migration = {
  version: 19,
  name: 'ledger_id',
  up(db) {
    db.prepare("INSERT OR IGNORE INTO settings (key, value) VALUES ('ledger.id', lower(hex(randomblob(16))))").run()
  },
}
