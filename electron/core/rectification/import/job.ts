/** The problem-list import's long work: preview and commit. Each reads the file afresh. */
import type { ProblemImportPreview, ProblemImportResult } from '../../../../shared/api/rectification'
import { backupBefore } from '../../backups'
import type { Ledger } from '../../db/ledger'
import type { JobContext } from '../../jobs'
import { commitProblemImport } from './commit'
import { parseProblemFile, type ProblemMapping } from './parse'
import { buildProblemPreview, planProblemImport } from './plan'

export interface ProblemImportJobInput {
  path: string
  fileName: string
  sheet?: string
  /** The clerk's column mapping, remembered by a commit for files with the same header. */
  mapping?: ProblemMapping
  today: string
}

/** The mapping the clerk last gave for a problem list with this header. */
export const recallProblemMapping =
  (ledger: Ledger) =>
  (signature: string): ProblemMapping | undefined => {
    const json = ledger.sqlite.prepare("SELECT mapping_json FROM import_mappings WHERE kind = 'rectification' AND signature = ?").pluck().get(signature) as string | undefined
    return json ? (JSON.parse(json) as ProblemMapping) : undefined
  }

export async function previewProblems(ledger: Ledger, input: ProblemImportJobInput, ctx: JobContext): Promise<ProblemImportPreview> {
  const list = await parseProblemFile(input, ctx, recallProblemMapping(ledger))
  ctx.progress(1, 1, '正在与问题整改台账比对…')
  return buildProblemPreview(list, planProblemImport(ledger, list))
}

export async function commitProblems(ledger: Ledger, input: ProblemImportJobInput, ctx: JobContext): Promise<ProblemImportResult> {
  const list = await parseProblemFile(input, ctx, recallProblemMapping(ledger))
  const plan = planProblemImport(ledger, list)
  if (!list.issues.some((i) => i.severity === 'error') && (plan.counts.new || plan.counts.changed)) {
    ctx.progress(0, 1, '正在备份导入前的台账…')
    await backupBefore(ledger, 'pre-import')
  }
  return commitProblemImport(ledger, list, plan, { actor: ctx.actor, today: input.today, rememberMapping: input.mapping, checkCancelled: ctx.checkCancelled, progress: ctx.progress })
}
