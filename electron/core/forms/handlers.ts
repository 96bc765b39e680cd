import { allowFullIds, householdCards } from './household-cards'
import { writeBeneficiaryNoticeXlsx, writeProjectNoticeXlsx, writeUnitHandoverXlsx } from './forms-xlsx'
import { beneficiaryNotice, projectNotice, townshipName } from './notices'
import { householdPlan, monitoringApproval, monitoringNotice } from './monitoring-forms'
import { formSettings, saveFormSettings } from './settings'
import { unitContribution } from '../projects'
import type { AreaHandlers } from '../handler-types'

export const formsHandlers: AreaHandlers<'forms'> = {
  'forms.settings': (_input, { ledger }) => formSettings(ledger),
  'forms.saveSettings': (input, { ledger, actor }) => saveFormSettings(ledger, actor, input),
  'forms.householdCards': async (input, { ledger, actor, account }) => {
    await allowFullIds(ledger, { actor, role: account?.role ?? null }, input)
    return householdCards(ledger, input)
  },
  'forms.householdCardsJob': async (input, { ledger, actor, account, jobs }) => {
    await allowFullIds(ledger, { actor, role: account?.role ?? null }, input)
    return { jobId: jobs.start('forms.household-cards', input) }
  },
  'forms.projectNotice': ({ year }, { ledger }) => projectNotice(ledger, year),
  'forms.beneficiaryNotice': ({ projectId }, { ledger }) => beneficiaryNotice(ledger, projectId),
  'forms.noticeXlsx': async (input, { ledger, files }) => {
    const footer = { from: input.from, to: input.to, phone: input.phone }
    if (input.kind === 'projects') {
      const out = files.create(`${input.year}年项目公示.xlsx`)
      await writeProjectNoticeXlsx(projectNotice(ledger, input.year), footer, out.path)
      return { fileId: out.id, name: out.name }
    }
    const notice = beneficiaryNotice(ledger, input.projectId)
    const out = files.create(`${notice.project.name}-受益户公示.xlsx`)
    await writeBeneficiaryNoticeXlsx(notice, footer, out.path)
    return { fileId: out.id, name: out.name }
  },
  'forms.monitoringApproval': ({ caseId, kind }, { ledger }) => monitoringApproval(ledger, caseId, kind),
  'forms.monitoringNotice': ({ villageId, kind }, { ledger }) => monitoringNotice(ledger, villageId, kind),
  'forms.householdPlan': ({ householdId }, { ledger }) => householdPlan(ledger, householdId),
  'forms.unitHandoverXlsx': async ({ statement, ...input }, { ledger, files }) => {
    const c = unitContribution(ledger, input)
    const out = files.create(`${c.village}-${c.unitName}-帮扶单位交接表.xlsx`)
    await writeUnitHandoverXlsx(c, townshipName(ledger, c.villageId), statement, out.path)
    return { fileId: out.id, name: out.name }
  },
}
