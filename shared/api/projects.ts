/** The projects area: the project ledger, its assets and its list in and out; money arrives as 元 text and is kept as 分. */
import { z } from 'zod'
import type { AssetView, ProjectDetail, ProjectListResult } from '../domain/projects'
import type { ProducedFile } from './files'
import type { JobStarted } from './jobs'
import { fileId, id, none, op } from './op'
import {
  ACCEPTANCE_RESULTS,
  ASSET_CATEGORIES,
  INDICATOR_LEVEL1,
  MILESTONE_KINDS,
  PROJECT_STATUSES,
} from '../domain/projects'

const isoDate = z.string().regex(/^\d{4}-\d{2}-\d{2}$/, '日期应为 年-月-日，如 2024-03-01')
const text = (max: number) => z.string().trim().max(max).nullable().default(null)
/** 元 with up to two decimals, as typed: '12,000.50'. */
export const yuanText = z.string().trim().regex(/^\d{1,12}(\.\d{1,2})?$/, '金额应为元，最多两位小数，如 12000.50')
const count = z.number().int().min(0).max(1_000_000).nullable().default(null)

export const ProjectFieldsInput = z.object({
  projectNo: text(40),
  projectName: z.string().trim().min(1).max(200),
  category: text(40),
  subtype: text(40),
  nature: text(20),
  year: z.string().regex(/^\d{4}$/, '年度应为四位数字，如 2024').nullable().default(null),
  township: text(40),
  villageId: id.nullable().default(null),
  location: text(200),
  content: text(2000),
  plannedStart: isoDate.nullable().default(null),
  plannedEnd: isoDate.nullable().default(null),
  implementer: text(100),
  contractor: text(100),
  supervisor: text(100),
  responsibleUnit: text(100),
  responsiblePerson: text(40),
  responsiblePhone: text(20),
  assistingUnit: text(100),
  farmerLink: text(2000),
  declaredHouseholds: count,
  declaredPersons: count,
  declaredPoorHouseholds: count,
  declaredPoorPersons: count,
  settlement: yuanText.nullable().default(null),
  acceptanceOpinion: text(2000),
  acceptanceChecks: text(2000),
  rectification: text(2000),
  handoverNote: text(2000),
})
export type ProjectFieldsInput = z.input<typeof ProjectFieldsInput>

export const ProjectListInput = z.object({
  search: z.string().trim().max(100).optional(),
  year: z.string().regex(/^\d{4}$/).optional(),
  category: z.string().max(40).optional(),
  villageId: id.optional(),
  status: z.enum(PROJECT_STATUSES as [string, ...string[]]).optional(),
  source: z.string().trim().min(1).max(40).optional(),
  lagging: z.boolean().optional(),
  /** 'today' for the 滞后 check; the UI passes its own date so tests can pin it. */
  today: isoDate.optional(),
  page: z.number().int().min(1).default(1),
  pageSize: z.number().int().min(1).max(500).default(50),
})

/** One record of a project's tabs, told apart by `kind`. */
export const ProjectRecordInput = z.discriminatedUnion('kind', [
  z.object({ kind: z.literal('budget'), source: z.string().trim().min(1, '请选择资金来源').max(40), unitName: text(100), amount: yuanText, note: text(200) }),
  z.object({
    kind: z.literal('disbursement'),
    date: isoDate,
    amount: yuanText,
    source: z.string().trim().min(1).max(40).nullable().default(null),
    batch: text(40),
    docNo: text(100),
    payee: text(100),
  }),
  z.object({
    kind: z.literal('indicator'),
    level1: z.enum(INDICATOR_LEVEL1 as [string, ...string[]]),
    level2: text(40),
    indicator: z.string().trim().min(1).max(200),
    target: text(100),
    unit: text(20),
    actual: text(100),
  }),
  z.object({
    kind: z.literal('milestone'),
    milestone: z.enum(MILESTONE_KINDS),
    date: isoDate,
    result: z.enum(ACCEPTANCE_RESULTS).nullable().default(null),
    winner: text(100),
    note: text(1000),
  }),
  z.object({
    kind: z.literal('progress'),
    date: isoDate,
    percent: z.number().int().min(0).max(100),
    invested: yuanText.nullable().default(null),
    lagReason: text(500),
  }),
  z.object({
    kind: z.literal('asset'),
    assetNo: text(40),
    assetName: z.string().trim().min(1).max(200),
    category: z.enum(ASSET_CATEGORIES),
    quantity: text(40),
    unit: text(20),
    originalValue: yuanText.nullable().default(null),
    builtDate: isoDate.nullable().default(null),
    location: text(200),
    owner: text(100),
    operator: text(100),
    custodian: text(100),
    custodianPerson: text(40),
    incomeDistribution: text(500),
    householdId: id.nullable().default(null),
    note: text(500),
  }),
])
export type ProjectRecordInput = z.input<typeof ProjectRecordInput>
export type ProjectRecordKind = ProjectRecordInput['kind']
export const PROJECT_RECORD_KINDS = ['budget', 'disbursement', 'indicator', 'milestone', 'progress', 'asset'] as const

