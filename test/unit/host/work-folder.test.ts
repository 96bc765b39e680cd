/** Exports and uploads left in .work/ by a crashed run are removed at the next start, however recent. */
import fs from 'node:fs'
import path from 'node:path'
import { describe, expect, it } from 'vitest'
import { createCore } from '../../../electron/core/create-core'
import { tempDir } from '../../helpers/temp'

describe('the work folder', () => {
  it('is emptied at every start, so an unmasked export a crash left behind does not wait a day', async () => {
    const dbPath = path.join(tempDir(), 'ledger.sqlite')
    const work = path.join(path.dirname(dbPath), '.work')
    fs.mkdirSync(path.join(work, 'sub'), { recursive: true })
    // Written a minute ago by a run that was killed before it could clean up.
    fs.writeFileSync(path.join(work, '0b6c-花名册-2026-12-01.xlsx'), '320102199001011234')
    fs.writeFileSync(path.join(work, 'sub', 'upload.csv'), 'x')
    const core = createCore({ dbPath, appVersion: 'test', jobMode: 'inline', emit: () => undefined })
    try {
      expect(fs.readdirSync(work)).toEqual([])
    } finally {
      await core.close()
    }
  })
})
