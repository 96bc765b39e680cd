/**
 * One map of areas (README, Architecture): an area is the part of an operation's name before the
 * dot, and each layer keeps it under that name. These tests fail when a file sits outside the map.
 */
import fs from 'node:fs'
import path from 'node:path'
import { describe, expect, it } from 'vitest'
import { contract } from '../../../shared/api/contract'

const root = path.resolve(__dirname, '../../..')
const AREAS = [...new Set(Object.keys(contract).map((name) => name.split('.')[0]!))].sort()

/** Floors every area may build on: no operations of their own. */
const CORE_FLOORS = ['db', 'process', 'spreadsheets']
const CORE_FILES = ['context.ts', 'create-core.ts', 'dispatch.ts', 'files.ts', 'handler-types.ts', 'handlers.ts', 'job-registry.ts', 'paths.ts', 'writer-lock.ts']
const RENDERER_FILES = ['App.tsx', 'main.tsx', 'router.ts', 'styles.css']
const SHARED_API_COMMON = ['bridge.ts', 'contract.ts', 'files.ts', 'op.ts', 'result.ts', 'validation.ts']
const SHARED_DOMAIN_COMMON = ['enums.ts', 'id-number.ts', 'money.ts']
const TEST_UNIT_FLOORS = ['architecture', 'db', 'domain', 'host', 'import', 'spreadsheets']

const entries = (dir: string) => fs.readdirSync(path.join(root, dir), { withFileTypes: true })
const dirsIn = (dir: string) => entries(dir).filter((e) => e.isDirectory()).map((e) => e.name)
const filesIn = (dir: string) => entries(dir).filter((e) => e.isFile()).map((e) => e.name)
function walk(dir: string): string[] {
  return entries(dir).flatMap((e) => (e.isDirectory() ? walk(path.join(dir, e.name)) : [path.join(dir, e.name)]))
}
/** `<area>.ts` or `<area>-<topic>.ts`. */
const areaFile = (name: string, ext = '.ts') => AREAS.some((a) => name === `${a}${ext}` || (name.startsWith(`${a}-`) && name.endsWith(ext)))
const source = (file: string) => fs.readFileSync(path.join(root, file), 'utf8')

