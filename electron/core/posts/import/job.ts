/** The post-list import's long work: preview and commit. Each reads the file afresh. */
import type { PostImportPreview, PostImportResult } from '../../../../shared/api/posts'
import { backupBefore } from '../../backups'
import type { Ledger } from '../../db/ledger'
import type { JobContext } from '../../jobs'
import { commitPostImport } from './commit'
import { parsePostFile } from './parse'
import { buildPostPreview, planPostImport } from './plan'

export interface PostImportJobInput {
  path: string
  fileName: string
  sheet?: string | undefined
  today: string
}

export async function previewPosts(ledger: Ledger, input: PostImportJobInput, ctx: JobContext): Promise<PostImportPreview> {
  const list = await parsePostFile(input, ctx)
  ctx.progress(1, 1, '正在与公益性岗位台账比对…')
  return buildPostPreview(list, planPostImport(ledger, list, input.today))
}

export async function commitPosts(ledger: Ledger, input: PostImportJobInput, ctx: JobContext): Promise<PostImportResult> {
  const list = await parsePostFile(input, ctx)
  const plan = planPostImport(ledger, list, input.today)
  if (![...list.issues, ...plan.issues].some((i) => i.severity === 'error') && (plan.counts.new || plan.counts.changed)) {
    ctx.progress(0, 1, '正在备份导入前的台账…')
    await backupBefore(ledger, 'pre-import')
  }
  return commitPostImport(ledger, list, plan, { actor: ctx.actor, checkCancelled: ctx.checkCancelled, progress: ctx.progress })
}
