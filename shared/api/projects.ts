/** Input schemas of the project operations; money arrives as 元 text and is kept as 分. */
import { z } from 'zod'
import {
  ACCEPTANCE_RESULTS,
  ASSET_CATEGORIES,
  FUND_SOURCES,
  INDICATOR_LEVEL1,
  MILESTONE_KINDS,
  PROJECT_STATUSES,
} from '../domain/projects'

const id = z.number().int().positive()
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
  source: z.enum(FUND_SOURCES).optional(),
  lagging: z.boolean().optional(),
  /** 'today' for the 滞后 check; the UI passes its own date so tests can pin it. */
  today: isoDate.optional(),
  page: z.number().int().min(1).default(1),
  pageSize: z.number().int().min(1).max(500).default(50),
})

/** One record of a project's tabs, told apart by `kind`. */
export const ProjectRecordInput = z.discriminatedUnion('kind', [
  z.object({ kind: z.literal('budget'), source: z.enum(FUND_SOURCES), unitName: text(100), amount: yuanText, note: text(200) }),
  z.object({
    kind: z.literal('disbursement'),
    date: isoDate,
    amount: yuanText,
    source: z.enum(FUND_SOURCES).nullable().default(null),
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
  /** 争取的财政资金: fiscal budget of projects the unit obtained for the village. */
  obtained: { projectId: number; projectName: string; year: string | null; sources: string; amountFen: number }[]
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
}
