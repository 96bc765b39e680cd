import type { OpParsedInput } from '../../../shared/api/contract'
import type { CoreContext } from '../context'
import type { ProjectImportJobInput } from './import/job'
import type { HandlerMap } from '../handler-types'

/** Resolves the file handle here: jobs get a path, the page never does. */
function source(input: OpParsedInput<'projects.importPreview'>, ctx: CoreContext): ProjectImportJobInput {
  const file = ctx.files.get(input.fileId)
  return { path: file.path, fileName: file.name, sheet: input.sheet }
}

export const projectImportHandlers: HandlerMap<'projects.importPreview' | 'projects.importCommit' | 'projects.export'> = {
  'projects.importPreview': (input, ctx) => ({ jobId: ctx.jobs.start('projects.import-preview', source(input, ctx)) }),
  'projects.importCommit': (input, ctx) => ({ jobId: ctx.jobs.start('projects.import-commit', source(input, ctx)) }),
  'projects.export': ({ layout }, ctx) => {
    const date = new Date().toISOString().slice(0, 10)
    const output = ctx.files.create(`项目台账${layout === 'source' ? '（原表格式）' : ''}-${date}.xlsx`)
    return { jobId: ctx.jobs.start('projects.export', { layout, outputPath: output.path, outputId: output.id, outputName: output.name }) }
  },
}
