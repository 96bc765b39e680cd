/**
 * A few problems for the demo township's 问题整改台账, written through the rectification area's own
 * functions (so through the audited write path): one 已销号 with its progress, one 整改中, one
 * overdue and one near its deadline (dated from today, so the reminders show them). Each is linked
 * to a demo village, household or project, which is how removing the demo finds them.
 */
import type { Ledger } from '../db/open'
import { addProgress, createProblem, setStatus } from '../rectification'

const isoDay = (d: Date) => `${d.getFullYear()}-${String(d.getMonth() + 1).padStart(2, '0')}-${String(d.getDate()).padStart(2, '0')}`
const shift = (days: number, from = new Date()) => isoDay(new Date(from.getFullYear(), from.getMonth(), from.getDate() + days))

export function writeDemoRectification(ledger: Ledger, actor: string, villages: { villageId: number; households: number[] }[], projectIds: number[]): void {
  const [v1, v2] = villages
  if (!v1) return
  const closed = createProblem(ledger, actor, {
    source: '县巡视', batchNo: `县巡反〔${shift(-120).slice(0, 4)}〕2号`, problemNo: `SL-${shift(-120).slice(0, 4)}-01`, foundDate: shift(-120), description: '部分脱贫户收入台账与入户核实情况不一致',
    scope: 'village', villageId: v1.villageId, leader: '王副镇长', unit: '镇农业农村办', person: '李专干', measures: '逐户入户核实收入，更新台账并经户主签字确认', deadline: shift(-60),
    similar: '全镇各村同步排查收入台账，另发现 3 户同类问题并已整改',
  })
  addProgress(ledger, actor, closed, shift(-100), '已完成 40 户入户核实')
  addProgress(ledger, actor, closed, shift(-75), '台账更新完毕，户主签字确认')
  setStatus(ledger, actor, { id: closed, status: '已整改', date: shift(-70) })
  setStatus(ledger, actor, { id: closed, status: '已销号', date: shift(-50), approver: '县乡村振兴局' })

  const household = v1.households[0]
  if (household) {
    const started = createProblem(ledger, actor, {
      source: '暗访', foundDate: shift(-30), description: '该户饮水安全保障不稳定，雨季水质浑浊', scope: 'household', householdId: household,
      leader: '张书记', unit: '镇水务站', person: '赵站长', measures: '加装过滤设施，协调接入集中供水管网', deadline: shift(40),
    })
    addProgress(ledger, actor, started, shift(-20), '已安装过滤设施，管网接入方案报县水利局')
  }
  createProblem(ledger, actor, {
    source: '审计', batchNo: `审计发现〔${shift(-45).slice(0, 4)}〕5号`, foundDate: shift(-45), description: '项目资金拨付进度滞后，结余资金未及时统筹使用',
    scope: projectIds[0] ? 'project' : 'village', projectId: projectIds[0] ?? null, villageId: projectIds[0] ? null : v1.villageId,
    leader: '张镇长', unit: '镇财政所', person: '孙会计', measures: '倒排拨付计划，每周通报进度', deadline: shift(-10),
  })
  createProblem(ledger, actor, {
    source: '自查', foundDate: shift(-14), description: '村务公开栏帮扶政策内容未及时更新', scope: 'village', villageId: (v2 ?? v1).villageId,
    unit: '村委会', person: '周主任', measures: '按月更新公开栏，留存照片', deadline: shift(5),
  })
}

/** The demo's problems: those linked to a demo village, household or project (called before those are removed). */
export const DEMO_PROBLEMS = `(village_id IN (SELECT id FROM villages WHERE is_demo = 1)
  OR household_id IN (SELECT h.id FROM households h JOIN villages v ON v.id = h.village_id WHERE v.is_demo = 1)
  OR project_id IN (SELECT p.id FROM projects p JOIN villages v ON v.id = p.village_id WHERE v.is_demo = 1))`
