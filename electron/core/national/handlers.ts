import type { OpParsedInput } from '../../../shared/api/contract'
import type { CoreContext } from '../context'
import type { AreaHandlers } from '../handler-types'
import type { NationalParseInput } from './import/parse'
import { NATIONAL_EXPORT_NAMES } from './export'
import {
  deletePlannedWork, deleteWorkSpell, householdNational, saveHouseholdInfo, savePlannedWork, saveVillageStatistics, saveWorkSpell, villageFigures, villageStatistics,
} from './records'

/** Resolves the file handle here: jobs get a path, the page never does. */
function source(input: OpParsedInput<'national.importPreview'>, ctx: CoreContext): NationalParseInput {
  const file = ctx.files.get(input.fileId)
  return { path: file.path, fileName: file.name, sheet: input.sheet, mapping: input.mapping }
}

export const nationalHandlers: AreaHandlers<'national'> = {
  'national.importPreview': (input, ctx) => ({ jobId: ctx.jobs.start('national.import-preview', source(input, ctx)) }),
  'national.importCommit': (input, ctx) => ({ jobId: ctx.jobs.start('national.import-commit', { ...source(input, ctx), keepIssues: input.keepIssues }) }),
  'national.household': ({ householdId }, { ledger }) => householdNational(ledger, householdId),
  'national.villages': (_input, { ledger }) => villageStatistics(ledger),
  'national.saveWorkSpell': (input, { ledger, actor }) => ({ id: saveWorkSpell(ledger, actor, input) }),
  'national.deleteWorkSpell': ({ id }, { ledger, actor }) => {
    deleteWorkSpell(ledger, actor, id)
    return { deleted: true as const }
  },
  'national.villageFigures': (_input, { ledger }) => villageFigures(ledger),
  'national.saveVillageStatistics': (input, { ledger, actor }) => ({ id: saveVillageStatistics(ledger, actor, input) }),
  'national.savePlannedWork': (input, { ledger, actor }) => ({ id: savePlannedWork(ledger, actor, input) }),
  'national.deletePlannedWork': ({ id }, { ledger, actor }) => {
    deletePlannedWork(ledger, actor, id)
    return { deleted: true as const }
  },
  'national.saveHouseholdInfo': (input, { ledger, actor }) => ({ id: saveHouseholdInfo(ledger, actor, input) }),
  'national.export': ({ layout }, ctx) => {
    const date = new Date().toISOString().slice(0, 10)
    const output = ctx.files.create(`${NATIONAL_EXPORT_NAMES[layout]}-${date}.xlsx`)
    return { jobId: ctx.jobs.start('national.export', { layout, outputPath: output.path, outputId: output.id, outputName: output.name }) }
  },
}
