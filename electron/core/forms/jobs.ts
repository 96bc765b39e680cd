/** 户卡 of many households (a village, a filter): read in the background with progress, cancellable. */
import { withLedger, type JobFunction } from '../jobs'
import { householdCards } from './household-cards'

export const formsJobs: Record<string, JobFunction> = {
  'forms.household-cards': (input, ctx) =>
    withLedger(ctx, (ledger) => householdCards(ledger, input as Parameters<typeof householdCards>[1], ctx)),
}