describe('one map of areas', () => {
  it('names the areas after the operations', () => {
    expect(AREAS).toEqual(expect.arrayContaining(['accounts', 'assistance', 'backups', 'forms', 'households', 'imports', 'projects', 'posts']))
  })

  it('declares each operation in its area\'s contract file, shared/api/<area>.ts', () => {
    const declaredIn = new Map<string, string[]>()
    for (const file of filesIn('shared/api')) {
      for (const m of source(`shared/api/${file}`).matchAll(/'([a-z]+)\.([A-Za-z]+)':\s*op</g)) {
        const name = `${m[1]}.${m[2]}`
        declaredIn.set(name, [...(declaredIn.get(name) ?? []), file])
      }
    }
    const misplaced = [...declaredIn].filter(([name, files]) => files.length !== 1 || files[0] !== `${name.split('.')[0]}.ts`)
    expect(misplaced).toEqual([])
    expect([...declaredIn.keys()].sort()).toEqual(Object.keys(contract).sort())
  })

  it('serves each area from electron/core/<area>/handlers.ts and nowhere else', () => {
    for (const area of AREAS) {
      expect(source(`electron/core/${area}/handlers.ts`), area).toMatch(new RegExp(`export const ${area}Handlers: AreaHandlers<'${area}'>`))
    }
    const elsewhere = walk('electron/core').filter(
      (f) => /AreaHandlers<'|HandlerMap<'/.test(source(f)) && !/^electron\/core\/[a-z-]+\/handlers\.ts$/.test(f),
    )
    expect(elsewhere).toEqual([])
  })

  it('keeps only area folders and the named floors at the top of each layer', () => {
    const stray = (dirs: string[], allowed: string[]) => dirs.filter((d) => !AREAS.includes(d) && !allowed.includes(d))
    expect(stray(dirsIn('electron/core'), CORE_FLOORS)).toEqual([])
    expect(filesIn('electron/core').filter((f) => !CORE_FILES.includes(f))).toEqual([])
    expect(stray(dirsIn('renderer/src'), ['common'])).toEqual([])
    expect(filesIn('renderer/src').filter((f) => !RENDERER_FILES.includes(f))).toEqual([])
    expect(filesIn('shared/api').filter((f) => !SHARED_API_COMMON.includes(f) && !areaFile(f))).toEqual([])
    expect(filesIn('shared/domain').filter((f) => f.endsWith('.ts') && !SHARED_DOMAIN_COMMON.includes(f) && !areaFile(f))).toEqual([])
    expect(stray(dirsIn('test/unit'), TEST_UNIT_FLOORS)).toEqual([])
    expect(filesIn('test/e2e').filter((f) => f !== 'harness.ts' && !areaFile(f, '.test.ts'))).toEqual([])
  })

  it('puts every page in its area\'s folder, none among the common pieces', () => {
    const pages = walk('renderer/src').filter((f) => /Pages?\.tsx$/.test(f))
    expect(pages.filter((f) => !AREAS.includes(f.split('/')[2]!))).toEqual([])
  })

  it('lets areas use each other only through their public module (index.ts)', () => {
    const crossings: string[] = []
    for (const [layer, base] of [['core', 'electron/core'], ['ui', 'renderer/src']] as const) {
      for (const file of walk(base).filter((f) => /\.tsx?$/.test(f))) {
        const from = file.slice(base.length + 1).split('/')[0]!
        if (!AREAS.includes(from)) continue
        for (const spec of importsOf(file)) {
          const target = path.relative(base, path.join(path.dirname(file), spec)).split(path.sep)
          const to = target[0]!
          if (to === from || !AREAS.includes(to) || to.startsWith('..')) continue
          if (target.length === 1 || (target.length === 2 && target[1] === 'index')) continue
          crossings.push(`${layer}: ${file} → ${spec}`)
        }
      }
    }
    expect(crossings).toEqual([])
  })

  it('has no import cycles, type imports included', () => {
    const files = ['electron', 'shared', 'renderer/src'].flatMap(walk).filter((f) => /\.tsx?$/.test(f))
    const graph = new Map(files.map((f) => [f, importsOf(f).map((spec) => resolve(f, spec)).filter((t): t is string => t !== null)]))
    expect(cycles(graph)).toEqual([])
  })
})

function importsOf(file: string): string[] {
  const text = source(file)
  return [...text.matchAll(/(?:\bfrom\s+|\bimport\s*\(\s*|^import\s+)'(\.{1,2}\/[^'?]*)(?:\?[^']*)?'/gm)].map((m) => m[1]!)
}

function resolve(file: string, spec: string): string | null {
  const base = path.join(path.dirname(file), spec)
  for (const candidate of [base, `${base}.ts`, `${base}.tsx`, `${base}/index.ts`, `${base}/index.tsx`]) {
    if (/\.tsx?$/.test(candidate) && fs.existsSync(path.join(root, candidate))) return candidate
  }
  return null
}

/** Strongly connected components with more than one module (Tarjan), each as a sorted list. */
function cycles(graph: Map<string, string[]>): string[][] {
  let counter = 0
  const index = new Map<string, number>()
  const low = new Map<string, number>()
  const stack: string[] = []
  const onStack = new Set<string>()
  const found: string[][] = []
  const visit = (v: string) => {
    index.set(v, counter)
    low.set(v, counter++)
    stack.push(v)
    onStack.add(v)
    for (const w of graph.get(v) ?? []) {
      if (!index.has(w)) {
        visit(w)
        low.set(v, Math.min(low.get(v)!, low.get(w)!))
      } else if (onStack.has(w)) low.set(v, Math.min(low.get(v)!, index.get(w)!))
    }
    if (low.get(v) === index.get(v)) {
      const component: string[] = []
      let w: string
      do {
        w = stack.pop()!
        onStack.delete(w)
        component.push(w)
      } while (w !== v)
      if (component.length > 1) found.push(component.sort())
    }
  }
  for (const v of graph.keys()) if (!index.has(v)) visit(v)
  return found
}
