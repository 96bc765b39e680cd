import type { CheckSettingsInput } from '../../../shared/api/checks'
import { LedgerError } from '../../../shared/api/result'
import type { AreaHandlers } from '../handler-types'
import { localToday } from '../households'
import { coverage } from './coverage'
import { exportChecksWorkbook, exportWaivers, importWaivers } from './export'
import { saveCheckSettings } from './load'
import { checksOverview, listFindings, runHouseholdChecks, runLedgerChecks, unwaive, waive } from './store'

const MONTH = /^(19|20)\d{2}(0[1-9]|1[0-2])$/

/** The settings as the form checks them: real months, the subsidy window in order; a blank county is none. */
function validSettings(input: CheckSettingsInput): CheckSettingsInput {
  const months: [keyof CheckSettingsInput, string][] = [['premiumSubsidyFrom', '补贴识别月份自'], ['premiumSubsidyTo', '补贴识别月份至'], ['premiumSubsidyEndsFrom', '不再享受补贴的起始月份']]
  for (const [k, label] of months) {
    if (!MONTH.test(String(input[k]))) throw new LedgerError('invalid_input', `「${label}」${String(input[k])}不是有效的年月，请写成 6 位年月，如 202210。`)
  }
  if (input.premiumSubsidyFrom > input.premiumSubsidyTo) throw new LedgerError('invalid_input', '「补贴识别月份至」不能早于「补贴识别月份自」，请改正。')
  if (input.premiumSubsidyEndsFrom <= input.premiumSubsidyTo) throw new LedgerError('invalid_input', '「不再享受补贴的起始月份」应晚于「补贴识别月份至」，请改正。')
  return { ...input, homeCounty: input.homeCounty?.trim() ? input.homeCounty.trim() : null }
}

export const checksHandlers: AreaHandlers<'checks'> = {
  'checks.run': ({ asOf }, { ledger, actor }) => {
    const { run, notes } = runLedgerChecks(ledger, actor, asOf)
    return { run, notes }
  },
  'checks.overview': (_input, { ledger }) => checksOverview(ledger, coverage()),
  'checks.findings': (input, { ledger }) => listFindings(ledger, input),
  'checks.household': ({ householdId }, { ledger }) => {
    runHouseholdChecks(ledger, householdId)
    return { items: listFindings(ledger, { status: 'all', householdId, offset: 0, limit: 500 }).items }
  },
  'checks.waive': (input, { ledger, actor }) => {
    const { added, updated } = waive(ledger, actor, input)
    return { waived: added + updated }
  },
  'checks.unwaive': ({ keys }, { ledger, actor }) => ({ unwaived: unwaive(ledger, actor, keys) }),
  'checks.exportWorkbook': async ({ includeWaived }, { ledger, files }) => {
    const lastRun = ledger.sqlite.prepare("SELECT as_of FROM check_runs WHERE scope = 'ledger' ORDER BY id DESC LIMIT 1").pluck().get() as string | undefined
    const out = files.create(`疑点核查-${localToday()}.xlsx`)
    await exportChecksWorkbook(ledger, out.path, { includeWaived, asOf: lastRun ?? null })
    return { fileId: out.id, name: out.name }
  },
  'checks.exportWaivers': async (_input, { ledger, files }) => {
    const out = files.create(`豁免清单-${localToday()}.xlsx`)
    await exportWaivers(ledger, out.path)
    return { fileId: out.id, name: out.name }
  },
  'checks.importWaivers': ({ fileId }, { ledger, actor, files }) => importWaivers(ledger, actor, files.get(fileId).path),
  'checks.saveSettings': (input, { ledger, actor }) => {
    saveCheckSettings(ledger, actor, validSettings(input))
    return { saved: true as const }
  },
}
