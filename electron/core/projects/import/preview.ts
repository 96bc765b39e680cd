/** Turns a plan into what the clerk reviews before committing (capped lists). */
import type { ProjectImportPreview } from '../../../../shared/api/projects-import'
import { projectFieldByKey } from '../../../../shared/import/projects-fields'
import type { Ledger } from '../../db/open'
import { describeProject, isChanged, missingViews, type ProjectPlan } from './plan'
import type { ParsedProjectList } from './types'

const MAX_ISSUES = 5000
const MAX_LISTED = 2000

export function buildProjectPreview(ledger: Ledger, list: ParsedProjectList, plan: ProjectPlan): ProjectImportPreview {
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
      samples: c.samples,
    })),
    projects: plan.counts,
    errorCount: plan.issues.filter((i) => i.severity === 'error').length,
    warningCount: plan.issues.filter((i) => i.severity === 'warning').length,
    issues: issues.slice(0, MAX_ISSUES),
    issuesTruncated: issues.length > MAX_ISSUES,
    newProjects: plan.projects.filter((p) => p.existingId === null).slice(0, MAX_LISTED).map((p) => describeProject(ledger, p)),
    changedProjects: plan.projects.filter((p) => p.existingId !== null && isChanged(p)).slice(0, MAX_LISTED).map((p) => describeProject(ledger, p)),
    missing: missingViews(plan).slice(0, MAX_LISTED),
  }
}
