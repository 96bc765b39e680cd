/** The demo township is generated as long work with progress. */
import { withLedger, type JobFunction } from '../jobs'
import { loadDemo } from './load'

export const demoJobs: Record<string, JobFunction> = {
  'demo.load': (input, ctx) => withLedger(ctx, (ledger) => loadDemo(ledger, (input as { households: number }).households, ctx)),
}
