import { LedgerError } from '../../../shared/api/result'
import { maskIdNumber } from '../../../shared/domain/id-number'
import { logAccess } from './access-log'
import type { HandlerMap } from '../handler-types'

export const privacyHandlers: HandlerMap<'privacy.revealId'> = {
  'privacy.revealId': ({ memberId }, { ledger, actor }) => {
    const m = ledger.sqlite.prepare('SELECT name, id_number FROM members WHERE id = ?').get(memberId) as { name: string; id_number: string | null } | undefined
    if (!m?.id_number) throw new LedgerError('not_found', '找不到这个人的证件号码。请刷新页面后重试。')
    logAccess(ledger, actor, 'reveal_id', `${m.name} ${maskIdNumber(m.id_number)}`)
    return { idNumber: m.id_number }
  },
}
