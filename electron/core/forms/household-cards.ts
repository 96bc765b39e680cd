/** The data of 户卡: one household per page, for one household, a village or the list's filter. */
import type { HouseholdCards } from '../../../shared/api/forms'
import { LedgerError } from '../../../shared/api/result'
import type { Ledger } from '../db/open'
import { householdAssistance } from '../assistance'
import { getHousehold, householdIds, logAccess, statusEvents, type HouseholdFilter } from '../households'

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
  input: { householdIds?: number[]; filter?: HouseholdFilter; fullIds?: boolean },
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
      // Masked like the lists unless full numbers were chosen on the print page (and logged).
      household: await getHousehold(ledger, id, { unmasked: input.fullIds === true }),
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
  return { cards, fullIds: input.fullIds === true, township: first ? `${first.county}${first.township}` : '', printedOn: new Date().toISOString().slice(0, 10) }
}

/**
 * Full ID numbers on printed 户卡 are a choice made on the print page: refused for 只读 accounts, and
 * recorded in the access log (who, when, how many households) before anything is read.
 */
export async function allowFullIds(
  ledger: Ledger,
  who: { actor: string; role: string | null },
  input: { householdIds?: number[]; filter?: HouseholdFilter; fullIds?: boolean },
): Promise<void> {
  if (!input.fullIds) return
  if (who.role === 'readonly') {
    throw new LedgerError('forbidden', '只读账户不能打印完整的证件号码和电话。请取消勾选「打印完整证件号码和电话」，或请经办人、管理员打印。', 'fullIds')
  }
  const ids = input.householdIds ?? (await householdIds(ledger, input.filter ?? {}))
  const first = ids[0] === undefined ? null : (ledger.sqlite.prepare('SELECT household_no FROM households WHERE id = ?').pluck().get(ids[0]) as string | null)
  logAccess(ledger, who.actor, 'print_unmasked', `户卡（完整证件号码和电话）：${ids.length} 户${ids.length === 1 ? `（户编号 ${first ?? ids[0]}）` : ''}`)
}
