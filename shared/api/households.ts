/**
 * The households area: the roster kept by the township (list, household page, edits, status
 * history, 修改记录) and its spreadsheet in and out (花名册 import, 问题清单, export).
 */
import { z } from 'zod'
import { EXIT_STATUSES } from '../domain/enums'
import type { HouseholdDetail, HouseholdListItem, VillageSummary } from '../domain/households'
import type { EditResult, HouseholdChange } from '../domain/households-rules'
import { ELIMINATION_METHODS, type HouseholdStatusAt, MONITORING_RISKS, STATUS_EVENT_KINDS, type StatusEvent } from '../domain/households-status'
import { MEASURE_KINDS } from '../domain/monitoring-measures'
import { REMOVAL_REASONS } from './households-import'
import type { JobStarted } from './jobs'
import { fileId, id, isoDate, none, op } from './op'
import { StatsSelectorInput } from './stats'

export const HouseholdListInput = z.object({
  search: z.string().trim().max(100).optional(),
  villageId: id.optional(),
  exitStatus: z.enum(EXIT_STATUSES).optional(),
  groupId: id.optional(),
  householdType: z.string().max(20).optional(),
  mainCause: z.string().max(20).optional(),
  monitoringCategory: z.string().max(20).optional(),
  /** Households this helper assists now. */
  helperId: id.optional(),
  /** Households with at least one 两不愁三保障 gap (有短板). */
  guaranteeGap: z.boolean().optional(),
  /** Households under monitoring on any day of this year, from their status history (who was monitored in 2023). */
  monitoredIn: z.string().regex(/^\d{4}$/).optional(),
  /** Monitoring cases (monitoring area): a case with this risk, 纳入 (县级审定) in this month, open or eliminated, with a measure of this kind. */
  monitoringRisk: z.enum(MONITORING_RISKS).optional(),
  identifiedMonth: z.string().regex(/^\d{4}-\d{2}$/).optional(),
  monitoringState: z.enum(['open', 'eliminated']).optional(),
  measureKind: z.enum(MEASURE_KINDS).optional(),
  /** The households behind a figure of 统计 (stats area), as of its date. */
  stats: StatsSelectorInput.optional(),
  page: z.number().int().min(1).default(1),
  pageSize: z.number().int().min(1).max(500).default(50),
})

/** The list's search and filters without paging: what exports and batch printing take. */
export const HouseholdFilterInput = HouseholdListInput.omit({ page: true, pageSize: true })

export interface HouseholdListResult {
  items: HouseholdListItem[]
  total: number
}

const removal = z.object({ reason: z.enum(REMOVAL_REASONS), date: isoDate })

/** Which file and how to read it; the mapping is keyed by 0-based column index. */
export const RosterSourceInput = z.object({
  fileId,
  sheet: z.string().max(200).optional(),
  mapping: z.record(z.string().regex(/^\d+$/), z.string().max(64).nullable()).optional(),
})

export const RosterCommitInput = RosterSourceInput.extend({
  skipBlocked: z.boolean().default(false),
  /** 全部导入，错误记为疑点: every identifiable household and member is written, errors included. */
  keepIssues: z.boolean().default(false),
  removeHouseholds: z.record(z.string().regex(/^\d+$/), removal).default({}),
  removeMembers: z.record(z.string().regex(/^\d+$/), removal).default({}),
})

export const RosterExportInput = z.object({
  layout: z.enum(['standard', 'source']),
  /** The list's current search and filters; all households when absent. */
  filter: HouseholdFilterInput.optional(),
  /** The rows the clerk selected in the list (batch work); takes precedence over `filter`. */
  householdIds: z.array(z.number().int().positive()).min(1).max(10_000).optional(),
  /** Full ID numbers and phones: asked for explicitly and logged. */
  unmasked: z.boolean().default(false),
})

/** Household page edits: column name → the value as typed (money in 元); null clears it. */
const editPatch = z.record(z.string().regex(/^[a-z_]{1,64}$/), z.string().max(500).nullable())

