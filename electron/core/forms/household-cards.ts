/** The data of 户卡: one household per page, for one household, a village or the list's filter. */
import type { HouseholdCards } from '../../../shared/api/forms'
import { LedgerError } from '../../../shared/api/result'
import type { Ledger } from '../db/open'
import { householdAssistance } from '../assistance/assistance'
import { statusEvents } from '../households/status'
import { getHousehold, householdIds, type HouseholdFilter } from '../queries/households'

/** More than a batch a clerk would print at once; keeps the page responsive. */
export const MAX_CARDS = 2000
/** Visits and aid items a card has room for. */
const RECENT = 4

export async function householdCards(ledger: Ledger, input: { householdIds?: number[]; filter?: HouseholdFilter }): Promise<HouseholdCards> {
  const ids = input.householdIds ?? (await householdIds(ledger, input.filter ?? {}))
  if (ids.length > MAX_CARDS) {
    throw new LedgerError('too_many', `一次最多打印 ${MAX_CARDS} 户的户卡，当前选中 ${ids.length} 户。请按行政村或组筛选后分批打印。`)
  }
  const cards = []
  for (const id of ids) {
    const assistance = householdAssistance(ledger, id)
    cards.push({
      household: await getHousehold(ledger, id),
      statusEvents: statusEvents(ledger.sqlite, id),
      assistance: {
        pairings: assistance.pairings.filter((p) => !p.endDate),
        visits: assistance.visits.slice(0, RECENT),
        aid: assistance.aid.slice(0, RECENT),
        wishes: assistance.wishes.filter((w) => !w.resolvedDate),
      },
    })
  }
  const first = cards[0]?.household
  return { cards, township: first ? `${first.county}${first.township}` : '', printedOn: new Date().toISOString().slice(0, 10) }
}
