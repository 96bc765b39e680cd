/**
 * The UI offers a control only when the contract lets the session run the op it triggers
 * (renderer/src/accounts: `<Can op>`, `useCan`, `usePermissions`), answered from each op's declared
 * permission. These tests hold the answer to the contract, and the renderer's write controls to it:
 * each op named in a guard is a write (guarding a read would hide browsing from 只读), and every
 * write the renderer calls is guarded somewhere, so a new button cannot slip past 只读.
 */
import fs from 'node:fs'
import path from 'node:path'
import { describe, expect, it } from 'vitest'
import { ROLES } from '../../../shared/api/accounts'
import { contract, isOpName, permissionOf, type OpName } from '../../../shared/api/contract'
import { ADMIN_HINT, READONLY_HINT, refusalHint, roleCan, roleCanUnmask } from '../../../shared/api/accounts-permissions'

const root = path.resolve(__dirname, '../../..')
const ops = Object.keys(contract) as OpName[]

function walk(dir: string): string[] {
  return fs.readdirSync(path.join(root, dir), { withFileTypes: true }).flatMap((e) => {
    const p = `${dir}/${e.name}`
    return e.isDirectory() ? walk(p) : /\.tsx?$/.test(e.name) ? [p] : []
  })
}
const sources = walk('renderer/src').map((f) => ({ file: f, text: fs.readFileSync(path.join(root, f), 'utf8') }))
const opNamesIn = (s: string) => [...s.matchAll(/'([a-z]+\.[A-Za-z]+)'/g)].map((m) => m[1]!).filter(isOpName)

/** Ops named by a guard: `<Can op="x">`, `<Can op={['x', 'y']}>`, `useCan('x')`, `can('x')`, App's WRITE_PAGES. */
function guardedOps(): Map<OpName, string[]> {
  const found = new Map<OpName, string[]>()
  const add = (op: OpName, file: string) => found.set(op, [...(found.get(op) ?? []), file])
  for (const { file, text } of sources) {
    for (const m of text.matchAll(/<Can op="([a-z]+\.[A-Za-z]+)"/g)) if (isOpName(m[1]!)) add(m[1]!, file)
    for (const m of text.matchAll(/<Can op=\{\[([^\]]*)\]\}/g)) opNamesIn(m[1]!).forEach((op) => add(op, file))
    for (const m of text.matchAll(/\b(?:useCan|can)\('([a-z]+\.[A-Za-z]+)'\)/g)) if (isOpName(m[1]!)) add(m[1]!, file)
    const pages = /const WRITE_PAGES[^=]*= \{([^}]*)\}/.exec(text)
    if (pages) opNamesIn(pages[1]!).forEach((op) => add(op, file))
  }
  return found
}

/** Write ops the renderer runs: `call('x', …)`, `useCall('x', …)`, or passed on by name (`remove('x', id)`). */
function calledWrites(): Map<OpName, string[]> {
  const found = new Map<OpName, string[]>()
  for (const { file, text } of sources) {
    for (const op of opNamesIn(text)) {
      if (permissionOf(op) === 'write' || permissionOf(op) === 'admin') found.set(op, [...new Set([...(found.get(op) ?? []), file])])
    }
  }
  return found
}

/**
 * Writes guarded by the control that opens them, not by a guard naming them: the dialog or form
 * that calls them is only reachable through a guarded button (named here) — or they are the
 * accounts pages, which are the administrator's alone (menu and page both check accounts.list).
 */
const REACHED_THROUGH: Partial<Record<OpName, OpName>> = {
  'households.updateMember': 'households.updateMember', // the 操作 column exists only when can('households.updateMember')
  'credit.update': 'credit.update',
  'imports.undo': 'households.importCommit', // on the import pages, which WRITE_PAGES closes to 只读
  'accounts.add': 'accounts.list',
  'accounts.update': 'accounts.list',
  'accounts.resetPassword': 'accounts.list',
  'accounts.setIdle': 'accounts.list',
  'accounts.turnOff': 'accounts.list',
  'accounts.audit': 'accounts.list',
  'accounts.exportAudit': 'accounts.list',
  'accounts.failedLogins': 'accounts.list',
  'accounts.accessLog': 'accounts.list',
  'accounts.exportAccessLog': 'accounts.list',
}

describe('what the UI offers each role, from the contract', () => {
  it('answers every op from its declared permission: 只读 reads, 经办人 writes, 管理员 administers; no accounts allows all', () => {
    for (const op of ops) {
      const p = permissionOf(op)
      expect(roleCan(null, op), op).toBe(true)
      expect(roleCan('admin', op), op).toBe(true)
      expect(roleCan('clerk', op), op).toBe(p !== 'admin')
      expect(roleCan('readonly', op), op).toBe(p === 'open' || p === 'read')
    }
    // The figures of this contract, so a silent change of a permission shows here too.
    expect(ops.filter((op) => roleCan('readonly', op))).toContain('households.export')
    expect(ops.filter((op) => roleCan('readonly', op))).toContain('forms.householdCards')
    expect(roleCan('readonly', 'households.update')).toBe(false)
    expect(roleCan('clerk', 'backups.restore')).toBe(false)
  })

  it('says why a control is disabled: 只读 cannot change anything, 经办人 cannot administer', () => {
    expect(refusalHint('readonly', 'households.addMember')).toBe(READONLY_HINT)
    expect(refusalHint('readonly', 'backups.restore')).toBe(READONLY_HINT)
    expect(refusalHint('clerk', 'backups.restore')).toBe(ADMIN_HINT)
    expect(refusalHint('clerk', 'households.addMember')).toBeNull()
    expect(refusalHint(null, 'accounts.turnOff')).toBeNull()
    expect(READONLY_HINT).toBe('只读账户不能修改')
  })

  it('offers full ID numbers in exports and prints to every role but 只读 (the core refuses it to 只读)', () => {
    expect(ROLES.filter((r) => roleCanUnmask(r))).toEqual(['admin', 'clerk'])
    expect(roleCanUnmask(null)).toBe(true)
  })

  it('guards only writes: a guard on a read would hide browsing, printing or exporting from 只读', () => {
    const guarded = guardedOps()
    expect(guarded.size).toBeGreaterThan(60)
    const reads = [...guarded].filter(([op]) => roleCan('readonly', op)).map(([op, files]) => `${op} (${files.join(', ')})`)
    expect(reads).toEqual([])
  })

  it('guards every write the renderer runs, so 只读 is never offered a control the core refuses', () => {
    const guarded = guardedOps()
    const unguarded = [...calledWrites()]
      .filter(([op]) => !guarded.has(op) && !(REACHED_THROUGH[op] && guarded.has(REACHED_THROUGH[op])))
      .map(([op, files]) => `${op} (${files.join(', ')})`)
    expect(unguarded).toEqual([])
    // The exemptions are still writes and still called (a stale one would hide a real gap).
    for (const [op, via] of Object.entries(REACHED_THROUGH) as [OpName, OpName][]) {
      expect(roleCan('readonly', op), op).toBe(false)
      expect(calledWrites().has(op), op).toBe(true)
      expect(guarded.has(via), via).toBe(true)
    }
  })
})
