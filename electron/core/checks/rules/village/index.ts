/**
 * 行政村: the 行政村信息 table's statistics of exited (出列) villages. Read from the village's cells as
 * the village table import keeps them; a village whose table was never imported is not checked.
 */
import type { VillageView } from '../../views'
import { shown } from '../helpers'
import { rule, type Example, type RuleDef } from '../types'

const EXIT = '是否出列'
/** A clean 行政村信息 row of an exited village. */
const CLEAN: Record<string, string> = {
  是否出列: '是', 总户数: '420', 总人口数: '1630', '村级集体经济收入（万元）': '12.5', '村小学（个数）': '1', 参加城乡居民基本养老保险人数: '980',
  是否通客运班车: '是', 行政村卫生室个数: '1', 行政村公共卫生厕所个数: '2', '行政村执业（助理）医师（人）': '1',
  '行政村生产生活垃圾集中堆放点个数（个）': '3', '行政村文化（图书）室个数 （个）': '1', 低保人口数: '56', 低保户数: '21', 特困供养人口数: '4',
  残疾人口数: '38', '到乡镇是否通沥青（水泥）路': '是', 未实现饮水安全户数: '0', 危房户数: '0',
}
const withCells = (cells: Record<string, string> = {}): Example => ({ village: { extra: { ...CLEAN, ...cells } } })
const exited = (v: VillageView) => v.exited

function exitedBlank(code: string, title: string, covers: string[], cols: string[], zeroToo = false): RuleDef {
  return rule({
    code, title, category: 'other:village', severity: '疑点', record: 'village', fields: [EXIT, ...cols], field: cols[0]!, covers,
    test: (v) => exited(v) && cols.some((c) => v.blank(c) || (zeroToo && v.num(c) === 0)),
    message: (v) => `已出列村${cols.filter((c) => v.blank(c) || (zeroToo && v.num(c) === 0)).map((c) => `「${c}」为${shown(v.get(c))}`).join('、')}，请按实际填报`,
    examples: { fires: withCells(Object.fromEntries(cols.map((c) => [c, '']))), passes: withCells() },
  })
}

export const villageRules: RuleDef[] = [
  exitedBlank('village.population-blank', '出列村总人口数为空或 0', ['1_03_002'], ['总人口数'], true),
  exitedBlank('village.collective-income-blank', '出列村村级集体经济收入为空或 0', ['1_03_003'], ['村级集体经济收入（万元）'], true),
  exitedBlank('village.school-blank', '出列村村小学个数为空', ['1_03_004'], ['村小学（个数）']),
  exitedBlank('village.pension-count-blank', '出列村参加养老保险人数为空', ['1_03_006'], ['参加城乡居民基本养老保险人数']),
  exitedBlank('village.bus-blank', '出列村是否通客运班车为空', ['1_03_007'], ['是否通客运班车']),
  exitedBlank('village.clinic-blank', '出列村卫生室个数为空', ['1_03_009'], ['行政村卫生室个数']),
  exitedBlank('village.toilet-blank', '出列村公共卫生厕所个数为空', ['1_03_010'], ['行政村公共卫生厕所个数']),
  exitedBlank('village.doctor-blank', '出列村执业（助理）医师为空', ['1_03_011'], ['行政村执业（助理）医师（人）']),
  exitedBlank('village.garbage-blank', '出列村垃圾集中堆放点个数为空', ['1_03_012'], ['行政村生产生活垃圾集中堆放点个数（个）']),
  exitedBlank('village.library-blank', '出列村文化（图书）室个数为空', ['1_03_013'], ['行政村文化（图书）室个数 （个）']),
  exitedBlank('village.dibao-blank', '出列村低保户数或人口数为空', ['1_03_014'], ['低保人口数', '低保户数']),
  exitedBlank('village.tekun-blank', '出列村特困供养人口数为空', ['1_03_015'], ['特困供养人口数']),
  exitedBlank('village.disabled-blank', '出列村残疾人口数为空', ['1_03_016'], ['残疾人口数']),
  exitedBlank('village.households-blank', '出列村总户数为空或 0', ['3_03_003'], ['总户数'], true),
  rule({
    code: 'village.no-hard-road', title: '出列村未通硬化路到乡镇', category: 'other:village', severity: '错误', record: 'village',
    fields: [EXIT, '到乡镇是否通沥青（水泥）路'], field: '到乡镇是否通沥青（水泥）路', covers: ['2_03_001'],
    test: (v) => exited(v) && v.hasStatistics && v.get('到乡镇是否通沥青（水泥）路') !== '是',
    message: (v) => `已出列村「到乡镇是否通沥青（水泥）路」为${shown(v.get('到乡镇是否通沥青（水泥）路'))}，请核实`,
    examples: { fires: withCells({ '到乡镇是否通沥青（水泥）路': '否' }), passes: withCells() },
  }),
  rule({
    code: 'village.problem-households-exceed', title: '饮水不安全户与危房户之和超过总户数', category: 'other:village', severity: '错误', record: 'village',
    fields: [EXIT, '未实现饮水安全户数', '危房户数', '总户数'], field: '总户数', covers: ['3_03_001'],
    test: (v) => exited(v) && (v.num('未实现饮水安全户数') ?? 0) + (v.num('危房户数') ?? 0) > (v.num('总户数') ?? Infinity),
    message: (v) => `未实现饮水安全户数 ${v.get('未实现饮水安全户数')} 加危房户数 ${v.get('危房户数')} 超过总户数 ${v.get('总户数')}，请核实`,
    examples: { fires: withCells({ 未实现饮水安全户数: '300', 危房户数: '200' }), passes: withCells() },
  }),
]
