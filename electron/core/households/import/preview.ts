/** Turns a plan into what the clerk reviews before committing (capped lists). */
import type { RosterPreview } from '../../../../shared/api/households-import'
import type { Ledger } from '../../db/open'
import { describeHousehold, missingViews, type RosterPlan } from './plan'
import type { ParsedRoster, Value } from './types'

const MAX_ISSUES = 5000
const MAX_LISTED = 1000

export function buildPreview(ledger: Ledger, roster: ParsedRoster, plan: RosterPlan): RosterPreview {
  const household = ledger.sqlite.prepare('SELECT * FROM households WHERE id = ?')
  const member = ledger.sqlite.prepare('SELECT * FROM members WHERE id = ?')
  const villageName = ledger.sqlite.prepare('SELECT name FROM villages WHERE id = ?').pluck()
  const groupName = ledger.sqlite.prepare('SELECT name FROM village_groups WHERE id = ?').pluck()
  const lookup = (householdId: number) => (field: string, memberId?: number): Value => {
    if (memberId !== undefined) return ((member.get(memberId) as Record<string, Value> | undefined)?.[field] ?? null) as Value
    const h = household.get(householdId) as Record<string, Value> & { village_id: number; group_id: number | null }
    if (field === 'village') return villageName.get(h.village_id) as string
    if (field === 'group') return h.group_id === null ? null : (groupName.get(h.group_id) as string)
    return h[field] ?? null
  }
  const changed = plan.households.filter(
    (p) => p.existingId !== null && (Object.keys(p.changes).length || p.members.some((m) => m.existingId === null || Object.keys(m.changes).length)),
  )
  const issues = [...plan.issues].sort((a, b) => (a.severity === b.severity ? a.row - b.row : a.severity === 'error' ? -1 : 1))
  return {
    fileName: roster.fileName,
    sheet: roster.sheet,
    sheets: roster.sheets,
    headerRow: roster.headerRow,
    columns: roster.columns.map((c) => ({ index: c.index, letter: c.letter, header: c.header, field: c.field, samples: c.samples })),
    rememberedMapping: roster.rememberedMapping,
    households: plan.counts.households,
    members: plan.counts.members,
    errorCount: plan.issues.filter((i) => i.severity === 'error').length,
    warningCount: plan.issues.filter((i) => i.severity === 'warning').length,
    blockedHouseholds: plan.households.filter((p) => p.parsed.blocked).length,
    issues: issues.slice(0, MAX_ISSUES),
    issuesTruncated: issues.length > MAX_ISSUES,
    newHouseholds: plan.households
      .filter((p) => p.existingId === null)
      .slice(0, MAX_LISTED)
      .map((p) => describeHousehold(p, () => null)),
    changedHouseholds: changed.slice(0, MAX_LISTED).map((p) => describeHousehold(p, lookup(p.existingId!))),
    missing: missingViews(ledger, plan).slice(0, MAX_LISTED * 5),
    rows: roster.rows,
    keepIssues: { kept: 0, leftOut: [] },
  }
}
