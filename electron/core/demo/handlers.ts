import { removeDemo } from './load'
import type { HandlerMap } from '../handler-types'

export const demoHandlers: HandlerMap<'demo.load' | 'demo.remove'> = {
  'demo.load': ({ households }, { jobs }) => ({ jobId: jobs.start('demo.load', { households }) }),
  'demo.remove': (_input, { ledger, actor }) => ({ households: removeDemo(ledger, actor) }),
}
