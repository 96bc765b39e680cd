/** Assistance work as the UI sees it: helpers and pairings, visits, aid (帮户) and wishes (心愿). */

export const AID_KINDS = ['现金', '物资', '服务'] as const

export interface PairingView {
  id: number
  helperId: number
  helperName: string
  unitName: string | null
  title: string | null
  phone: string | null
  startDate: string
  endDate: string | null
}

export interface VisitView {
  id: number
  date: string
  visitor: string
  findings: string | null
  actions: string | null
}

export interface AidView {
  id: number
  date: string
  kind: string
  description: string
  amountFen: number | null
  source: string | null
}

export interface WishView {
  id: number
  raisedDate: string
  content: string
  takenBy: string | null
  resolvedDate: string | null
  resolution: string | null
}

export interface HouseholdAssistance {
  pairings: PairingView[]
  visits: VisitView[]
  aid: AidView[]
  wishes: WishView[]
}

export interface HelperView {
  id: number
  name: string
  unitName: string | null
  title: string | null
  phone: string | null
  /** Households paired now. */
  households: number
}

/** '1,234.5' → 123450 分, exactly (no floating point); null when it is not an amount. */
export function yuanTextToFen(text: string): number | null {
  const m = /^(\d{1,12})(?:\.(\d{1,2}))?$/.exec(text.replace(/[,，\s]/g, ''))
  if (!m) return null
  return Number(m[1]) * 100 + Number((m[2] ?? '').padEnd(2, '0'))
}

export interface HelperHouseholdView {
  pairingId: number
  householdId: number
  householdNo: string | null
  headName: string | null
  village: string
  startDate: string
  endDate: string | null
}
