/**
 * The one contract between the UI and the core. Every operation the UI can
 * ask for is declared here once: its name, the zod schema of its input and
 * its result type. Both hosts (Electron and the local browser host) serve it
 * with the same handlers; the renderer calls it through `ledger.invoke`.
 */
import { z } from 'zod'
import { EXIT_STATUSES } from '../domain/enums'
import type { HouseholdDetail, HouseholdListItem, VillageSummary } from '../domain/households'
import type { JobStarted } from './jobs'
import type { BackupsState, BackupView } from './backups'
import type { BeneficiaryNotice, HouseholdCards, ProjectNotice } from './forms'
import { IDLE_MINUTES_MAX, ROLES, type AccountsStatus, type AccountView, type AuditPage } from './accounts'
import type { ProducedFile } from './files'
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
import type { ImportBatchView } from './households-import'
import { AssetListInput, PROJECT_RECORD_KINDS, ProjectFieldsInput, ProjectListInput, ProjectRecordInput, UnitContributionInput, type UnitContribution } from './projects'
import type { AssetView, ProjectDetail, ProjectListResult } from '../domain/projects'
import { IMPORT_KINDS, REMOVAL_REASONS } from './households-import'
import type { EditResult, HouseholdChange } from '../domain/households-rules'
import { ELIMINATION_METHODS, type HouseholdStatusAt, STATUS_EVENT_KINDS, type StatusEvent } from '../domain/households-status'

/** Declares an operation: `op<Result>()(inputSchema)`; the result type is carried as a phantom only. */
function op<R>() {
  return <I extends z.ZodType>(input: I): { input: I; result?: R } => ({ input })
}

const id = z.number().int().positive()

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
  page: z.number().int().min(1).default(1),
  pageSize: z.number().int().min(1).max(500).default(50),
})

const fileId = z.string().uuid()
const removal = z.object({ reason: z.enum(REMOVAL_REASONS), date: z.string().regex(/^\d{4}-\d{2}-\d{2}$/) })

/** Which file and how to read it; the mapping is keyed by 0-based column index. */
export const RosterSourceInput = z.object({
  fileId,
  sheet: z.string().max(200).optional(),
  mapping: z.record(z.string().regex(/^\d+$/), z.string().max(64).nullable()).optional(),
})

/** Which project list file and sheet to read. */
export const ProjectImportSourceInput = z.object({ fileId, sheet: z.string().max(200).optional() })

export const RosterCommitInput = RosterSourceInput.extend({
  skipBlocked: z.boolean().default(false),
  removeHouseholds: z.record(z.string().regex(/^\d+$/), removal).default({}),
  removeMembers: z.record(z.string().regex(/^\d+$/), removal).default({}),
})

export const RosterExportInput = z.object({
  layout: z.enum(['standard', 'source']),
  /** The list's current search and filters; all households when absent. */
  filter: HouseholdListInput.omit({ page: true, pageSize: true }).optional(),
  /** Full ID numbers and phones: asked for explicitly and logged. */
  unmasked: z.boolean().default(false),
})

/** Household page edits: column name → the value as typed (money in 元); null clears it. */
const editPatch = z.record(z.string().regex(/^[a-z_]{1,64}$/), z.string().max(500).nullable())
const isoDate = z.string().regex(/^\d{4}-\d{2}-\d{2}$/)

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

const AuditQueryInput = z.object({
  actor: z.string().max(40).optional(),
  table: z.string().max(40).optional(),
  from: z.string().regex(/^\d{4}-\d{2}-\d{2}$/).optional(),
  to: z.string().regex(/^\d{4}-\d{2}-\d{2}$/).optional(),
  page: z.number().int().min(1).default(1),
  pageSize: z.number().int().min(1).max(500).default(50),
})

/** The foot of a 公示: notice period and 监督电话, as typed on the page. */
const NoticeFooterInput = { from: isoDate, to: isoDate, phone: z.string().trim().max(40).default('') }

