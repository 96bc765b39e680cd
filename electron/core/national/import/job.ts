/** The national import's long work: preview and commit. Each reads the file afresh. */
import type { NationalCommitResult, NationalPreview } from '../../../../shared/api/national'
import { NATIONAL_KIND_NOUNS } from '../../../../shared/import/national-fields'
import type { NationalKind } from '../../../../shared/import/national-kinds'
import { backupBefore } from '../../backups'
import type { Ledger } from '../../db/open'
import type { JobContext } from '../../jobs'
import { commitNationalImport } from './commit'
import { kindLabel, parseNationalFile, type NationalParseInput } from './parse'
import { isChanged, planNationalImport } from './plan'

const MAX_ISSUES = 5000
const MAX_LISTED = 1000

/** The mapping the clerk last gave for a header layout of this kind. */
export const recallMapping =
  (ledger: Ledger) =>
  (kind: NationalKind, signature: string): Record<string, string | null> | undefined => {
    const json = ledger.sqlite.prepare('SELECT mapping_json FROM import_mappings WHERE kind = ? AND signature = ?').pluck().get(`national:${kind}`, signature) as string | undefined
    return json ? (JSON.parse(json) as Record<string, string | null>) : undefined
  }

export async function previewNational(ledger: Ledger, input: NationalParseInput, ctx: Pick<JobContext, 'progress' | 'checkCancelled' | 'wouldAdd'> & { actor?: string }): Promise<NationalPreview> {
  const parsed = await parseNationalFile(input, ctx, recallMapping(ledger))
  ctx.progress(1, 1, '正在与台账比对…')
  const plan = planNationalImport(ledger, parsed)
  const issues = [...plan.issues].sort((a, b) => (a.severity === b.severity ? a.row - b.row : a.severity === 'error' ? -1 : 1))
  const wouldAdd = ctx.wouldAdd?.(ledger, () => {
    commitNationalImport(ledger, parsed, plan, { actor: ctx.actor ?? '', keepIssues: true, progress: () => undefined })
  })
  const view = (r: (typeof plan.records)[number]) => ({ row: r.row.excelRow, subject: r.subject, detail: r.detail, diffs: r.diffs })
  return {
    ...(wouldAdd ? { wouldAdd } : {}),
    kind: parsed.kind,
    kindLabel: kindLabel(parsed.kind),
    recordNoun: NATIONAL_KIND_NOUNS[parsed.kind].record,
    unit: NATIONAL_KIND_NOUNS[parsed.kind].unit,
    fileName: parsed.fileName,
    sheet: parsed.sheet,
    sheets: parsed.sheets,
    headerRow: parsed.headerRow,
    columns: parsed.columns,
    rememberedMapping: parsed.rememberedMapping,
    counts: plan.counts,
    errorCount: issues.filter((i) => i.severity === 'error').length,
    warningCount: issues.filter((i) => i.severity === 'warning').length,
    issues: issues.slice(0, MAX_ISSUES),
    issuesTruncated: issues.length > MAX_ISSUES,
    newRecords: plan.records.filter((r) => r.existingId === null).slice(0, MAX_LISTED).map(view),
    changedRecords: plan.records.filter((r) => r.existingId !== null && isChanged(r) && r.diffs.length > 0).slice(0, MAX_LISTED).map(view),
    missing: plan.missing.slice(0, MAX_LISTED),
    rows: parsed.rows.length,
  }
}

export async function commitNational(ledger: Ledger, input: NationalParseInput & { actor: string; keepIssues?: boolean }, ctx: Pick<JobContext, 'progress' | 'checkCancelled'>): Promise<NationalCommitResult> {
  const parsed = await parseNationalFile(input, ctx, recallMapping(ledger))
  const plan = planNationalImport(ledger, parsed)
  if ((input.keepIssues || !plan.issues.some((i) => i.severity === 'error')) && plan.records.some(isChanged)) {
    ctx.progress(0, 1, '正在备份导入前的台账…')
    await backupBefore(ledger, 'pre-import')
  }
  return commitNationalImport(ledger, parsed, plan, { actor: input.actor, keepIssues: input.keepIssues ?? false, rememberMapping: input.mapping, progress: ctx.progress })
}