export const AssetListInput = z.object({
  villageId: id.optional(),
  category: z.enum(ASSET_CATEGORIES).optional(),
  year: z.string().regex(/^\d{4}$/).optional(),
  projectId: id.optional(),
})

export const UnitContributionInput = z.object({
  unitName: z.string().trim().min(1).max(100),
  villageId: id,
  from: isoDate.optional(),
  to: isoDate.optional(),
})

/** What an assisting unit brought a village: the data of the 帮扶单位交接表. */
export interface UnitContribution {
  unitName: string
  villageId: number
  village: string
  from: string | null
  to: string | null
  /**
   * 争取的资金: funds the unit obtained for the village, recorded as such (from whom, for what) — never
   * a project's own 中央/县级 allocations.
   */
  obtained: ObtainedFundView[]
  /** 帮村项目: village projects paid (partly) by the unit's own funds. */
  villageProjects: { projectId: number; projectName: string; year: string | null; amountFen: number }[]
  /** 帮户项目: aid the unit gave to households of the village. */
  householdAid: { date: string; description: string; households: number; amountFen: number }[]
  obtainedFen: number
  villageProjectsFen: number
  householdAidFen: number
  /** Raised by the unit itself: 帮村 + 帮户. */
  raisedFen: number
  totalFen: number
  /** What the closing statement is built from: the projects the unit helped in the village (period as above) … */
  /** … with money not yet paid out (结余 = budget − disbursed), */
  balances: { projectId: number; projectName: string; balanceFen: number }[]
  balanceFen: number
  /** … not yet accepted (未完成), */
  unfinished: { projectId: number; projectName: string; status: string }[]
  /** … and the unit's own pledged funds (帮扶单位资金) not yet paid. */
  unpaid: { projectId: number; projectName: string; pledgedFen: number; paidFen: number; unpaidFen: number }[]
  unpaidFen: number
}

/** One record of funds an assisting unit obtained for a village (争取的资金). */
export interface ObtainedFundView {
  id: number
  unitName: string
  villageId: number
  date: string
  amountFen: number
  /** From whom: 县财政局, 省农业农村厅 … */
  grantor: string
  purpose: string
  projectId: number | null
  projectName: string | null
  note: string | null
}

export const ObtainedFundInput = z.object({
  unitName: z.string().trim().min(1).max(100),
  villageId: id,
  date: isoDate,
  amount: yuanText,
  grantor: z.string().trim().min(1).max(100),
  purpose: z.string().trim().min(1).max(500),
  projectId: id.nullable().default(null),
  note: z.string().trim().max(500).nullable().default(null),
})

/**
 * Which project list file and sheet to read, and the clerk's corrections: the column mapping
 * (0-based column index → project field or `fund:<来源>`, null to keep as written) and the unit of
 * money columns where the file states none.
 */
export const ProjectImportSourceInput = z.object({
  fileId,
  sheet: z.string().max(200).optional(),
  mapping: z.record(z.string().regex(/^\d+$/), z.string().max(64).nullable()).optional(),
  assumedUnit: z.enum(['wan', 'yuan']).optional(),
})

export const projectsOps = {
  /** The project ledger with a totals row over every project matching the filter. */
  'projects.list': op<ProjectListResult>()(ProjectListInput, 'read'),
  'projects.get': op<ProjectDetail>()(z.object({ id, today: isoDate.optional() }), 'read'),
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
  'projects.assets': op<AssetView[]>()(AssetListInput, 'read'),
  'projects.exportAssets': op<ProducedFile>()(AssetListInput, 'read'),
  /** What an assisting unit brought a village: the data of the 帮扶单位交接表. */
  'projects.unitContribution': op<UnitContribution>()(UnitContributionInput, 'read'),
  'projects.units': op<string[]>()(none, 'read'),
  /** 争取的资金 of a unit for a village (all periods). */
  'projects.obtainedFunds': op<ObtainedFundView[]>()(z.object({ unitName: z.string().trim().min(1).max(100), villageId: id }), 'read'),
  /** Records funds a unit obtained for a village (from whom, how much, for what). */
  'projects.addObtainedFund': op<{ id: number }>()(ObtainedFundInput),
  'projects.deleteObtainedFund': op<{ deleted: true }>()(z.object({ id })),
  /** 资金来源 in use: the standard ones and every other a budget line names, in the county's order. */
  'projects.sources': op<string[]>()(none, 'read'),
  /** Reads and checks a county project list against the ledger without writing: a ProjectImportPreview job. */
  'projects.importPreview': op<JobStarted>()(ProjectImportSourceInput, 'read'),
  /** Imports the project list in one transaction as an import batch (撤销本次导入 takes it back): a ProjectImportResult job. */
  'projects.importCommit': op<JobStarted>()(ProjectImportSourceInput),
  /** The project ledger to .xlsx, standard or in the layout of the last list imported: a job giving a file. */
  'projects.export': op<JobStarted>()(z.object({ layout: z.enum(['standard', 'source']).default('standard') }), 'read'),
}
