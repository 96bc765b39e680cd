/** Turns a plan into what the clerk reviews before committing (capped lists). */
import type { ProjectImportPreview } from '../../../../shared/api/projects-import'
import { orderSources } from '../../../../shared/domain/projects'
import { fundSourceOf, isFundKey, PROJECT_FIELDS, projectFieldByKey } from '../../../../shared/import/projects-fields'
import { knownSources } from '../projects'
import type { Ledger } from '../../db/open'
import { describeProject, isChanged, missingViews, type ProjectPlan } from './plan'
import type { ParsedProjectList } from './types'

const MAX_ISSUES = 5000
const MAX_LISTED = 2000

export function buildProjectPreview(ledger: Ledger, list: ParsedProjectList, plan: ProjectPlan): ProjectImportPreview {
  // The file's own unit: its 合计 column's, else its first source's.
  const unit = (list.columns.find((c) => c.field === 'fund_total') ?? list.columns.find((c) => isFundKey(c.field)))?.unit ?? null
  const describe = (p: ProjectPlan['projects'][number]) => describeProject(ledger, p, unit)
  const sources = orderSources([...knownSources(ledger), ...list.columns.filter((c) => isFundKey(c.field)).map((c) => fundSourceOf(c.field as `fund:${string}`))])
  const issues = [...plan.issues].sort((a, b) => (a.severity === b.severity ? a.row - b.row : a.severity === 'error' ? -1 : 1))
  return {
    fileName: list.fileName,
    sheet: list.sheet,
    sheets: list.sheets,
    headerRow: list.headerRow,
    rows: list.rows,
    columns: list.columns.map((c) => ({
      index: c.index,
      letter: c.letter,
      header: c.header,
      field: c.field,
      label: c.field ? projectFieldByKey(c.field).label : null,
      unit: c.unit ?? null,
      unitFrom: c.unitFrom ?? null,
      samples: c.samples,
    })),
    projects: plan.counts,
    errorCount: plan.issues.filter((i) => i.severity === 'error').length,
    warningCount: plan.issues.filter((i) => i.severity === 'warning').length,
    issues: issues.slice(0, MAX_ISSUES),
    issuesTruncated: issues.length > MAX_ISSUES,
    newProjects: plan.projects.filter((p) => p.existingId === null).slice(0, MAX_LISTED).map(describe),
    changedProjects: plan.projects.filter((p) => p.existingId !== null && isChanged(p)).slice(0, MAX_LISTED).map(describe),
    missing: missingViews(plan).slice(0, MAX_LISTED),
    assumedUnit: list.assumedUnit,
    rememberedReading: list.rememberedReading,
    fieldOptions: [
      ...PROJECT_FIELDS.filter((f) => f.kind !== 'money').map((f) => ({ value: f.key, label: f.label })),
      { value: 'fund_total', label: '资金合计' },
      ...sources.map((s) => ({ value: `fund:${s}`, label: `资金：${s}` })),
    ],
  }
}
