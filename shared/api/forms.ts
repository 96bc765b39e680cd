/** What the printed household card (户卡) shows. */
import type { HouseholdAssistance } from '../domain/assistance'
import type { HouseholdDetail } from '../domain/household'
import type { StatusEvent } from '../domain/status'

export interface HouseholdCard {
  household: HouseholdDetail
  statusEvents: StatusEvent[]
  /** Current helpers, and the most recent visits and aid. */
  assistance: HouseholdAssistance
}

export interface HouseholdCards {
  cards: HouseholdCard[]
  /** The township as printed in the title (from the villages). */
  township: string
  printedOn: string
}
