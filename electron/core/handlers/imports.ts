import type { OpParsedInput } from '../../../shared/api/contract'
import type { ImportBatchView } from '../../../shared/api/roster-import'
import type { CoreContext } from '../context'
import type { RosterJobInput } from '../import/roster/job'
import type { HandlerMap } from './types'

/** Resolves the file handle here: jobs get a path, the page never does. */
function source(input: OpParsedInput<'roster.preview'>, ctx: CoreContext): RosterJobInput {
  const file = ctx.files.get(input.fileId)
  return { path: file.path, fileName: file.name, sheet: input.sheet, mapping: input.mapping }
}

export const importHandlers: HandlerMap<'roster.preview' | 'roster.commit' | 'roster.issuesReport' | 'imports.list' | 'imports.undo'> = {
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
  'imports.list': (_input, { ledger }) =>
    (
      ledger.sqlite.prepare('SELECT * FROM import_batches ORDER BY id DESC LIMIT 200').all() as {
        id: number
        kind: string
        file_name: string
        sheet: string
        actor: string
        created_at: string
        undone_at: string | null
        counts_json: string
      }[]
    ).map(
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
    ),
  'imports.undo': ({ batchId }, ctx) => ({ jobId: ctx.jobs.start('imports.undo', { batchId }) }),
}
