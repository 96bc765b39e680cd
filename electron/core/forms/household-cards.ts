/** The data of 户卡: one household per page, for one household, a village or the list's filter. */
import type { HouseholdCards } from '../../../shared/api/forms'
import { LedgerError } from '../../../shared/api/result'
import type { Ledger } from '../db/open'
import { householdAssistance } from '../assistance'
import { getHousehold, householdIds, statusEvents, type HouseholdFilter } from '../households'

/** More than a batch a clerk would print at once; keeps the page responsive. */
export const MAX_CARDS = 2000
/** Visits and aid items a card has room for. */
const RECENT = 4

/** Reports progress and may stop the work (throws when cancelled); batch printing runs as a job. */
export interface CardsProgress {
  progress(done: number, total: number, message: string): void
  checkCancelled(): void
}

export async function householdCards(
  ledger: Ledger,
  input: { householdIds?: number[]; filter?: HouseholdFilter },
  job?: CardsProgress,
): Promise<HouseholdCards> {
  const ids = input.householdIds ?? (await householdIds(ledger, input.filter ?? {}))
  if (ids.length > MAX_CARDS) {
    throw new LedgerError('too_many', `一次最多打印 ${MAX_CARDS} 户的户卡，当前选中 ${ids.length} 户。请按行政村或组筛选后分批打印。`)
  }
  const cards = []
  job?.progress(0, ids.length, `正在准备 ${ids.length} 户的户卡…`)
  for (const id of ids) {
    const assistance = householdAssistance(ledger, id)
    cards.push({
      // The 户卡 is the household's own printed card and carries its full numbers, as before.
      household: await getHousehold(ledger, id, { unmasked: true }),
      statusEvents: statusEvents(ledger.sqlite, id),
      assistance: {
        pairings: assistance.pairings.filter((p) => !p.endDate),
        visits: assistance.visits.slice(0, RECENT),
        aid: assistance.aid.slice(0, RECENT),
        wishes: assistance.wishes.filter((w) => !w.resolvedDate),
      },
    })
    if (job && (cards.length % 10 === 0 || cards.length === ids.length)) {
      job.checkCancelled()
      job.progress(cards.length, ids.length, `已准备 ${cards.length} / ${ids.length} 户`)
    }
  }
  const first = cards[0]?.household
  return { cards, township: first ? `${first.county}${first.township}` : '', printedOn: new Date().toISOString().slice(0, 10) }
}
