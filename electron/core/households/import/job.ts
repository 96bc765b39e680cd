/** The roster import's long work: preview, commit, issues report. Each reads the file afresh. */
import type { RosterCommitResult, RosterPreview } from '../../../../shared/api/households-import'
import type { ProducedFile } from '../../../../shared/api/files'
import { backupBefore } from '../../backups'
import type { Ledger } from '../../db/open'
import type { JobContext } from '../../jobs'
import { commitRosterImport, type Removal } from './commit'
import { writeIssuesReport } from './issues-report'
import { parseRosterFile } from './parse'
import { keepIssuesPlan, planRosterImport, planWrites } from './plan'
import { buildPreview } from './preview'

export interface RosterJobInput {
  path: string
  fileName: string
  sheet?: string
  mapping?: Record<string, string | null>
}

export async function previewRoster(ledger: Ledger, input: RosterJobInput, ctx: JobContext): Promise<RosterPreview> {
  const roster = await parseRosterFile(ledger, input, ctx)
  ctx.progress(1, 1, '正在与台账比对…')
  const plan = planRosterImport(ledger, roster)
  const preview = buildPreview(ledger, roster, plan)
  const keep = keepIssuesPlan(plan, roster.sheet)
  preview.keepIssues = { kept: keep.kept.length, leftOut: keep.leftOut.slice(0, 5000) }
  if (ctx.wouldAdd) {
    ctx.progress(1, 1, '正在估算导入后会新增的疑点…')
    const keepIssues = preview.errorCount > 0
    preview.wouldAdd = ctx.wouldAdd(ledger, () => {
      commitRosterImport(ledger, roster, plan, {
        actor: ctx.actor, skipBlocked: false, keepIssues, removeHouseholds: {}, removeMembers: {}, checkCancelled: ctx.checkCancelled, progress: () => undefined,
      })
    })
  }
  return preview
}

export async function commitRoster(
  ledger: Ledger,
  input: RosterJobInput & { skipBlocked: boolean; keepIssues?: boolean; removeHouseholds: Record<string, Removal>; removeMembers: Record<string, Removal> },
  ctx: JobContext,
): Promise<RosterCommitResult> {
  const roster = await parseRosterFile(ledger, input, ctx)
  const plan = planRosterImport(ledger, roster)
  const removals = Object.keys(input.removeHouseholds).length + Object.keys(input.removeMembers).length
  if ((input.skipBlocked || input.keepIssues || !plan.issues.some((i) => i.severity === 'error')) && planWrites(plan, removals)) {
    ctx.progress(0, 1, '正在备份导入前的台账…')
    await backupBefore(ledger, 'pre-import')
  }
  return commitRosterImport(ledger, roster, plan, {
    actor: ctx.actor,
    skipBlocked: input.skipBlocked,
    keepIssues: input.keepIssues ?? false,
    removeHouseholds: input.removeHouseholds,
    removeMembers: input.removeMembers,
    rememberMapping: input.mapping ? { signature: roster.signature, mapping: input.mapping } : undefined,
    checkCancelled: ctx.checkCancelled,
    progress: ctx.progress,
  })
}

export async function rosterIssuesReport(
  ledger: Ledger,
  input: RosterJobInput & { outputPath: string; outputId: string; outputName: string },
  ctx: JobContext,
): Promise<ProducedFile> {
  const roster = await parseRosterFile(ledger, input, ctx)
  const plan = planRosterImport(ledger, roster)
  await writeIssuesReport(input.path, roster, plan.issues, input.outputPath, ctx)
  return { fileId: input.outputId, name: input.outputName }
}
