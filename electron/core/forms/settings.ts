/** The forms' settings, stored in settings like the backup folder: the row and its audit row in one transaction. */
import type { FormSettings } from '../../../shared/api/forms'
import type { Ledger } from '../db/open'

const PHONE_KEY = 'forms.noticePhone'

export function formSettings(ledger: Ledger): FormSettings {
  const phone = ledger.sqlite.prepare('SELECT value FROM settings WHERE key = ?').pluck().get(PHONE_KEY) as string | undefined
  return { noticePhone: phone ?? '' }
}

export function saveFormSettings(ledger: Ledger, actor: string, input: FormSettings, now = new Date()): FormSettings {
  ledger.write.run({ actor }, () => {
    const old = ledger.sqlite.prepare('SELECT value FROM settings WHERE key = ?').pluck().get(PHONE_KEY) as string | undefined
    if ((old ?? '') === input.noticePhone) return
    ledger.sqlite.prepare('INSERT INTO settings (key, value) VALUES (?, ?) ON CONFLICT (key) DO UPDATE SET value = excluded.value').run(PHONE_KEY, input.noticePhone)
    ledger.sqlite
      .prepare('INSERT INTO audit_log (at, actor, action, table_name, record_id, field, old_value, new_value, batch) VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?)')
      .run(now.toISOString(), actor, old === undefined ? 'insert' : 'update', 'settings', 0, PHONE_KEY, old ?? null, input.noticePhone, null)
  })
  return formSettings(ledger)
}
