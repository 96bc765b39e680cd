/** Assistance work as the UI sees it: helpers and pairings, visits, aid (帮户) and wishes (心愿). */
import { z } from 'zod'

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

/** Kinds of assisting unit offered in the form; other text is accepted too. */
export const UNIT_KINDS = ['机关', '事业单位', '国企', '民营企业', '社会组织', '其他'] as const

export interface UnitView {
  id: number
  name: string
  kind: string | null
  contact: string | null
  helpers: number
  /** Households paired now with any of the unit's helpers. */
  households: number
}

/** An unresolved wish, township-wide. */
export interface OpenWishView {
  id: number
  householdId: number
  householdNo: string | null
  headName: string | null
  village: string
  raisedDate: string
  content: string
  takenBy: string | null
}

/** Aid (帮户) given by one assisting unit, in 分. */
export interface AidTotals {
  unitName: string
  villages: { villageId: number; village: string; items: number; households: number; totalFen: number }[]
  items: number
  totalFen: number
}

// Input schemas of the assistance operations (used by shared/api/contract.ts).
const recordId = z.number().int().positive()
const day = z.string().regex(/^\d{4}-\d{2}-\d{2}$/)
const optText = (max: number) => z.string().trim().max(max).optional()

export const UnitInput = z.object({ unitName: z.string().trim().min(1).max(60), unitKind: optText(20), contact: optText(60) })
const visitFields = { date: day, visitor: z.string().trim().min(1).max(40), findings: optText(1000), actions: optText(1000) }
export const VisitUpdateInput = z.object({ visitId: recordId, ...visitFields })
const aidFields = {
  date: day,
  aidKind: z.enum(AID_KINDS),
  description: z.string().trim().min(1).max(200),
  amount: optText(20),
  source: optText(60),
}
export const AidInput = z.object({ householdId: recordId, ...aidFields })
export const AidUpdateInput = z.object({ aidId: recordId, ...aidFields })
export const WishInput = z.object({ householdId: recordId, date: day, content: z.string().trim().min(1).max(500), takenBy: optText(40) })
export const WishUpdateInput = z.object({ wishId: recordId, content: z.string().trim().min(1).max(500), takenBy: optText(40) })
