/** The assistance area: assisting units, helpers and their households, visits, aid and wishes. */
import { z } from 'zod'
import {
  AidInput,
  AidUpdateInput,
  UnitInput,
  VisitUpdateInput,
  WishInput,
  WishUpdateInput,
  type HelperHouseholdView,
  type HelperView,
  type HouseholdAssistance,
  type OpenWishView,
  type UnitView,
} from '../domain/assistance'
import { id, isoDate, none, op } from './op'

export const assistanceOps = {
  /** 帮扶与走访 of one household: pairings (with history), visits, aid, wishes. */
  'assistance.household': op<HouseholdAssistance>()(z.object({ householdId: id }), 'read'),
  'assistance.helpers': op<HelperView[]>()(none, 'read'),
  /** A helper's households, current and past. */
  'assistance.helperHouseholds': op<HelperHouseholdView[]>()(z.object({ helperId: id }), 'read'),
  'assistance.addHelper': op<{ id: number }>()(
    z.object({
      name: z.string().trim().min(1).max(20),
      unitName: z.string().trim().min(1).max(60),
      title: z.string().trim().max(30).optional(),
      phone: z.string().trim().max(20).optional(),
    }),
  ),
  'assistance.pair': op<{ id: number }>()(z.object({ helperId: id, householdId: id, startDate: isoDate })),
  /** Pairs the households selected in the list with one helper in one transaction; those already paired with them are skipped and named. */
  'assistance.pairMany': op<{ paired: number; skipped: string[] }>()(
    z.object({ helperId: id, householdIds: z.array(id).min(1).max(5000), startDate: isoDate }),
  ),
  'assistance.endPairing': op<{ ended: true }>()(z.object({ pairingId: id, endDate: isoDate })),
  'assistance.addVisit': op<{ id: number }>()(
    z.object({
      householdId: id,
      date: isoDate,
      visitor: z.string().trim().min(1).max(40),
      findings: z.string().trim().max(1000).optional(),
      actions: z.string().trim().max(1000).optional(),
      wish: z.object({ content: z.string().trim().min(1).max(500), takenBy: z.string().trim().max(40).optional() }).optional(),
    }),
  ),
  'assistance.addAid': op<{ id: number }>()(AidInput),
  'assistance.resolveWish': op<{ resolved: true }>()(z.object({ wishId: id, date: isoDate, resolution: z.string().trim().min(1).max(500) })),
  /** Assisting units with their helper and household counts. */
  'assistance.units': op<UnitView[]>()(none, 'read'),
  'assistance.addUnit': op<{ id: number }>()(UnitInput),
  'assistance.helper': op<HelperView>()(z.object({ helperId: id }), 'read'),
  'assistance.updateVisit': op<{ updated: true }>()(VisitUpdateInput),
  'assistance.deleteVisit': op<{ deleted: true }>()(z.object({ visitId: id })),
  'assistance.updateAid': op<{ updated: true }>()(AidUpdateInput),
  'assistance.deleteAid': op<{ deleted: true }>()(z.object({ aidId: id })),
  'assistance.addWish': op<{ id: number }>()(WishInput),
  'assistance.updateWish': op<{ updated: true }>()(WishUpdateInput),
  'assistance.deleteWish': op<{ deleted: true }>()(z.object({ wishId: id })),
  /** Wishes not yet resolved, township-wide or in one village, the longest waiting first. */
  'assistance.openWishes': op<OpenWishView[]>()(z.object({ villageId: id.optional() }), 'read'),
}
