import path from 'node:path'
import { ESLint } from 'eslint'
import { describe, expect, it } from 'vitest'

const eslint = new ESLint({ cwd: path.resolve(__dirname, '../../..') })
const ruleIds = async (filePath: string, code: string) =>
  (await eslint.lintText(code, { filePath })).flatMap((r) => r.messages.map((m) => m.ruleId))

describe('lint keeps the layers apart', () => {
  it('shared/ imports no Node, Electron, DOM or UI code', async () => {
    expect(await ruleIds('shared/x.ts', "import fs from 'node:fs'\nexport default fs\n")).toContain('no-restricted-imports')
    expect(await ruleIds('shared/x.ts', "import { app } from 'electron'\nexport default app\n")).toContain('no-restricted-imports')
    expect(await ruleIds('shared/x.ts', "import { Button } from 'antd'\nexport default Button\n")).toContain('no-restricted-imports')
    expect(await ruleIds('shared/x.ts', 'export const w = window.location\n')).toContain('no-restricted-globals')
    expect(await ruleIds('shared/x.ts', "import { z } from 'zod'\nexport const s = z.string()\n")).toEqual([])
  })

  it('renderer/ never imports electron/ or Node', async () => {
    expect(await ruleIds('renderer/src/x.ts', "import { dispatch } from '../../electron/core/dispatch'\nexport default dispatch\n")).toContain('no-restricted-imports')
    expect(await ruleIds('renderer/src/x.ts', "import { ipcRenderer } from 'electron'\nexport default ipcRenderer\n")).toContain('no-restricted-imports')
    expect(await ruleIds('renderer/src/x.ts', "import path from 'node:path'\nexport default path\n")).toContain('no-restricted-imports')
  })

  it('the core and tests never load Electron', async () => {
    expect(await ruleIds('electron/core/x.ts', "import { app } from 'electron'\nexport default app\n")).toContain('no-restricted-imports')
    expect(await ruleIds('test/unit/x.ts', "import '../../electron/main/index'\n")).toContain('no-restricted-imports')
    expect(await ruleIds('electron/main/x.ts', "import { app } from 'electron'\nexport default app\n")).toEqual([])
  })
})
