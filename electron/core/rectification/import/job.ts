/** The problem-list import's long work: preview and commit. Each reads the file afresh. */
import type { ProblemImportPreview, ProblemImportResult } from '../../../../shared/api/rectification'
import { backupBefore } from '../../backups'
import type { Ledger } from '../../db/ledger'
import type { JobContext } from '../../jobs'
import { commitProblemImport } from './commit'
import { parseProblemFile } from './parse'
import { buildProblemPreview, planProblemImport } from './plan'

export interface ProblemImportJobInput {
  path: string
  fileName: string
  sheet?: string
  today: string
}

export async function previewProblems(ledger: Ledger, input: ProblemImportJobInput, ctx: JobContext): Promise<ProblemImportPreview> {
  const list = await parseProblemFile(input, ctx)
  ctx.progress(1, 1, '正在与问题整改台账比对…')
  return buildProblemPreview(list, planProblemImport(ledger, list))
}

export async function commitProblems(ledger: Ledger, input: ProblemImportJobInput, ctx: JobContext): Promise<ProblemImportResult> {
  const list = await parseProblemFile(input, ctx)
  const plan = planProblemImport(ledger, list)
  if (!list.issues.some((i) => i.severity === 'error') && (plan.counts.new || plan.counts.changed)) {
    ctx.progress(0, 1, '正在备份导入前的台账…')
    await backupBefore(ledger, 'pre-import')
  }
  return commitProblemImport(ledger, list, plan, { actor: ctx.actor, today: input.today, checkCancelled: ctx.checkCancelled, progress: ctx.progress })
}
