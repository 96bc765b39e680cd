import { householdCards } from '../forms/household-cards'
import type { HandlerMap } from './types'

export const formHandlers: HandlerMap<'forms.householdCards'> = {
  'forms.householdCards': (input, { ledger }) => householdCards(ledger, input),
}
