import { getHousehold, listHouseholds, listVillages } from './queries'
import type { HandlerMap } from '../handler-types'

export const householdHandlers: HandlerMap<'villages.list' | 'households.list' | 'households.get'> = {
  'villages.list': (_input, { ledger }) => listVillages(ledger),
  'households.list': (input, { ledger }) => listHouseholds(ledger, input),
  'households.get': ({ id }, { ledger }) => getHousehold(ledger, id),
}
