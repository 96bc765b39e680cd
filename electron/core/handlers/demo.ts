import { removeDemo } from '../demo/load'
import type { HandlerMap } from './types'

export const demoHandlers: HandlerMap<'demo.load' | 'demo.remove'> = {
  'demo.load': ({ households }, { jobs }) => ({ jobId: jobs.start('demo.load', { households }) }),
  'demo.remove': (_input, { ledger, actor }) => ({ households: removeDemo(ledger, actor) }),
}
