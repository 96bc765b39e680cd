/** The households area's operations: the list, the household page, edits, status, and the roster in and out. */
import type { OpParsedInput } from '../../../shared/api/contract'
import { LedgerError } from '../../../shared/api/result'
import { maskIdNumber, maskPhone } from '../../../shared/domain/id-number'
import type { CoreContext } from '../context'
import type { AreaHandlers } from '../handler-types'
import { logAccess } from './access-log'
import { addMember, changeHead, removeMember, updateHousehold, updateMember } from './edit'
import { householdChanges, undoChange } from './history'
import type { RosterJobInput } from './import/job'
import { moveHousehold } from './move'
import { getHousehold, householdIds, listHouseholds, listVillages } from './queries'
import { deleteStatusEvent, householdStatusAt, recordStatusEvent, statusEvents } from './status'

/** Resolves the file handle here: jobs get a path, the page never does. */
function source(input: OpParsedInput<'households.importPreview'>, ctx: CoreContext): RosterJobInput {
  const file = ctx.files.get(input.fileId)
  return { path: file.path, fileName: file.name, sheet: input.sheet, mapping: input.mapping }
}

export const householdsHandlers: AreaHandlers<'households'> = {
  'households.villages': (_input, { ledger }) => listVillages(ledger),
  'households.list': (input, { ledger }) => listHouseholds(ledger, input),
  'households.get': ({ id }, { ledger }) => getHousehold(ledger, id),
  'households.move': (input, { ledger, actor }) => ({ changed: moveHousehold(ledger, actor, input) }),
  'households.update': ({ id, patch, replaceRosterIncome }, { ledger, actor }) => updateHousehold(ledger, actor, id, patch, { replaceRosterIncome }),
  'households.addMember': ({ householdId, values }, { ledger, actor }) => addMember(ledger, actor, householdId, values),
  'households.updateMember': ({ memberId, patch }, { ledger, actor }) => updateMember(ledger, actor, memberId, patch),
  'households.removeMember': ({ memberId, reason, date }, { ledger, actor }) => removeMember(ledger, actor, memberId, reason, date),
  'households.changeHead': ({ householdId, newHeadId, oldHeadRelation }, { ledger, actor }) =>
    changeHead(ledger, actor, householdId, newHeadId, oldHeadRelation),
  'households.statusEvents': ({ id }, { ledger }) => statusEvents(ledger.sqlite, id),
  'households.recordStatus': ({ householdId, ...event }, { ledger, actor }) => recordStatusEvent(ledger, actor, householdId, event),
  'households.deleteStatus': ({ eventId }, { ledger, actor }) => {
    deleteStatusEvent(ledger, actor, eventId)
    return { deleted: true as const }
  },
  'households.statusAt': (input, { ledger }) => householdStatusAt(ledger, input),
  'households.changes': ({ id }, { ledger }) => householdChanges(ledger, id),
  'households.undoChange': ({ changeId }, { ledger, actor }) => {
    undoChange(ledger, actor, changeId)
    return { undone: true as const }
  },
  'households.revealId': (input, { ledger, actor }) => {
    if ('householdId' in input) {
      const h = ledger.sqlite.prepare('SELECT household_no, phone FROM households WHERE id = ?').get(input.householdId) as { household_no: string | null; phone: string | null } | undefined
      if (!h?.phone) throw new LedgerError('not_found', '找不到这一户的联系电话。请刷新页面后重试。')
      logAccess(ledger, actor, 'reveal_id', `户 ${h.household_no ?? input.householdId} 联系电话 ${maskPhone(h.phone)}`)
      return { phone: h.phone }
    }
    const m = ledger.sqlite.prepare('SELECT name, id_number FROM members WHERE id = ?').get(input.memberId) as { name: string; id_number: string | null } | undefined
    if (!m?.id_number) throw new LedgerError('not_found', '找不到这个人的证件号码。请刷新页面后重试。')
    logAccess(ledger, actor, 'reveal_id', `${m.name} ${maskIdNumber(m.id_number)}`)
    return { idNumber: m.id_number }
  },
  'households.importPreview': (input, ctx) => ({ jobId: ctx.jobs.start('households.importPreview', source(input, ctx)) }),
  'households.importCommit': (input, ctx) => ({
    jobId: ctx.jobs.start('households.importCommit', {
      ...source(input, ctx),
      skipBlocked: input.skipBlocked,
      keepIssues: input.keepIssues,
      removeHouseholds: input.removeHouseholds,
      removeMembers: input.removeMembers,
    }),
  }),
  'households.issuesReport': (input, ctx) => {
    const src = source(input, ctx)
    const output = ctx.files.create(`${src.fileName.replace(/\.[^.]*$/, '')}-问题说明.xlsx`)
    return { jobId: ctx.jobs.start('households.issues-report', { ...src, outputPath: output.path, outputId: output.id, outputName: output.name }) }
  },
  'households.export': async (input, ctx) => {
    if (input.unmasked && ctx.account?.role === 'readonly') {
      throw new LedgerError('forbidden', '只读账户不能导出完整的证件号码和电话。请取消勾选「包含完整证件号码和电话」导出，或请经办人、管理员导出。', 'unmasked')
    }
    const ids = input.householdIds ?? (input.filter ? await householdIds(ctx.ledger, input.filter) : undefined)
    const date = new Date().toISOString().slice(0, 10)
    const output = ctx.files.create(`花名册${input.layout === 'source' ? '（原表格式）' : ''}-${date}.xlsx`)
    if (input.unmasked) {
      logAccess(ctx.ledger, ctx.actor, 'export_unmasked', `${output.name}：${ids ? `${ids.length} 户（${input.householdIds ? '所选' : '当前筛选'}）` : '全部'}`)
    }
    return {
      jobId: ctx.jobs.start('households.export', {
        layout: input.layout,
        masked: !input.unmasked,
        householdIds: ids,
        outputPath: output.path,
        outputId: output.id,
        outputName: output.name,
      }),
    }
  },
}
