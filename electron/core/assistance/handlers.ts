import {
  addAid,
  addHelper,
  addUnit,
  addVisit,
  addWish,
  deleteAid,
  deleteVisit,
  deleteWish,
  endPairing,
  getHelper,
  helperHouseholds,
  householdAssistance,
  listHelpers,
  listUnits,
  openWishes,
  pair,
  pairMany,
  resolveWish,
  updateAid,
  updateVisit,
  updateWish,
} from './assistance'
import type { AreaHandlers } from '../handler-types'

export const assistanceHandlers: AreaHandlers<'assistance'> = {
  'assistance.household': ({ householdId }, { ledger }) => householdAssistance(ledger, householdId),
  'assistance.helpers': (_input, { ledger }) => listHelpers(ledger),
  'assistance.helperHouseholds': ({ helperId }, { ledger }) => helperHouseholds(ledger, helperId),
  'assistance.addHelper': (input, { ledger, actor }) => ({ id: addHelper(ledger, actor, input) }),
  'assistance.pair': (input, { ledger, actor }) => ({ id: pair(ledger, actor, input) }),
  'assistance.pairMany': (input, { ledger, actor }) => pairMany(ledger, actor, input),
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
  'assistance.units': (_input, { ledger }) => listUnits(ledger),
  'assistance.addUnit': (input, { ledger, actor }) => ({ id: addUnit(ledger, actor, input) }),
  'assistance.helper': ({ helperId }, { ledger }) => getHelper(ledger, helperId),
  'assistance.updateVisit': (input, { ledger, actor }) => {
    updateVisit(ledger, actor, input)
    return { updated: true as const }
  },
  'assistance.deleteVisit': (input, { ledger, actor }) => {
    deleteVisit(ledger, actor, input)
    return { deleted: true as const }
  },
  'assistance.updateAid': (input, { ledger, actor }) => {
    updateAid(ledger, actor, input)
    return { updated: true as const }
  },
  'assistance.deleteAid': (input, { ledger, actor }) => {
    deleteAid(ledger, actor, input)
    return { deleted: true as const }
  },
  'assistance.addWish': (input, { ledger, actor }) => ({ id: addWish(ledger, actor, input) }),
  'assistance.updateWish': (input, { ledger, actor }) => {
    updateWish(ledger, actor, input)
    return { updated: true as const }
  },
  'assistance.deleteWish': (input, { ledger, actor }) => {
    deleteWish(ledger, actor, input)
    return { deleted: true as const }
  },
  'assistance.openWishes': ({ villageId }, { ledger }) => openWishes(ledger, villageId),
}
