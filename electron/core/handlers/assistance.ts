import { addAid, addHelper, addVisit, endPairing, helperHouseholds, householdAssistance, listHelpers, pair, resolveWish } from '../assistance/assistance'
import type { HandlerMap } from './types'

export const assistanceHandlers: HandlerMap<
  | 'assistance.household'
  | 'assistance.helpers'
  | 'assistance.helperHouseholds'
  | 'assistance.addHelper'
  | 'assistance.pair'
  | 'assistance.endPairing'
  | 'assistance.addVisit'
  | 'assistance.addAid'
  | 'assistance.resolveWish'
> = {
  'assistance.household': ({ householdId }, { ledger }) => householdAssistance(ledger, householdId),
  'assistance.helpers': (_input, { ledger }) => listHelpers(ledger),
  'assistance.helperHouseholds': ({ helperId }, { ledger }) => helperHouseholds(ledger, helperId),
  'assistance.addHelper': (input, { ledger, actor }) => ({ id: addHelper(ledger, actor, input) }),
  'assistance.pair': (input, { ledger, actor }) => ({ id: pair(ledger, actor, input) }),
  'assistance.endPairing': (input, { ledger, actor }) => {
    endPairing(ledger, actor, input)
    return { ended: true as const }
  },
  'assistance.addVisit': (input, { ledger, actor }) => ({ id: addVisit(ledger, actor, input) }),
  'assistance.addAid': (input, { ledger, actor }) => ({ id: addAid(ledger, actor, input) }),
  'assistance.resolveWish': (input, { ledger, actor }) => {
    resolveWish(ledger, actor, input)
    return { resolved: true as const }
  },
}
