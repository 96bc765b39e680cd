/**
 * The checks around an import: which check reports each import error kept as a 疑点
 * (「全部导入，错误记为疑点」), and what a file would add to the findings — the planned writes applied
 * inside a transaction that is then rolled back, the rules run before and inside it (all synchronous:
 * nothing is awaited inside the transaction).
 */
import type { CheckSeverity, CheckWouldAdd } from '../../../shared/api/checks'
import type { Ledger } from '../db/open'
import { localToday } from '../households'
import { runRules } from './engine'
import { loadLedgerData } from './load'
import { ruleByCode } from './rules/catalogue'

/**
 * Import issue code → the rule that reports the same defect over the stored record. The importer
 * writes the value as the file has it, so the rule finds it on the next run.
 */
export const IMPORT_ISSUE_RULES: Readonly<Record<string, string>> = {
  bad_check_char: 'identity.check-character',
  digits_lost: 'identity.check-character',
  id_number_cell: 'identity.check-character',
  scientific_notation: 'identity.id-damaged',
  bad_id_format: 'identity.id-length',
  bad_id_birth_date: 'identity.id-birth-date',
  duplicate_id: 'identity.duplicate-id',
  id_in_other_household: 'identity.duplicate-id',
  missing_name: 'identity.name-blank',
  no_head: 'household.no-head',
  two_heads: 'household.several-heads',
}

const ROLLBACK = Symbol('rollback')

const keysOf = (ledger: Ledger, asOf: string): Set<string> => new Set(runRules(loadLedgerData(ledger, asOf), asOf).findings.map((f) => f.key))

/** Per rule, the findings `apply` (an import's synchronous commit) would add; nothing it writes is kept. */
export function wouldAddFindings(ledger: Ledger, apply: () => void, asOf = localToday()): CheckWouldAdd {
  const before = keysOf(ledger, asOf)
  const waived = new Set(ledger.sqlite.prepare('SELECT key FROM check_waivers WHERE expires IS NULL OR expires >= ?').pluck().all(localToday()) as string[])
  let after = new Set<string>()
  try {
    ledger.sqlite.transaction(() => {
      apply()
      after = keysOf(ledger, asOf)
      throw ROLLBACK
    })()
  } catch (err) {
    if (err !== ROLLBACK) throw err
  }
  const counts = new Map<string, number>()
  for (const key of after) {
    if (before.has(key) || waived.has(key)) continue
    const code = key.slice(0, key.indexOf('|'))
    counts.set(code, (counts.get(code) ?? 0) + 1)
  }
  const rules = [...counts].map(([code, count]) => {
    const r = ruleByCode(code)
    return { code, title: r?.title ?? code, severity: (r?.severity ?? '疑点') as CheckSeverity, count }
  })
  const rank = (s: CheckSeverity) => ['错误', '疑点', '提示'].indexOf(s)
  rules.sort((a, b) => rank(a.severity) - rank(b.severity) || b.count - a.count || a.code.localeCompare(b.code))
  return { asOf, total: rules.reduce((n, r) => n + r.count, 0), rules }
}
