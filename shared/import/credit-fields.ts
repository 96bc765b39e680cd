/** The columns of a bank's or county's 小额信贷 loan list and how their headers are written; money columns in 元 or 万元. */
import { aliasForm } from './households-fields'

export type CreditFieldKey =
  | 'seq' | 'village' | 'borrower' | 'id_number' | 'grade' | 'credit_limit' | 'bank' | 'contract_no' | 'amount' | 'loan_date'
  | 'term' | 'due_date' | 'purpose' | 'use' | 'enterprise' | 'balance' | 'subsidy' | 'status'

export interface CreditFieldDef {
  key: CreditFieldKey
  label: string
  aliases: readonly string[]
  money?: true
  /** Figures the ledger works out itself: recognised so an exported list reads back, not written. */
  derived?: true
}

/** The standard header first (the export writes it with 元), then the ways lists write it. */
export const CREDIT_FIELDS: readonly CreditFieldDef[] = [
  { key: 'seq', label: '序号', aliases: ['序'] },
  { key: 'village', label: '行政村', aliases: ['村', '所在村', '村名', '村别', '村组'] },
  { key: 'borrower', label: '借款人', aliases: ['户主姓名', '借款人姓名', '贷款人', '贷款户', '姓名', '户主', '贷款人姓名'] },
  { key: 'id_number', label: '身份证号码', aliases: ['证件号码', '身份证号', '借款人身份证号码', '身份证', '公民身份号码', '证件号'] },
  { key: 'grade', label: '信用等级', aliases: ['评级', '信用评级', '评定等级', '评级结果'] },
  { key: 'credit_limit', label: '授信额度', aliases: ['授信金额', '评级授信额度'], money: true },
  { key: 'bank', label: '贷款银行', aliases: ['经办银行', '放款银行', '承贷银行', '贷款机构', '经办机构', '承贷机构', '银行'] },
  { key: 'contract_no', label: '合同编号', aliases: ['借款合同编号', '合同号', '借款合同号', '贷款合同号', '贷款合同编号'] },
  { key: 'amount', label: '贷款金额', aliases: ['放款金额', '发放金额', '贷款额度', '借款金额', '金额'], money: true },
  { key: 'loan_date', label: '放款日期', aliases: ['发放日期', '贷款日期', '放款时间', '发放时间', '借款日期'] },
  { key: 'term', label: '期限（月）', aliases: ['贷款期限', '期限', '借款期限', '贷款期限（月）', '期限(月)'] },
  { key: 'due_date', label: '到期日期', aliases: ['到期日', '到期时间', '还款日期'] },
  { key: 'purpose', label: '贷款用途', aliases: ['用途', '资金用途', '借款用途', '发展产业'] },
  { key: 'use', label: '使用方式', aliases: ['户贷户用/户贷企用', '贷款使用方式', '资金使用方式', '是否户贷企用', '使用形式'] },
  { key: 'enterprise', label: '企业名称', aliases: ['带动企业', '入股企业', '合作企业', '用款企业', '企业'] },
  { key: 'balance', label: '贷款余额', aliases: ['余额', '未还金额', '剩余本金'], money: true },
  { key: 'subsidy', label: '贴息金额', aliases: ['贴息', '已贴息金额', '累计贴息', '贴息资金'], money: true },
  { key: 'status', label: '状态', aliases: ['贷款状态', '还款状态'], derived: true },
]

const BY_ALIAS = new Map<string, CreditFieldKey>()
for (const f of CREDIT_FIELDS) for (const a of [f.label, ...f.aliases]) BY_ALIAS.set(aliasForm(a), f.key)

export const creditField = (key: CreditFieldKey): CreditFieldDef => CREDIT_FIELDS.find((f) => f.key === key)!
export const creditFieldLabel = (key: CreditFieldKey): string => creditField(key).label
export const isCreditFieldKey = (k: string): k is CreditFieldKey => CREDIT_FIELDS.some((f) => f.key === k)

/** The field a header names, or null; a unit or note in brackets at the end is ignored (「贷款金额（万元）」). */
export function matchCreditField(text: string, group?: string): CreditFieldKey | null {
  for (const candidate of group ? [group + text, text] : [text]) {
    let n = aliasForm(candidate)
    while (n) {
      const hit = BY_ALIAS.get(n)
      if (hit) return hit
      const stripped = n.replace(/\([^()]*\)$/, '')
      if (stripped === n) break
      n = stripped
    }
  }
  return null
}

/** 「户贷企用」「企用」「是」(under 是否户贷企用) → 户贷企用; blank → null; unknown → undefined. */
export function normaliseUse(raw: string, header: string): '户贷户用' | '户贷企用' | null | undefined {
  const s = raw.replace(/\s+/g, '')
  if (!s) return null
  if (/企用|入股|企业/.test(s)) return '户贷企用'
  if (/户用|自用|自主/.test(s)) return '户贷户用'
  if (/是否/.test(header)) return /^(是|√)$/.test(s) ? '户贷企用' : /^(否|×)$/.test(s) ? '户贷户用' : undefined
  return undefined
}

/** 「AAA级」「3A」「优秀」 → AAA …; blank → null; unknown → undefined. */
export function normaliseGrade(raw: string): 'AAA' | 'AA' | 'A' | '未评级' | null | undefined {
  const s = raw.replace(/\s+/g, '').toUpperCase().replace(/级$/, '')
  if (!s) return null
  if (s === 'AAA' || s === '3A' || s === '优秀') return 'AAA'
  if (s === 'AA' || s === '2A' || s === '良好') return 'AA'
  if (s === 'A' || s === '1A' || s === '一般') return 'A'
  if (/未评|无|不予/.test(s)) return '未评级'
  return undefined
}

/** The fields a column can be mapped to in the 列对应 tab (the derived 状态 is not offered). */
export const CREDIT_MAPPING_OPTIONS = CREDIT_FIELDS.filter((f) => !f.derived).map((f) => ({ value: f.key, label: f.label }))
