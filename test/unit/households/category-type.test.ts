import path from 'node:path'
import { describe, expect, it } from 'vitest'
import type { RosterPreview } from '../../../shared/api/households-import'
import { dispatch } from '../../../electron/core/dispatch'
import { idCheckChar } from '../../../shared/domain/id-number'
import { writeRosterWorkbook } from '../../fixtures/roster-workbook'
import { importHarness } from '../../helpers/import'
import { tempDir } from '../../helpers/temp'

const { setup } = importHarness()
const makeId = (seq: number) => {
  const first17 = `41010219700101${String(seq).padStart(2, '0')}1`
  return first17 + idCheckChar(first17)
}
const HEADERS = ['县(市、区、旗)', '乡(镇)', '行政村', '户编号', '姓名', '证件号码', '人数', '与户主关系', '户类型', '监测对象类别']

/** 监测对象类别 against 户类型, wherever a category is set: import, status record (and so the monitoring case), household edit. */
describe('监测对象类别 fits 户类型', () => {
  it('import warns; recording 纳入监测 refuses a misfit and makes a 一般农户 a 监测户; editing 户类型 refuses a misfit', async () => {
    const { job, call, file, sql, core } = setup()
    const rows = [
      ['示例县', '示例镇', '后营村', 'H1', '张一', makeId(11), 1, '户主', '脱贫户', '突发严重困难户'],
      ['示例县', '示例镇', '后营村', 'H2', '张二', makeId(12), 1, '户主', '一般农户', '脱贫不稳定户'],
      ['示例县', '示例镇', '后营村', 'H3', '张三', makeId(13), 1, '户主', '脱贫户', '脱贫不稳定户'],
      ['示例县', '示例镇', '后营村', 'H4', '张四', makeId(14), 1, '户主', '脱贫户', null],
      ['示例县', '示例镇', '后营村', 'H5', '张五', makeId(15), 1, '户主', '一般农户', null],
    ]
    const xlsx = path.join(tempDir(), '花名册.xlsx')
    await writeRosterWorkbook(xlsx, rows, { headers: HEADERS, titleRows: [] })
    const preview = await job<RosterPreview>('households.importPreview', { fileId: file(xlsx) })
    const misfits = preview.issues.filter((i) => i.code === 'category_type_mismatch')
    expect(misfits.map((i) => i.row)).toEqual([2, 3])
    expect(misfits[0]!.message).toContain('该户「户类型」是脱贫户，只能纳入为「脱贫不稳定户」，不能是「突发严重困难户」。')
    expect(misfits[1]!.message).toContain('只有脱贫户才能纳入为「脱贫不稳定户」')
    await job('households.importCommit', { fileId: file(xlsx) })
    const idOf = (no: string) => sql<{ id: number }>('SELECT id FROM households WHERE household_no = ?', no)[0]!.id

    // Status record: a 脱贫户 as 突发严重困难户 is refused, naming the rule.
    const refused = await dispatch(core, 'households.recordStatus', { householdId: idOf('H4'), kind: '纳入监测', date: '2024-03-01', monitoringCategory: '突发严重困难户', risks: ['因病'] })
    expect(refused).toMatchObject({ ok: false, error: { field: 'monitoringCategory', message: '该户「户类型」是脱贫户，只能纳入为「脱贫不稳定户」，不能是「突发严重困难户」。' } })
    expect((await dispatch(core, 'households.recordStatus', { householdId: idOf('H5'), kind: '纳入监测', date: '2024-03-01', monitoringCategory: '脱贫不稳定户', risks: ['因病'] })).ok).toBe(false)
    // A 一般农户 taken in as 边缘易致贫户 becomes a 监测户.
    await call('households.recordStatus', { householdId: idOf('H5'), kind: '纳入监测', date: '2024-03-01', monitoringCategory: '边缘易致贫户', risks: ['因病'] })
    expect(sql('SELECT household_type, monitoring_category FROM households WHERE id = ?', idOf('H5'))).toEqual([{ household_type: '监测户', monitoring_category: '边缘易致贫户' }])

    // Household edit: a 脱贫不稳定户's 户类型 cannot leave 脱贫户.
    const edit = await dispatch(core, 'households.update', { id: idOf('H3'), patch: { household_type: '一般农户' } })
    expect(edit).toMatchObject({ ok: false, error: { field: 'household_type' } })
    expect(edit.ok ? '' : edit.error.message).toContain('该户的监测对象类别是「脱贫不稳定户」')
    expect((await dispatch(core, 'households.update', { id: idOf('H4'), patch: { household_type: '一般农户' } })).ok).toBe(true)
  })
})
