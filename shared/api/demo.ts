import { z } from 'zod'
import type { JobStarted } from './jobs'
import { none, op } from './op'

/** Result of loading the demo township. */
export interface DemoLoadResult {
  households: number
  members: number
}

export const demoOps = {
  /** Generates the fictional demo township; long work, answered with a job id. */
  'demo.load': op<JobStarted>()(z.object({ households: z.number().int().min(10).max(50_000).default(360) })),
  'demo.remove': op<{ households: number }>()(none),
}
