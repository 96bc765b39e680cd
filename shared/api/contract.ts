/**
 * The one contract between the UI and the core. Every operation the UI can
 * ask for is declared here once: its name, the zod schema of its input and
 * its result type. Both hosts (Electron and the local browser host) serve it
 * with the same handlers; the renderer calls it through `ledger.invoke`.
 */
import { z } from 'zod'
import { EXIT_STATUSES } from '../domain/enums'
import type { HouseholdDetail, HouseholdListItem, VillageSummary } from '../domain/household'
import type { JobStarted } from './jobs'

/** Declares an operation: `op<Result>()(inputSchema)`; the result type is carried as a phantom only. */
function op<R>() {
  return <I extends z.ZodType>(input: I): { input: I; result?: R } => ({ input })
}

const id = z.number().int().positive()

export const HouseholdListInput = z.object({
  search: z.string().trim().max(100).optional(),
  villageId: id.optional(),
  exitStatus: z.enum(EXIT_STATUSES).optional(),
  page: z.number().int().min(1).default(1),
  pageSize: z.number().int().min(1).max(500).default(50),
})

export interface AppInfo {
  appVersion: string
  schemaVersion: number
  dbPath: string
  householdCount: number
  memberCount: number
  hasDemo: boolean
}

export interface HouseholdListResult {
  items: HouseholdListItem[]
  total: number
}

export const contract = {
  'app.info': op<AppInfo>()(z.object({})),
  'villages.list': op<VillageSummary[]>()(z.object({})),
  'households.list': op<HouseholdListResult>()(HouseholdListInput),
  'households.get': op<HouseholdDetail>()(z.object({ id })),
  /** Generates the fictional demo township; long work, answered with a job id. */
  'demo.load': op<JobStarted>()(
    z.object({ households: z.number().int().min(10).max(50_000).default(360) }),
  ),
  'demo.remove': op<{ households: number }>()(z.object({})),
  'jobs.cancel': op<{ cancelled: boolean }>()(z.object({ jobId: z.string().min(1).max(64) })),
} as const

export type Contract = typeof contract
export type OpName = keyof Contract
/** What the caller passes (defaults still optional). */
export type OpInput<K extends OpName> = z.input<Contract[K]['input']>
/** What the handler receives (defaults applied, validated). */
export type OpParsedInput<K extends OpName> = z.output<Contract[K]['input']>
export type OpResult<K extends OpName> = NonNullable<Contract[K]['result']>

export const isOpName = (name: string): name is OpName => Object.hasOwn(contract, name)
