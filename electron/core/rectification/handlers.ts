import fs from 'node:fs'
import type { OpParsedInput } from '../../../shared/api/contract'
import type { CoreContext } from '../context'
import type { AreaHandlers } from '../handler-types'
import { exportProblems } from './export'
import type { ProblemImportJobInput } from './import/job'
import {
  addProgress, attachFile, attachmentContent, createProblem, deleteProblem, deleteProgress, getProblem, listProblems, reminders,
  removeAttachment, setStatus, townshipTitle, updateProblem,
} from './problems'

const localToday = () => {
  const d = new Date()
  return `${d.getFullYear()}-${String(d.getMonth() + 1).padStart(2, '0')}-${String(d.getDate()).padStart(2, '0')}`
}

/** Resolves the file handle here: jobs get a path, the page never does. */
function source(input: OpParsedInput<'rectification.importPreview'>, ctx: CoreContext): ProblemImportJobInput {
  const file = ctx.files.get(input.fileId)
  return { path: file.path, fileName: file.name, sheet: input.sheet, mapping: input.mapping, today: localToday() }
}

export const rectificationHandlers: AreaHandlers<'rectification'> = {
  'rectification.list': (input, { ledger }) => listProblems(ledger, input),
  'rectification.get': ({ id, today }, { ledger }) => getProblem(ledger, id, today),
  'rectification.create': (input, { ledger, actor }) => ({ id: createProblem(ledger, actor, input) }),
  'rectification.update': ({ id, fields }, { ledger, actor }) => ({ changed: updateProblem(ledger, actor, id, fields) }),
  'rectification.delete': ({ id }, { ledger, actor }) => {
    deleteProblem(ledger, actor, id)
    return { deleted: true as const }
  },
  'rectification.setStatus': (input, { ledger, actor }) => ({ changed: setStatus(ledger, actor, input) }),
  'rectification.addProgress': ({ problemId, date, note }, { ledger, actor }) => ({ id: addProgress(ledger, actor, problemId, date, note) }),
  'rectification.deleteProgress': ({ id }, { ledger, actor }) => {
    deleteProgress(ledger, actor, id)
    return { deleted: true as const }
  },
  'rectification.attach': ({ problemId, fileId }, { ledger, actor, files }) => {
    const file = files.get(fileId)
    return { id: attachFile(ledger, actor, problemId, file.path, file.name) }
  },
  'rectification.openAttachment': ({ id }, { ledger, files }) => {
    const { name, bytes } = attachmentContent(ledger, id)
    const out = files.create(name)
    fs.writeFileSync(out.path, bytes)
    return { fileId: out.id, name: out.name }
  },
  'rectification.removeAttachment': ({ id }, { ledger, actor }) => {
    removeAttachment(ledger, actor, id)
    return { removed: true as const }
  },
  'rectification.reminders': ({ today }, { ledger }) => reminders(ledger, today),
  'rectification.importPreview': (input, ctx) => ({ jobId: ctx.jobs.start('rectification.import-preview', source(input, ctx)) }),
  'rectification.importCommit': (input, ctx) => ({ jobId: ctx.jobs.start('rectification.import-commit', source(input, ctx)) }),
  'rectification.export': async ({ status }, { ledger, files }) => {
    const today = localToday()
    const out = files.create(`问题整改台账${status ? `（${status}）` : ''}-${today}.xlsx`)
    await exportProblems(ledger, listProblems(ledger, { today, status }), out.path, townshipTitle(ledger))
    return { fileId: out.id, name: out.name }
  },
}
