import type { OpParsedInput } from '../../../shared/api/contract'
import { LedgerError } from '../../../shared/api/result'
import type { CoreContext } from '../context'
import type { AreaHandlers } from '../handler-types'
import { localToday, logAccess } from '../households'
import { exportLoans } from './export'
import type { CreditImportJobInput } from './import/job'
import {
  addRepayment, addSubsidy, createLoan, creditLedger, creditReminders, creditTitle, deleteLoan, deleteRepayment, deleteSubsidy, getLoan, householdCredit, listLoans,
  setRating, updateLoan,
} from './loans'

/** Resolves the file handle here: jobs get a path, the page never does. */
function source(input: OpParsedInput<'credit.importPreview'>, ctx: CoreContext): CreditImportJobInput {
  const file = ctx.files.get(input.fileId)
  return { path: file.path, fileName: file.name, sheet: input.sheet, mapping: input.mapping, today: localToday() }
}

export const creditHandlers: AreaHandlers<'credit'> = {
  'credit.list': (input, { ledger }) => creditLedger(ledger, input),
  'credit.get': ({ id, today }, { ledger }) => getLoan(ledger, id, today),
  'credit.household': ({ householdId, today }, { ledger }) => householdCredit(ledger, householdId, today),
  'credit.setRating': (input, { ledger, actor }) => ({ changed: setRating(ledger, actor, input) }),
  'credit.create': (input, { ledger, actor }) => ({ id: createLoan(ledger, actor, input) }),
  'credit.update': ({ id, fields }, { ledger, actor }) => ({ changed: updateLoan(ledger, actor, id, fields) }),
  'credit.delete': ({ id }, { ledger, actor }) => {
    deleteLoan(ledger, actor, id)
    return { deleted: true as const }
  },
  'credit.addRepayment': (input, { ledger, actor }) => ({ id: addRepayment(ledger, actor, input) }),
  'credit.deleteRepayment': ({ id }, { ledger, actor }) => {
    deleteRepayment(ledger, actor, id)
    return { deleted: true as const }
  },
  'credit.addSubsidy': (input, { ledger, actor }) => ({ id: addSubsidy(ledger, actor, input) }),
  'credit.deleteSubsidy': ({ id }, { ledger, actor }) => {
    deleteSubsidy(ledger, actor, id)
    return { deleted: true as const }
  },
  'credit.reminders': ({ today }, { ledger }) => creditReminders(ledger, today),
  'credit.importPreview': (input, ctx) => ({ jobId: ctx.jobs.start('credit.import-preview', source(input, ctx)) }),
  'credit.importCommit': (input, ctx) => ({ jobId: ctx.jobs.start('credit.import-commit', source(input, ctx)) }),
  'credit.export': async ({ unmasked, ...filter }, { ledger, files, actor, account }) => {
    if (unmasked && account?.role === 'readonly') {
      throw new LedgerError('forbidden', '只读账户不能导出完整的证件号码。请取消勾选「含完整证件号码」导出，或请经办人、管理员导出。', 'unmasked')
    }
    const today = localToday()
    const out = files.create(`小额信贷台账-${today}.xlsx`)
    const loans = listLoans(ledger, { ...filter, today })
    await exportLoans(ledger, loans, out.path, creditTitle(ledger), Boolean(unmasked))
    if (unmasked) logAccess(ledger, actor, 'export_unmasked', `小额信贷台账（${loans.length} 笔贷款，完整证件号码）`)
    return { fileId: out.id, name: out.name }
  },
}
