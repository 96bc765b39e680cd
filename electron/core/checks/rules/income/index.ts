/** 收入: 人均纯收入 against the year's 监测线 (monitoring settings), income parts against the measures taken. */
import { fenToYuan } from '../../views'
import type { HouseholdView, RunContext } from '../../views'
import { shown } from '../helpers'
import { rule } from '../types'

const perCapita = (h: HouseholdView) => h.fen('人均纯收入')
const line = (ctx: RunContext) => fenToYuan(ctx.lineFen)
const zeroOrBlank = (h: HouseholdView, col: string) => (h.fen(col) ?? 0) === 0

export const incomeRules = [
  rule({
    code: 'income.new-case-high-income', title: '2023 年后识别的监测对象人均纯收入超过 2 万元', category: 'income', severity: '疑点', record: 'household',
    fields: ['识别监测时间', '人均纯收入（元）'], field: '人均纯收入（元）', covers: ['1111_18'],
    test: (h) => h.monitored && (h.get('识别监测时间') ?? '') >= '202301' && (perCapita(h) ?? 0) > 2_000_000,
    message: (h) => `${h.get('识别监测时间')} 识别的监测对象「人均纯收入」为 ${h.get('人均纯收入')} 元，超过 20000 元，请核实收入或识别是否得当`,
    examples: { fires: { household: { household_type: '监测户', per_capita_net_income_fen: 2_100_000 }, case: {} }, passes: { household: { household_type: '监测户' }, case: {} } },
  }),
  rule({
    code: 'income.under-line-not-monitored', title: '人均纯收入低于监测线未纳入监测', category: 'income', severity: '疑点', record: 'household',
    fields: ['人均纯收入（元）', '监测对象类别'], field: '人均纯收入（元）', covers: ['1_02_006'],
    test: (h, ctx) => ctx.lineFen !== null && !h.monitored && perCapita(h) !== null && perCapita(h)! < ctx.lineFen,
    message: (h, ctx) => `「人均纯收入」${h.get('人均纯收入')} 元低于 ${ctx.year} 年监测线 ${line(ctx)} 元，却未纳入监测，请核实收入或按程序纳入监测`,
    examples: { fires: { household: { per_capita_net_income_fen: 700_000 } }, passes: {} },
  }),
  rule({
    code: 'income.under-4000', title: '人均纯收入低于 4000 元', category: 'income', severity: '疑点', record: 'household',
    fields: ['人均纯收入（元）'], covers: ['3_11_010'],
    test: (h) => perCapita(h) !== null && perCapita(h)! < 400_000,
    message: (h) => `「人均纯收入」${h.get('人均纯收入')} 元低于 4000 元，请核实各项收入是否漏填`,
    examples: { fires: { household: { per_capita_net_income_fen: 399_900 } }, passes: {} },
  }),
  rule({
    code: 'income.assisted-elimination-under-line', title: '帮扶消除的人均纯收入低于监测线', category: 'income', severity: '错误', record: 'household',
    fields: ['户类型', '风险消除方式', '监测对象类别', '风险是否已消除', '人均纯收入（元）'], field: '人均纯收入（元）', covers: ['4_11_010'],
    test: (h, ctx) => ctx.lineFen !== null && h.eliminated && h.get('风险消除方式') === '帮扶消除' && perCapita(h) !== null && perCapita(h)! < ctx.lineFen,
    message: (h, ctx) => `帮扶消除风险，「人均纯收入」却只有 ${h.get('人均纯收入')} 元，低于 ${ctx.year} 年监测线 ${line(ctx)} 元，请核实收入或消除是否得当`,
    examples: {
      fires: { household: { per_capita_net_income_fen: 700_000 }, case: { elimination_method: '帮扶消除', elim_county_date: '2025-03-01' } },
      passes: { case: { elimination_method: '帮扶消除', elim_county_date: '2025-03-01' } },
    },
  }),
  rule({
    code: 'income.job-measure-no-wage', title: '有就业或公益岗位帮扶但无工资性收入', category: 'income', severity: '疑点', record: 'household',
    fields: ['户类型', '监测对象类别', '公益岗位帮扶', '就业帮扶', '工资性收入', '风险是否已消除'], field: '工资性收入', covers: ['4_11_012'],
    test: (h) => h.eliminated && h.measured('就业帮扶', '公益岗位帮扶') && zeroOrBlank(h, '工资性收入'),
    message: (h) => `已落实${h.measured('就业帮扶') ? '就业帮扶' : '公益岗位帮扶'}，「工资性收入」却为${shown(h.get('工资性收入'))}，请补录工资性收入`,
    examples: {
      fires: { household: { wage_income_fen: 0 }, case: { elim_county_date: '2025-03-01' }, measures: { 就业帮扶: ['劳务输出'] } },
      passes: { case: { elim_county_date: '2025-03-01' }, measures: { 就业帮扶: ['劳务输出'] } },
    },
  }),
  rule({
    code: 'income.welfare-measure-no-transfer', title: '有低保特困或残疾人补贴但无转移性收入', category: 'income', severity: '疑点', record: 'household',
    fields: ['综合保障', '户类型', '监测对象类别', '转移性收入', '风险是否已消除'], field: '转移性收入', covers: ['4_11_013'],
    test: (h) => h.eliminated && ['低保', '特困', '残疾人补贴'].some((i) => h.measureHas('综合保障', i)) && zeroOrBlank(h, '转移性收入'),
    message: (h) => `「综合保障」有${shown(h.get('综合保障'))}，「转移性收入」却为${shown(h.get('转移性收入'))}，请补录转移性收入`,
    examples: {
      fires: { household: { transfer_income_fen: null }, case: { elim_county_date: '2025-03-01' }, measures: { 综合保障: ['低保'] } },
      passes: { case: { elim_county_date: '2025-03-01' }, measures: { 综合保障: ['低保'] } },
    },
  }),
  rule({
    code: 'income.industry-measure-no-business', title: '有产业帮扶但无生产经营性收入', category: 'income', severity: '疑点', record: 'household',
    fields: ['户类型', '监测对象类别', '风险是否已消除', '产业帮扶', '生产经营性收入'], field: '生产经营性收入', covers: ['5_11_013'],
    test: (h) => h.eliminated && h.measured('产业帮扶') && zeroOrBlank(h, '生产经营性收入'),
    message: (h) => `已落实产业帮扶（${h.get('产业帮扶')}），「生产经营性收入」却为${shown(h.get('生产经营性收入'))}，请补录`,
    examples: {
      fires: { household: { business_income_fen: 0 }, case: { elim_county_date: '2025-03-01' } },
      passes: { case: { elim_county_date: '2025-03-01' } },
    },
  }),
  rule({
    code: 'income.tiny-wage', title: '工资性收入不足 100 元', category: 'income', severity: '提示', record: 'household',
    fields: ['风险是否已消除', '工资性收入'], field: '工资性收入', covers: ['5_15_0023'],
    test: (h) => h.open && (h.fen('工资性收入') ?? 0) > 0 && h.fen('工资性收入')! < 10_000,
    message: (h) => `「工资性收入」只有 ${h.get('工资性收入')} 元，请核实是否按年填写（单位：元/年）`,
    examples: { fires: { household: { wage_income_fen: 5_000 }, case: {} }, passes: { case: {} } },
  }),
  rule({
    code: 'income.illness-no-self-paid', title: '因病风险未填合规自付支出', category: 'income', severity: '疑点', record: 'household',
    fields: ['监测对象类别', '风险是否已消除', '合规自付支出', '致贫/返贫风险1'], field: '合规自付支出', covers: ['5_15_020'],
    test: (h) => h.open && h.hasRisk('因病') && (h.fen('合规自付支出') ?? 0) === 0,
    message: (h) => `风险为因病，「合规自付支出」却为${shown(h.get('合规自付支出'))}，请补录本年度合规自付医疗支出`,
    examples: {
      fires: { members: [{ health: '长期慢性病' }], case: { risks: ['因病'] }, measures: { 健康帮扶: ['医疗救助'] } },
      passes: { household: { extra: { 合规自付支出: '3200' } }, members: [{ health: '长期慢性病' }], case: { risks: ['因病'] }, measures: { 健康帮扶: ['医疗救助'] } },
    },
  }),
]
