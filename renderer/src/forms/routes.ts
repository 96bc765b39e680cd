/**
 * Routes of the printed forms (besides 户卡 by id or list filter):
 *   '#/print/acceptance/:projectId'        项目竣工验收单
 *   '#/print/asset-handover/:projectId'    扶贫项目资产移交表
 *   '#/print/unit-handover?unit=…&village=…&from=…&to=…'  帮扶单位交接表
 *   '#/print/notice/projects/:year'        项目公示
 *   '#/print/notice/beneficiaries/:projectId'  受益户公示
 *   '#/print/cards/village/:villageId'     户卡 of a whole village (a job with progress)
 *   '#/print/monitoring-approval/:caseId/identify|eliminate'  防返贫监测对象识别（纳入）/ 风险消除审批表
 *   '#/print/monitoring-notice/:villageId/identify|eliminate'  the village 公示 of new monitoring objects / eliminations
 *   '#/print/household-plan/:householdId'  一户一策 帮扶计划表
 *   '#/print/rectification'                问题整改台账
 *   '#/print/rectification/:problemId'     整改销号表
 *   '#/print/credit'                       扶贫小额信贷台账
 *   '#/print/posts-roster[/:villageId]'    公益性岗位人员花名册
 *   '#/print/posts-payslip/:month[?post=…|?village=…]'  公益性岗位工资发放表 of a month
 */
import type { MonitoringFormKind } from '../../../shared/api/forms-monitoring'

export interface UnitHandoverParams {
  unit: string
  villageId: number
  from?: string
  to?: string
}

export type PrintForm =
  | { form: 'acceptance'; projectId: number }
  | { form: 'asset-handover'; projectId: number }
  | { form: 'unit-handover'; params: UnitHandoverParams }
  | { form: 'notice-projects'; year: string }
  | { form: 'notice-beneficiaries'; projectId: number }
  | { form: 'cards-village'; villageId: number }
  | { form: 'monitoring-approval'; caseId: number; kind: MonitoringFormKind }
  | { form: 'monitoring-notice'; villageId: number; kind: MonitoringFormKind }
  | { form: 'household-plan'; householdId: number }
  | { form: 'rectification-ledger' }
  | { form: 'rectification-closure'; problemId: number }
  | { form: 'credit-ledger' }
  | { form: 'posts-roster'; villageId?: number | undefined }
  | { form: 'posts-payslip'; month: string; postId?: number | undefined; villageId?: number | undefined }

const ISO = /^\d{4}-\d{2}-\d{2}$/

export function parsePrintForm(hash: string): PrintForm | null {
  let m = /^#\/print\/acceptance\/(\d+)$/.exec(hash)
  if (m) return { form: 'acceptance', projectId: Number(m[1]) }
  m = /^#\/print\/asset-handover\/(\d+)$/.exec(hash)
  if (m) return { form: 'asset-handover', projectId: Number(m[1]) }
  m = /^#\/print\/notice\/projects\/(\d{4})$/.exec(hash)
  if (m) return { form: 'notice-projects', year: m[1]! }
  m = /^#\/print\/notice\/beneficiaries\/(\d+)$/.exec(hash)
  if (m) return { form: 'notice-beneficiaries', projectId: Number(m[1]) }
  m = /^#\/print\/cards\/village\/(\d+)$/.exec(hash)
  if (m) return { form: 'cards-village', villageId: Number(m[1]) }
  m = /^#\/print\/monitoring-approval\/(\d+)\/(identify|eliminate)$/.exec(hash)
  if (m) return { form: 'monitoring-approval', caseId: Number(m[1]), kind: m[2] as MonitoringFormKind }
  m = /^#\/print\/monitoring-notice\/(\d+)\/(identify|eliminate)$/.exec(hash)
  if (m) return { form: 'monitoring-notice', villageId: Number(m[1]), kind: m[2] as MonitoringFormKind }
  m = /^#\/print\/household-plan\/(\d+)$/.exec(hash)
  if (m) return { form: 'household-plan', householdId: Number(m[1]) }
  if (hash === '#/print/rectification') return { form: 'rectification-ledger' }
  if (hash === '#/print/credit') return { form: 'credit-ledger' }
  m = /^#\/print\/rectification\/(\d+)$/.exec(hash)
  if (m) return { form: 'rectification-closure', problemId: Number(m[1]) }
  m = /^#\/print\/posts-roster(?:\/(\d+))?$/.exec(hash)
  if (m) return { form: 'posts-roster', villageId: m[1] ? Number(m[1]) : undefined }
  m = /^#\/print\/posts-payslip\/(\d{4}-(?:0[1-9]|1[0-2]))(?:\?(.*))?$/.exec(hash)
  if (m) {
    const q = new URLSearchParams(m[2] ?? '')
    const n = (k: string) => (/^\d+$/.test(q.get(k) ?? '') ? Number(q.get(k)) : undefined)
    return { form: 'posts-payslip', month: m[1]!, postId: n('post'), villageId: n('village') }
  }
  m = /^#\/print\/unit-handover\?(.*)$/.exec(hash)
  if (m) {
    const q = new URLSearchParams(m[1])
    const unit = q.get('unit')?.trim()
    const village = Number(q.get('village'))
    if (!unit || !Number.isInteger(village) || village <= 0) return null
    const from = q.get('from') ?? ''
    const to = q.get('to') ?? ''
    return { form: 'unit-handover', params: { unit, villageId: village, from: ISO.test(from) ? from : undefined, to: ISO.test(to) ? to : undefined } }
  }
  return null
}

export function unitHandoverHash(p: UnitHandoverParams): string {
  const q = new URLSearchParams({ unit: p.unit, village: String(p.villageId) })
  if (p.from) q.set('from', p.from)
  if (p.to) q.set('to', p.to)
  return `#/print/unit-handover?${q.toString()}`
}
