import { useEffect, useState } from 'react'
import { parsePrintForm, type PrintForm } from './forms/routes'
import { statsPrintFromHash, type ReportKind } from '../../shared/domain/stats'

/**
 * Hash routes: '#/' (household list), '#/households/:id', '#/import', '#/data', and the printable
 * 户卡 '#/print/cards/1,2,3' or '#/print/cards/filter' (the household list's current filter).
 */
export type Route =
  | { page: 'households' }
  /** focus 'monitoring': opened from 监测预警, scrolled to the 监测 card. */
  | { page: 'household'; id: number; focus?: 'monitoring' }
  | { page: 'import' }
  | { page: 'data' }
  | { page: 'helpers' }
  | { page: 'helper'; id: number }
  | { page: 'assistance-household'; id: number }
  | { page: 'accounts' }
  /** 访问日志: who revealed or exported full ID numbers (管理员). */
  | { page: 'access-log' }
  | { page: 'print-cards'; householdIds?: number[] }
  | { page: 'forms' }
  /** The other printed forms (验收单, 移交表, 交接表, 公示, 全村户卡): see forms/routes.ts. */
  | { page: 'print-form'; form: PrintForm }
  | { page: 'projects' }
  | { page: 'project-import' }
  | { page: 'project'; id: number }
  | { page: 'assets' }
  /** 监测设置: the per-year monitoring line and deadlines. */
  | { page: 'monitoring-settings' }
  /** 监测预警: the worklists, as of today or of the date in the address ('#/monitoring-worklists/2026-12-01'). */
  | { page: 'monitoring-worklists'; asOf?: string }
  /** 导入国家系统表格: 户信息, 已外出务工信息, 计划外出务工信息, 行政村信息. */
  | { page: 'national-import' }
  /** 行政村信息: the villages' figures from the national system, edited here. */
  | { page: 'villages' }
  /** 疑点核查. */
  | { page: 'checks' }
  /** The printable 疑点核查汇总. */
  | { page: 'checks-print' }
  /** 统计 and its report forms on the print path ('#/print/stats/<kind>?asOf=…&year=…'). */
  | { page: 'stats' }
  | { page: 'stats-print'; kind: ReportKind; asOf: string; year?: string | undefined }
  /** 问题整改台账, its import and one problem. */
  | { page: 'rectification' }
  | { page: 'credit' }
  | { page: 'credit-import' }
  | { page: 'loan'; id: number }
  | { page: 'rectification-import' }
  | { page: 'problem'; id: number }
  /** 公益性岗位, its import and one post. */
  | { page: 'posts' }
  | { page: 'posts-import' }
  | { page: 'post'; id: number }

export function parseRoute(hash: string): Route {
  const m = /^#\/households\/(\d+)$/.exec(hash)
  if (m) return { page: 'household', id: Number(m[1]) }
  const focused = /^#\/households\/(\d+)\/monitoring$/.exec(hash)
  if (focused) return { page: 'household', id: Number(focused[1]), focus: 'monitoring' }
  if (hash === '#/import') return { page: 'import' }
  if (hash === '#/data') return { page: 'data' }
  if (hash === '#/helpers') return { page: 'helpers' }
  const helper = /^#\/helpers\/(\d+)$/.exec(hash)
  if (helper) return { page: 'helper', id: Number(helper[1]) }
  const assisted = /^#\/assistance\/household\/(\d+)$/.exec(hash)
  if (assisted) return { page: 'assistance-household', id: Number(assisted[1]) }
  if (hash === '#/accounts') return { page: 'accounts' }
  if (hash === '#/access-log') return { page: 'access-log' }
  if (hash === '#/projects' || hash.startsWith('#/projects?')) return { page: 'projects' }
  if (hash === '#/stats') return { page: 'stats' }
  const report = statsPrintFromHash(hash)
  if (report) return { page: 'stats-print', ...report }
  if (hash === '#/projects/import') return { page: 'project-import' }
  // Digits only: '#/projects/import' is a page of its own.
  const project = /^#\/projects\/(\d+)$/.exec(hash)
  if (project) return { page: 'project', id: Number(project[1]) }
  if (hash === '#/assets') return { page: 'assets' }
  if (hash === '#/monitoring-settings') return { page: 'monitoring-settings' }
  if (hash === '#/monitoring-worklists') return { page: 'monitoring-worklists' }
  const worklists = /^#\/monitoring-worklists\/(\d{4}-\d{2}-\d{2})$/.exec(hash)
  if (worklists) return { page: 'monitoring-worklists', asOf: worklists[1]! }
  if (hash === '#/national-import') return { page: 'national-import' }
  if (hash === '#/villages') return { page: 'villages' }
  if (hash === '#/checks') return { page: 'checks' }
  if (hash === '#/print/checks') return { page: 'checks-print' }
  if (hash === '#/credit') return { page: 'credit' }
  if (hash === '#/credit/import') return { page: 'credit-import' }
  const loan = /^#\/credit\/(\d+)$/.exec(hash)
  if (loan) return { page: 'loan', id: Number(loan[1]) }
  if (hash === '#/rectification') return { page: 'rectification' }
  if (hash === '#/rectification/import') return { page: 'rectification-import' }
  const problem = /^#\/rectification\/(\d+)$/.exec(hash)
  if (problem) return { page: 'problem', id: Number(problem[1]) }
  if (hash === '#/posts') return { page: 'posts' }
  if (hash === '#/posts/import') return { page: 'posts-import' }
  const post = /^#\/posts\/(\d+)$/.exec(hash)
  if (post) return { page: 'post', id: Number(post[1]) }
  if (hash === '#/forms') return { page: 'forms' }
  const form = parsePrintForm(hash)
  if (form) return { page: 'print-form', form }
  if (hash === '#/print/cards/filter') return { page: 'print-cards' }
  const cards = /^#\/print\/cards\/(\d+(?:,\d+)*)$/.exec(hash)
  if (cards) return { page: 'print-cards', householdIds: cards[1]!.split(',').map(Number) }
  return { page: 'households' }
}

export function useRoute(): Route {
  const [route, setRoute] = useState(() => parseRoute(location.hash))
  useEffect(() => {
    let shown = location.hash
    const onChange = () => {
      // A page with unsaved edits may keep the clerk here (back button, typed address).
      const asked = navigating
      navigating = false
      if (!asked && leaveGuard && location.hash !== shown) {
        const target = location.hash
        if (!leaveGuard(() => go(target))) {
          history.replaceState(null, '', shown)
          return
        }
      }
      shown = location.hash
      setRoute(parseRoute(location.hash))
    }
    window.addEventListener('hashchange', onChange)
    return () => window.removeEventListener('hashchange', onChange)
  }, [])
  return route
}

export const navigate = (hash: string) => {
  if (hash === location.hash) return
  if (leaveGuard && !leaveGuard(() => go(hash))) return
  go(hash)
}

/** Goes to `hash` without asking (already asked): the hashchange this causes goes through. */
function go(hash: string) {
  navigating = true
  location.hash = hash
}

let navigating = false

/**
 * Asked before leaving the current page: returns true when leaving may go ahead now; otherwise it
 * may ask the clerk (the app's own dialog) and call `proceed` once they agree.
 */
export type LeaveGuard = (proceed: () => void) => boolean
let leaveGuard: LeaveGuard | null = null

/** Installs a guard (e.g. unsaved edits); returns the function that removes it. */
export function setLeaveGuard(guard: LeaveGuard): () => void {
  leaveGuard = guard
  return () => {
    if (leaveGuard === guard) leaveGuard = null
  }
}
