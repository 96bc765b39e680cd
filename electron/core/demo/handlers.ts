import { removeDemo } from './load'
import type { AreaHandlers } from '../handler-types'

export const demoHandlers: AreaHandlers<'demo'> = {
  'demo.load': ({ households }, { jobs }) => ({ jobId: jobs.start('demo.load', { households }) }),
  'demo.remove': (_input, { ledger, actor }) => ({ households: removeDemo(ledger, actor) }),
}
