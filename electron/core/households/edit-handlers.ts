import { addMember, changeHead, removeMember, updateHousehold, updateMember } from './edit'
import { householdChanges } from './history'
import { moveHousehold } from './move'
import { deleteStatusEvent, householdStatusAt, recordStatusEvent, statusEvents } from './status'
import type { HandlerMap } from '../handler-types'

export const householdEditHandlers: HandlerMap<
  | 'households.update' | 'households.addMember' | 'households.updateMember' | 'households.removeMember'
  | 'households.changeHead' | 'households.statusEvents' | 'households.recordStatus' | 'households.deleteStatus'
  | 'households.statusAt' | 'households.changes' | 'households.move'
> = {
  'households.move': (input, { ledger, actor }) => ({ changed: moveHousehold(ledger, actor, input) }),
  'households.update': ({ id, patch }, { ledger, actor }) => updateHousehold(ledger, actor, id, patch),
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
}
