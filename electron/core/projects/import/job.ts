/** The project-list import's long work: preview and commit. Each reads the file afresh. */
import type { ProjectImportPreview, ProjectImportResult } from '../../../../shared/api/projects-import'
import { backupBefore } from '../../backups'
import type { Ledger } from '../../db/open'
import type { JobContext } from '../../jobs'
import { commitProjectImport } from './commit'
import { parseProjectFile, type ProjectParseInput, type ProjectReading, type RecallReading } from './parse'
import { isChanged, planProjectImport } from './plan'
import { buildProjectPreview } from './preview'

export type ProjectImportJobInput = ProjectParseInput

/** The reading (mapping, assumed unit) the clerk last gave for a header layout. */
export const recallReading =
  (ledger: Ledger): RecallReading =>
  (signature) => {
    const json = ledger.sqlite.prepare("SELECT mapping_json FROM import_mappings WHERE kind = 'projects' AND signature = ?").pluck().get(signature) as
      | string
      | undefined
    return json ? (JSON.parse(json) as ProjectReading) : undefined
  }

export async function previewProjects(ledger: Ledger, input: ProjectImportJobInput, ctx: JobContext): Promise<ProjectImportPreview> {
  const list = await parseProjectFile(input, ctx, recallReading(ledger))
  ctx.progress(1, 1, '正在与项目台账比对…')
  const plan = planProjectImport(ledger, list)
  const preview = buildProjectPreview(ledger, list, plan)
  if (ctx.wouldAdd && !plan.issues.some((i) => i.severity === 'error')) {
    ctx.progress(1, 1, '正在估算导入后会新增的疑点…')
    preview.wouldAdd = ctx.wouldAdd(ledger, () => {
      commitProjectImport(ledger, list, plan, { actor: ctx.actor, checkCancelled: ctx.checkCancelled, progress: () => undefined })
    })
  }
  return preview
}

export async function commitProjects(ledger: Ledger, input: ProjectImportJobInput, ctx: JobContext): Promise<ProjectImportResult> {
  const list = await parseProjectFile(input, ctx, recallReading(ledger))
  const plan = planProjectImport(ledger, list)
  // Nothing to write (errors block the import; an unchanged list writes only its batch): no backup needed.
  if (!plan.issues.some((i) => i.severity === 'error') && plan.projects.some(isChanged)) {
    ctx.progress(0, 1, '正在备份导入前的台账…')
    await backupBefore(ledger, 'pre-import')
  }
  // The clerk corrected the mapping or the unit: remember the whole reading applied (a part not given stays as remembered).
  const given = Boolean(input.mapping || input.assumedUnit)
  return commitProjectImport(ledger, list, plan, {
    actor: ctx.actor,
    checkCancelled: ctx.checkCancelled,
    progress: ctx.progress,
    rememberReading: given ? { signature: list.signature, reading: list.reading } : undefined,
  })
}
