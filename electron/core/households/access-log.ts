/** Reads that expose private data (an unmasked export, a revealed ID number) are logged with who and when. */
import type { Ledger } from '../db/open'

export function logAccess(ledger: Pick<Ledger, 'sqlite'>, actor: string, action: 'export_unmasked' | 'reveal_id' | 'print_unmasked', detail: string): void {
  ledger.sqlite.prepare('INSERT INTO access_log (at, actor, action, detail) VALUES (?, ?, ?, ?)').run(new Date().toISOString(), actor, action, detail)
}
