/** How many of the county's checks (rules/checks.tsv, the county tools' list) the catalogue covers. */
import CHECKS_TSV from './rules/checks.tsv?raw'
import { CATALOGUE } from './rules/catalogue'

export interface CoverageRow { number: string; category: string; scope: string; description: string; rules: string[] }

export function coverageTable(): CoverageRow[] {
  const byNumber = new Map<string, string[]>()
  for (const r of CATALOGUE) for (const n of r.covers) byNumber.set(n, [...(byNumber.get(n) ?? []), r.code])
  return CHECKS_TSV.split('\n').slice(1).filter((l) => l.trim()).map((l) => {
    const [number, category, scope, description] = l.split('\t') as [string, string, string, string]
    return { number, category, scope, description, rules: byNumber.get(number) ?? [] }
  })
}

export function coverage(): { covered: number; total: number } {
  const rows = coverageTable()
  return { covered: rows.filter((r) => r.rules.length).length, total: rows.length }
}
