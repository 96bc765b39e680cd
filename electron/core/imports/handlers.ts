import type { OpParsedInput } from '../../../shared/api/contract'
import type { ImportBatchView, ImportKind } from '../../../shared/api/households-import'
import type { CoreContext } from '../context'
import type { RosterJobInput } from '../households/import/job'
import { logAccess } from '../households/access-log'
import { householdIds } from '../households/queries'
import type { HandlerMap } from '../handler-types'

interface BatchRow {
  id: number
  kind: ImportKind
  file_name: string
  sheet: string
  actor: string
  created_at: string
  undone_at: string | null
  counts_json: string
}

/** Resolves the file handle here: jobs get a path, the page never does. */
function source(input: OpParsedInput<'roster.preview'>, ctx: CoreContext): RosterJobInput {
  const file = ctx.files.get(input.fileId)
  return { path: file.path, fileName: file.name, sheet: input.sheet, mapping: input.mapping }
}

export const importHandlers: HandlerMap<'roster.preview' | 'roster.commit' | 'roster.issuesReport' | 'roster.export' | 'imports.list' | 'imports.undo'> = {
  'roster.preview': (input, ctx) => ({ jobId: ctx.jobs.start('roster.preview', source(input, ctx)) }),
  'roster.commit': (input, ctx) => ({
    jobId: ctx.jobs.start('roster.commit', {
      ...source(input, ctx),
      skipBlocked: input.skipBlocked,
      removeHouseholds: input.removeHouseholds,
      removeMembers: input.removeMembers,
    }),
  }),
  'roster.issuesReport': (input, ctx) => {
    const src = source(input, ctx)
    const output = ctx.files.create(`${src.fileName.replace(/\.[^.]*$/, '')}-问题说明.xlsx`)
    return { jobId: ctx.jobs.start('roster.issues-report', { ...src, outputPath: output.path, outputId: output.id, outputName: output.name }) }
  },
  'roster.export': async (input, ctx) => {
    const ids = input.filter ? await householdIds(ctx.ledger, input.filter) : undefined
    const date = new Date().toISOString().slice(0, 10)
    const output = ctx.files.create(`花名册${input.layout === 'source' ? '（原表格式）' : ''}-${date}.xlsx`)
    if (input.unmasked) {
      logAccess(ctx.ledger, ctx.actor, 'export_unmasked', `${output.name}：${ids ? `${ids.length} 户（当前筛选）` : '全部'}`)
    }
    return {
      jobId: ctx.jobs.start('roster.export', {
        layout: input.layout,
        masked: !input.unmasked,
        householdIds: ids,
        outputPath: output.path,
        outputId: output.id,
        outputName: output.name,
      }),
    }
  },
  'imports.list': ({ kind }, { ledger }) => {
    const rows = (
      kind
        ? ledger.sqlite.prepare('SELECT * FROM import_batches WHERE kind = ? ORDER BY id DESC LIMIT 200').all(kind)
        : ledger.sqlite.prepare('SELECT * FROM import_batches ORDER BY id DESC LIMIT 200').all()
    ) as BatchRow[]
    return rows.map(
      (b): ImportBatchView => ({
        id: b.id,
        kind: b.kind,
        fileName: b.file_name,
        sheet: b.sheet,
        actor: b.actor,
        createdAt: b.created_at,
        undoneAt: b.undone_at,
        counts: JSON.parse(b.counts_json) as ImportBatchView['counts'],
      }),
    )
  },
  'imports.undo': ({ batchId }, ctx) => ({ jobId: ctx.jobs.start('imports.undo', { batchId }) }),
}
