import { exportAssets } from './assets-export'
import {
  addBeneficiaries,
  addRecord,
  createProject,
  deleteProject,
  deleteRecord,
  getProject,
  knownSources,
  listAssets,
  listProjects,
  removeBeneficiary,
  updateProject,
  updateRecord,
} from './projects'
import { addObtainedFund, contributingUnits, deleteObtainedFund, obtainedFunds, unitContribution } from './unit-contribution'
import type { OpParsedInput } from '../../../shared/api/contract'
import type { CoreContext } from '../context'
import type { AreaHandlers } from '../handler-types'
import type { ProjectImportJobInput } from './import/job'

/** Resolves the file handle here: jobs get a path, the page never does. */
function source(input: OpParsedInput<'projects.importPreview'>, ctx: CoreContext): ProjectImportJobInput {
  const file = ctx.files.get(input.fileId)
  return { path: file.path, fileName: file.name, sheet: input.sheet, mapping: input.mapping, assumedUnit: input.assumedUnit }
}

export const projectsHandlers: AreaHandlers<'projects'> = {
  'projects.list': (input, { ledger }) => listProjects(ledger, input),
  'projects.get': ({ id, today }, { ledger }) => getProject(ledger, id, today),
  'projects.create': (input, { ledger, actor }) => ({ id: createProject(ledger, actor, input) }),
  'projects.update': ({ id, fields }, { ledger, actor }) => ({ changed: updateProject(ledger, actor, id, fields) }),
  'projects.delete': ({ id }, { ledger, actor }) => {
    deleteProject(ledger, actor, id)
    return { deleted: true as const }
  },
  'projects.addRecord': ({ projectId, record }, { ledger, actor }) => ({ id: addRecord(ledger, actor, projectId, record) }),
  'projects.updateRecord': ({ id, record }, { ledger, actor }) => ({ changed: updateRecord(ledger, actor, id, record) }),
  'projects.deleteRecord': ({ id, kind }, { ledger, actor }) => {
    deleteRecord(ledger, actor, kind, id)
    return { deleted: true as const }
  },
  'projects.addBeneficiaries': ({ projectId, ...rest }, { ledger, actor }) => addBeneficiaries(ledger, actor, projectId, rest),
  'projects.removeBeneficiary': ({ id }, { ledger, actor }) => {
    removeBeneficiary(ledger, actor, id)
    return { removed: true as const }
  },
  'projects.assets': (input, { ledger }) => listAssets(ledger, input),
  'projects.exportAssets': async (input, { ledger, files }) => {
    const out = files.create(`资产台账-${new Date().toISOString().slice(0, 10)}.xlsx`)
    await exportAssets(listAssets(ledger, input), out.path)
    return { fileId: out.id, name: out.name }
  },
  'projects.unitContribution': (input, { ledger }) => unitContribution(ledger, input),
  'projects.units': (_input, { ledger }) => contributingUnits(ledger),
  'projects.obtainedFunds': ({ unitName, villageId }, { ledger }) => obtainedFunds(ledger, unitName, villageId),
  'projects.addObtainedFund': (input, { ledger, actor }) => addObtainedFund(ledger, actor, input),
  'projects.deleteObtainedFund': ({ id }, { ledger, actor }) => deleteObtainedFund(ledger, actor, id),
  'projects.sources': (_input, { ledger }) => knownSources(ledger),
  'projects.importPreview': (input, ctx) => ({ jobId: ctx.jobs.start('projects.import-preview', source(input, ctx)) }),
  'projects.importCommit': (input, ctx) => ({ jobId: ctx.jobs.start('projects.import-commit', source(input, ctx)) }),
  'projects.export': ({ layout }, ctx) => {
    const date = new Date().toISOString().slice(0, 10)
    const output = ctx.files.create(`项目台账${layout === 'source' ? '（原表格式）' : ''}-${date}.xlsx`)
    return { jobId: ctx.jobs.start('projects.export', { layout, outputPath: output.path, outputId: output.id, outputName: output.name }) }
  },
}
