/** Minutes without input before the app locks itself: a setting of its own, read by the sessions and set by 管理员. */
import { IDLE_MINUTES_DEFAULT, IDLE_MINUTES_MAX } from '../../../shared/api/accounts'
import type { Ledger } from '../db/open'

const IDLE_KEY = 'accounts.idleMinutes'

export function idleMinutes(ledger: Ledger): number {
  const v = ledger.sqlite.prepare('SELECT value FROM settings WHERE key = ?').pluck().get(IDLE_KEY) as string | undefined
  const n = Number(v)
  return v && Number.isInteger(n) && n >= 1 && n <= IDLE_MINUTES_MAX ? n : IDLE_MINUTES_DEFAULT
}

/** Stored like the backup folder: settings has no id, so the row and its audit row are written here in one transaction. */
export function setIdleMinutes(ledger: Ledger, actor: string, minutes: number, now = new Date()): number {
  ledger.write.run({ actor }, () => {
    const old = ledger.sqlite.prepare('SELECT value FROM settings WHERE key = ?').pluck().get(IDLE_KEY) as string | undefined
    if (old === String(minutes)) return
    ledger.sqlite.prepare('INSERT INTO settings (key, value) VALUES (?, ?) ON CONFLICT (key) DO UPDATE SET value = excluded.value').run(IDLE_KEY, String(minutes))
    ledger.sqlite
      .prepare('INSERT INTO audit_log (at, actor, action, table_name, record_id, field, old_value, new_value, batch) VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?)')
      .run(now.toISOString(), actor, old === undefined ? 'insert' : 'update', 'settings', 0, IDLE_KEY, old ?? null, String(minutes), null)
  })
  return idleMinutes(ledger)
}
