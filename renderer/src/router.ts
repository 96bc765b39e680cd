import { useEffect, useState } from 'react'
import { parsePrintForm, type PrintForm } from './forms/routes'

/**
 * Hash routes: '#/' (household list), '#/households/:id', '#/import', '#/data', and the printable
 * 户卡 '#/print/cards/1,2,3' or '#/print/cards/filter' (the household list's current filter).
 */
export type Route =
  | { page: 'households' }
  | { page: 'household'; id: number }
  | { page: 'import' }
  | { page: 'data' }
  | { page: 'helpers' }
  | { page: 'helper'; id: number }
  | { page: 'assistance-household'; id: number }
  | { page: 'accounts' }
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
  /** 问题整改台账, its import and one problem. */
  | { page: 'rectification' }
  | { page: 'rectification-import' }
  | { page: 'problem'; id: number }

export function parseRoute(hash: string): Route {
  const m = /^#\/households\/(\d+)$/.exec(hash)
  if (m) return { page: 'household', id: Number(m[1]) }
  if (hash === '#/import') return { page: 'import' }
  if (hash === '#/data') return { page: 'data' }
  if (hash === '#/helpers') return { page: 'helpers' }
  const helper = /^#\/helpers\/(\d+)$/.exec(hash)
  if (helper) return { page: 'helper', id: Number(helper[1]) }
  const assisted = /^#\/assistance\/household\/(\d+)$/.exec(hash)
  if (assisted) return { page: 'assistance-household', id: Number(assisted[1]) }
  if (hash === '#/accounts') return { page: 'accounts' }
  if (hash === '#/projects') return { page: 'projects' }
  if (hash === '#/projects/import') return { page: 'project-import' }
  // Digits only: '#/projects/import' is a page of its own.
  const project = /^#\/projects\/(\d+)$/.exec(hash)
  if (project) return { page: 'project', id: Number(project[1]) }
  if (hash === '#/assets') return { page: 'assets' }
  if (hash === '#/monitoring-settings') return { page: 'monitoring-settings' }
  if (hash === '#/rectification') return { page: 'rectification' }
  if (hash === '#/rectification/import') return { page: 'rectification-import' }
  const problem = /^#\/rectification\/(\d+)$/.exec(hash)
  if (problem) return { page: 'problem', id: Number(problem[1]) }
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
      if (!asked && leaveGuard && location.hash !== shown && !leaveGuard()) {
        history.replaceState(null, '', shown)
        return
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
  if (leaveGuard && !leaveGuard()) return
  // Already asked: the hashchange this causes goes through without asking twice.
  navigating = true
  location.hash = hash
}

let navigating = false

/** Asked before leaving the current page; returns whether leaving is allowed. */
let leaveGuard: (() => boolean) | null = null

/** Installs a guard (e.g. unsaved edits); returns the function that removes it. */
export function setLeaveGuard(guard: () => boolean): () => void {
  leaveGuard = guard
  return () => {
    if (leaveGuard === guard) leaveGuard = null
  }
}