export const StatusEventInputSchema = z.object({
  householdId: id,
  kind: z.enum(STATUS_EVENT_KINDS),
  date: isoDate,
  monitoringCategory: z.string().max(20).nullable().default(null),
  risks: z.array(z.string().max(20)).max(11).default([]),
  riskNote: z.string().max(200).nullable().default(null),
  eliminationMethod: z.enum(ELIMINATION_METHODS).nullable().default(null),
  note: z.string().max(500).nullable().default(null),
})

export const householdsOps = {
  'households.villages': op<VillageSummary[]>()(none, 'read'),
  'households.list': op<HouseholdListResult>()(HouseholdListInput, 'read'),
  'households.get': op<HouseholdDetail>()(z.object({ id }), 'read'),
  /** Household fields and the 两不愁三保障 checklist; checked by the import's rules. */
  /**
   * Edits household fields. Income parts that would replace the roster's own 人均纯收入 (the county's figure)
   * are refused with code confirm_income (both figures named) unless replaceRosterIncome is set.
   */
  'households.update': op<EditResult>()(z.object({ id, patch: editPatch, replaceRosterIncome: z.boolean().default(false) })),
  'households.addMember': op<EditResult>()(z.object({ householdId: id, values: editPatch })),
  'households.updateMember': op<EditResult>()(z.object({ memberId: id, patch: editPatch })),
  /** 移出: the person stays in the ledger with the reason and date. */
  'households.removeMember': op<EditResult>()(z.object({ memberId: id, reason: z.enum(REMOVAL_REASONS), date: isoDate })),
  'households.changeHead': op<EditResult>()(z.object({ householdId: id, newHeadId: id, oldHeadRelation: z.string().min(1).max(20) })),
  /** 调整村组: moves the household to another village and 组 (a new 组 name creates it). */
  'households.move': op<{ changed: string[] }>()(z.object({ id, villageId: id, groupName: z.string().trim().max(40).nullable() })),
  'households.statusEvents': op<StatusEvent[]>()(z.object({ id }), 'read'),
  /** 识别 / 脱贫 / 返贫 / 纳入监测 / 风险消除; updates the household's current status. */
  'households.recordStatus': op<StatusEvent>()(StatusEventInputSchema),
  'households.deleteStatus': op<{ deleted: true }>()(z.object({ eventId: id })),
  /** Status of every household with a history as of a date; with periodStart: monitored at any time of the period. */
  'households.statusAt': op<HouseholdStatusAt[]>()(
    z.object({ asOf: isoDate, periodStart: isoDate.optional(), householdIds: z.array(id).max(50_000).optional() }),
    'read',
  ),
  /** 修改记录 of a household and its members, newest first. */
  'households.changes': op<HouseholdChange[]>()(z.object({ id }), 'read'),
  /** 撤销此修改: writes back the old value of the newest change of a household's or member's field (the undo is itself audited). */
  'households.undoChange': op<{ undone: true }>()(z.object({ changeId: id })),
  /** A member's full ID number, or a household's full phone: the only way they leave the core whole; logged in the access log. */
  'households.revealId': op<{ idNumber?: string; phone?: string }>()(z.union([z.object({ memberId: id }), z.object({ householdId: id })]), 'read'),
  /** Reads and checks a roster file against the ledger without writing: a RosterPreview job. */
  'households.importPreview': op<JobStarted>()(RosterSourceInput, 'read'),
  /** Imports the roster in one transaction: a RosterCommitResult job. */
  'households.importCommit': op<JobStarted>()(RosterCommitInput),
  /** Writes the file back with a 问题说明 column and the offending cells in red: a job giving a file. */
  'households.issuesReport': op<JobStarted>()(RosterSourceInput, 'read'),
  /** The roster to .xlsx (standard or the county's own layout): a job giving a file. */
  'households.export': op<JobStarted>()(RosterExportInput, 'read'),
}