export interface AppInfo {
  appVersion: string
  schemaVersion: number
  dbPath: string
  householdCount: number
  memberCount: number
  hasDemo: boolean
  /** Set when the daily backup could not be made (e.g. the USB drive is unplugged). */
  backupWarning: string | null
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
  /** Reads and checks a roster file against the ledger without writing: a RosterPreview job. */
  'roster.preview': op<JobStarted>()(RosterSourceInput),
  /** Imports the roster in one transaction: a RosterCommitResult job. */
  'roster.commit': op<JobStarted>()(RosterCommitInput),
  /** Writes the file back with a 问题说明 column and the offending cells in red: a job giving a file. */
  'roster.issuesReport': op<JobStarted>()(RosterSourceInput),
  /** The roster to .xlsx (standard or the county's own layout): a job giving a file. */
  'roster.export': op<JobStarted>()(RosterExportInput),
  /** The latest import batches, newest first; `kind` keeps one kind (each import page lists only its own). */
  'imports.list': op<ImportBatchView[]>()(z.object({ kind: z.enum(IMPORT_KINDS).optional() })),
  /** 撤销本次导入: a job. */
  'imports.undo': op<JobStarted>()(z.object({ batchId: id })),
  'backups.list': op<BackupsState>()(z.object({})),
  /** 立即备份. */
  'backups.create': op<BackupView>()(z.object({})),
  /** Replaces the ledger with a backup, after taking a copy of the current state. */
  'backups.restore': op<{ safetyCopy: string | null }>()(z.object({ name: z.string().min(1).max(200).regex(/^[^\\/]+\.sqlite$/) })),
  /** The backup folder (e.g. a USB drive); null returns to the default. */
  'backups.setDir': op<{ dir: string }>()(z.object({ dir: z.string().trim().min(1).max(1000).nullable() })),
  /** Household fields and the 两不愁三保障 checklist; checked by the import's rules. */
  'households.update': op<EditResult>()(z.object({ id, patch: editPatch })),
  'households.addMember': op<EditResult>()(z.object({ householdId: id, values: editPatch })),
  'households.updateMember': op<EditResult>()(z.object({ memberId: id, patch: editPatch })),
  /** 移出: the person stays in the ledger with the reason and date. */
  'households.removeMember': op<EditResult>()(z.object({ memberId: id, reason: z.enum(REMOVAL_REASONS), date: isoDate })),
  'households.changeHead': op<EditResult>()(z.object({ householdId: id, newHeadId: id, oldHeadRelation: z.string().min(1).max(20) })),
  /** 调整村组: moves the household to another village and 组 (a new 组 name creates it). */
  'households.move': op<{ changed: string[] }>()(z.object({ id, villageId: id, groupName: z.string().trim().max(40).nullable() })),
  'households.statusEvents': op<StatusEvent[]>()(z.object({ id })),
  /** 识别 / 脱贫 / 返贫 / 纳入监测 / 风险消除; updates the household's current status. */
  'households.recordStatus': op<StatusEvent>()(StatusEventInputSchema),
  'households.deleteStatus': op<{ deleted: true }>()(z.object({ eventId: id })),
  /** Status of every household with a history as of a date; with periodStart: monitored at any time of the period. */
  'households.statusAt': op<HouseholdStatusAt[]>()(
    z.object({ asOf: isoDate, periodStart: isoDate.optional(), householdIds: z.array(id).max(50_000).optional() }),
  ),
  /** 修改记录 of a household and its members, newest first. */
  'households.changes': op<HouseholdChange[]>()(z.object({ id })),
  /** 户卡: one household, a list of them, or the list's current filter. */
  'forms.householdCards': op<HouseholdCards>()(
    z.object({ householdIds: z.array(id).min(1).max(2000).optional(), filter: HouseholdListInput.omit({ page: true, pageSize: true }).optional() }),
  ),
  /** 户卡 of many households (a whole village, the list's filter) as a job with progress: a HouseholdCards job. */
  'forms.householdCardsJob': op<JobStarted>()(
    z.object({ householdIds: z.array(id).min(1).max(2000).optional(), filter: HouseholdListInput.omit({ page: true, pageSize: true }).optional() }),
  ),
  /** 项目公示: the projects of a year with their funds by source and beneficiaries. */
  'forms.projectNotice': op<ProjectNotice>()(z.object({ year: z.string().regex(/^\d{4}$/, '年度应为四位数字，如 2024') })),
  /** 受益户公示 of a project: head names and masked ID numbers (always masked). */
  'forms.beneficiaryNotice': op<BeneficiaryNotice>()(z.object({ projectId: id })),
  /** A 公示 as .xlsx laid out for A4 (print area, repeated title rows, fitted to the width). */
  'forms.noticeXlsx': op<ProducedFile>()(
    z.discriminatedUnion('kind', [
      z.object({ kind: z.literal('projects'), year: z.string().regex(/^\d{4}$/), ...NoticeFooterInput }),
      z.object({ kind: z.literal('beneficiaries'), projectId: id, ...NoticeFooterInput }),
    ]),
  ),
  /** The 帮扶单位交接表 as .xlsx laid out for A4, with the closing statement as printed. */
  'forms.unitHandoverXlsx': op<ProducedFile>()(UnitContributionInput.extend({ statement: z.string().trim().max(2000).optional() })),
  /** 帮扶与走访 of one household: pairings (with history), visits, aid, wishes. */
  'assistance.household': op<HouseholdAssistance>()(z.object({ householdId: id })),
  'assistance.helpers': op<HelperView[]>()(z.object({})),
  /** A helper's households, current and past. */
  'assistance.helperHouseholds': op<HelperHouseholdView[]>()(z.object({ helperId: id })),
  'assistance.addHelper': op<{ id: number }>()(
    z.object({
      name: z.string().trim().min(1).max(20),
      unitName: z.string().trim().min(1).max(60),
      title: z.string().trim().max(30).optional(),
      phone: z.string().trim().max(20).optional(),
    }),
  ),
  'assistance.pair': op<{ id: number }>()(z.object({ helperId: id, householdId: id, startDate: isoDate })),
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
  'assistance.units': op<UnitView[]>()(z.object({})),
  'assistance.addUnit': op<{ id: number }>()(UnitInput),
  'assistance.helper': op<HelperView>()(z.object({ helperId: id })),
  'assistance.updateVisit': op<{ updated: true }>()(VisitUpdateInput),
  'assistance.deleteVisit': op<{ deleted: true }>()(z.object({ visitId: id })),
  'assistance.updateAid': op<{ updated: true }>()(AidUpdateInput),
  'assistance.deleteAid': op<{ deleted: true }>()(z.object({ aidId: id })),
  'assistance.addWish': op<{ id: number }>()(WishInput),
  'assistance.updateWish': op<{ updated: true }>()(WishUpdateInput),
  'assistance.deleteWish': op<{ deleted: true }>()(z.object({ wishId: id })),
  /** Wishes not yet resolved, township-wide or in one village, the longest waiting first. */
  'assistance.openWishes': op<OpenWishView[]>()(z.object({ villageId: id.optional() })),
  'accounts.status': op<AccountsStatus>()(z.object({})),
  'accounts.login': op<AccountView>()(z.object({ username: z.string().trim().min(1).max(40), password: z.string().min(1).max(200) })),
  'accounts.logout': op<{ signedOut: true }>()(z.object({})),
  /** The first account (an administrator); turns accounts on. */
  'accounts.setup': op<AccountView>()(
    z.object({ username: z.string().trim().min(2).max(40), displayName: z.string().trim().min(1).max(20), password: z.string().min(6).max(200) }),
  ),
  'accounts.list': op<AccountView[]>()(z.object({})),
  /** The audit trail, for administrators. */
  'audit.list': op<AuditPage>()(AuditQueryInput),
  /** All entries matching the filter (paging ignored) to .xlsx. */
  'audit.export': op<ProducedFile>()(AuditQueryInput),
  'accounts.add': op<AccountView>()(
    z.object({
      username: z.string().trim().min(2).max(40),
      displayName: z.string().trim().min(1).max(20),
      role: z.enum(ROLES),
      password: z.string().min(6).max(200),
    }),
  ),
  /** An administrator renames, changes the role of, or 停用/启用 an account. */
  'accounts.update': op<AccountView>()(
    z.object({ id, displayName: z.string().trim().min(1).max(20).optional(), role: z.enum(ROLES).optional(), disabled: z.boolean().optional() }),
  ),
  /** An administrator sets a new password for an account (also lifts a lockout). */
  'accounts.resetPassword': op<{ reset: true }>()(z.object({ id, password: z.string().min(6).max(200) })),
  /** The signed-in person changes their own password. */
  'accounts.changePassword': op<{ changed: true }>()(z.object({ oldPassword: z.string().min(1).max(200), password: z.string().min(6).max(200) })),
  /** Minutes without input before the app locks itself. */
  'accounts.setIdle': op<{ idleMinutes: number }>()(z.object({ idleMinutes: z.number().int().min(1).max(IDLE_MINUTES_MAX) })),
  /** Back to single-user mode (all accounts removed); needs the administrator's password. */
  'accounts.turnOff': op<{ turnedOff: true }>()(z.object({ password: z.string().min(1).max(200) })),
  /** A member's full ID number, for a clerk who needs it; logged in the access log. */
  'privacy.revealId': op<{ idNumber: string }>()(z.object({ memberId: id })),
  /** The project ledger with a totals row over every project matching the filter. */
  'projects.list': op<ProjectListResult>()(ProjectListInput),
  'projects.get': op<ProjectDetail>()(z.object({ id, today: isoDate.optional() })),
  'projects.create': op<{ id: number }>()(ProjectFieldsInput),
  'projects.update': op<{ changed: string[] }>()(z.object({ id, fields: ProjectFieldsInput })),
  'projects.delete': op<{ deleted: true }>()(z.object({ id })),
  /** A budget line, disbursement, indicator, milestone (lifecycle rules checked), progress report or asset. */
  'projects.addRecord': op<{ id: number }>()(z.object({ projectId: id, record: ProjectRecordInput })),
  'projects.updateRecord': op<{ changed: string[] }>()(z.object({ id, record: ProjectRecordInput })),
  'projects.deleteRecord': op<{ deleted: true }>()(z.object({ id, kind: z.enum(PROJECT_RECORD_KINDS) })),
  /** Links beneficiary households picked in the roster or given by ID number / 户编号. */
  'projects.addBeneficiaries': op<{ added: number; already: number; notFound: string[] }>()(
    z.object({ projectId: id, householdIds: z.array(id).max(5000).optional(), keys: z.array(z.string().max(40)).max(5000).optional() }),
  ),
  'projects.removeBeneficiary': op<{ removed: true }>()(z.object({ id })),
  /** 资产台账: the assets of the township's projects. */
  'projects.assets': op<AssetView[]>()(AssetListInput),
  'projects.exportAssets': op<ProducedFile>()(AssetListInput),
  /** What an assisting unit brought a village: the data of the 帮扶单位交接表. */
  'projects.unitContribution': op<UnitContribution>()(UnitContributionInput),
  'projects.units': op<string[]>()(z.object({})),
  /** Reads and checks a county project list against the ledger without writing: a ProjectImportPreview job. */
  'projects.importPreview': op<JobStarted>()(ProjectImportSourceInput),
  /** Imports the project list in one transaction as an import batch (撤销本次导入 takes it back): a ProjectImportResult job. */
  'projects.importCommit': op<JobStarted>()(ProjectImportSourceInput),
  /** The project ledger to .xlsx, standard or in the layout of the last list imported: a job giving a file. */
  'projects.export': op<JobStarted>()(z.object({ layout: z.enum(['standard', 'source']).default('standard') })),
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
