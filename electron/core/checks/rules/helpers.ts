/** Shared predicates and rule factories for the catalogue's folders. */
import type { HouseholdView, PersonView } from '../views'
import { rule, type Category, type Example, type RuleDef, type Severity } from './types'

export const ABLE = ['普通劳动力', '技能劳动力'] as const
export const NO_LABOUR = ['无劳动力', '丧失劳动力'] as const
export const WEAK = '弱劳动力或半劳动力'
export const isAble = (p: PersonView) => (ABLE as readonly string[]).includes(p.get('劳动技能') ?? '')
export const noLabour = (p: PersonView) => (NO_LABOUR as readonly string[]).includes(p.get('劳动技能') ?? '')
export const between = (n: number | null, lo: number, hi: number) => n !== null && n >= lo && n <= hi

/** Who a rule looks at. */
export type Scope = 'poor' | 'monitored' | 'poorOrMonitored' | 'all'
export const SCOPE_LABEL: Record<Scope, string> = { poor: '脱贫户', monitored: '监测对象', poorOrMonitored: '脱贫户或监测对象', all: '' }
export function inScope(r: PersonView | HouseholdView, scope: Scope): boolean {
  if (scope === 'all') return true
  if (scope === 'poor') return r.poor
  if (scope === 'monitored') return r.monitored
  return r.poor || r.monitored
}
/** An Example that puts the household in the scope (the clean household is a 脱贫户, not monitored). */
export function scoped(scope: Scope, ex: Example = {}): Example {
  if (scope !== 'monitored') return ex
  return { ...ex, household: { household_type: '监测户', ...ex.household }, case: ex.case ?? {} }
}

/** Who the record is, for a message: 脱贫户 / 监测对象 (or nothing). */
export const whoOf = (r: PersonView | HouseholdView, scope: Scope): string =>
  scope === 'all' ? '' : r.monitored && scope !== 'poor' ? '监测对象的' : r.poor ? '脱贫户的' : ''

/** `「field」为「value」` for a message. */
export const shown = (v: string | null) => (v === null ? '空白' : `「${v}」`)

interface BlankSpec {
  code: string
  title: string
  category: Category
  covers: readonly string[]
  col: string
  scope: Scope
  record?: 'person' | 'household'
  severity?: Severity
  /** How the clean example's column is made blank. */
  blank: Example
  fields?: readonly string[]
  /** Further condition (e.g. aged 16+). */
  when?: (p: PersonView) => boolean
  whenNote?: string
}

/** 「<col>」 blank in a column the ledger holds. */
export function blankRule(s: BlankSpec): RuleDef {
  const fields = s.fields ?? [s.col, ...(s.scope === 'poor' ? ['户类型'] : s.scope === 'monitored' ? ['监测对象类别'] : s.scope === 'poorOrMonitored' ? ['户类型', '监测对象类别'] : [])]
  const base = {
    code: s.code, title: s.title, category: s.category, severity: s.severity ?? '疑点', fields, field: s.col, covers: s.covers,
    examples: { fires: scoped(s.scope, s.blank), passes: scoped(s.scope) },
  }
  const msg = (r: PersonView | HouseholdView) => `${whoOf(r, s.scope)}「${s.col}」为空白${s.whenNote ?? ''}，请按实际情况补录`
  if ((s.record ?? 'person') === 'household') {
    return rule({ ...base, record: 'household', test: (h) => inScope(h, s.scope) && h.blank(s.col), message: msg })
  }
  return rule({ ...base, record: 'person', test: (p) => inScope(p, s.scope) && (s.when?.(p) ?? true) && p.blank(s.col), message: msg })
}

interface RangeSpec {
  code: string
  title: string
  category: Category
  covers: readonly string[]
  col: string
  scope: Scope
  max: number
  fires: Example
  unit?: string
}

/** A household number outside 0…max (or not a number). */
export function rangeRule(s: RangeSpec): RuleDef {
  return rule({
    code: s.code, title: s.title, category: s.category, severity: '疑点', record: 'household',
    fields: [s.col, s.scope === 'monitored' ? '监测对象类别' : '户类型'], field: s.col, covers: s.covers,
    test: (h) => {
      if (!inScope(h, s.scope)) return false
      const v = h.get(s.col)
      if (v === null) return false
      const n = h.num(s.col)
      return n === null || n < 0 || n > s.max
    },
    message: (h) => `${whoOf(h, s.scope)}「${s.col}」为${shown(h.get(s.col))}，不在 0～${s.max}${s.unit ?? ''} 之间，请核实后更正`,
    examples: { fires: scoped(s.scope, s.fires), passes: scoped(s.scope) },
  })
}
