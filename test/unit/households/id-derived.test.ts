import path from 'node:path'
import { describe, expect, it } from 'vitest'
import type { RosterPreview } from '../../../shared/api/households-import'
import { blanksFromId, idCheckChar, idDisagreements } from '../../../shared/domain/id-number'
import { writeRosterWorkbook } from '../../fixtures/roster-workbook'
import { importHarness } from '../../helpers/import'
import { tempDir } from '../../helpers/temp'

const { setup } = importHarness()

/** A valid 18-digit ID with the given birth date and sex. */
function makeId(birth: string, sex: '男' | '女', seq = 12): string {
  const first17 = `410102${birth.replace(/-/g, '')}${String(seq).padStart(2, '0')}${sex === '男' ? 1 : 2}`
  return first17 + idCheckChar(first17)
}

const HEADERS = ['县(市、区、旗)', '乡(镇)', '行政村', '户编号', '姓名', '性别', '出生日期', '证件号码', '人数', '与户主关系']

describe('性别 and 出生日期 from the ID number', () => {
  it('fills only blanks, from usable resident IDs', () => {
    const id = makeId('1980-03-05', '女')
    expect(blanksFromId({ id_number: id, sex: null, birth_date: '' })).toEqual({ sex: '女', birth_date: '1980-03-05' })
    expect(blanksFromId({ id_number: id, sex: '男', birth_date: '1980-03-05' })).toEqual({})
    expect(blanksFromId({ id_number: `${id.slice(0, 17)}${id[17] === '0' ? '1' : '0'}`, sex: null })).toEqual({})
    expect(idDisagreements(id, '男', '1981-03-05')).toEqual([
      '「性别」为「男」，但证件号码显示为女性。请核对后改正其中一项。',
      '「出生日期」为「1981-03-05」，与证件号码中的出生日期「1980-03-05」不一致。请核对后改正其中一项。',
    ])
    expect(idDisagreements(id, '女', '1980-03')).toEqual([])
  })

  it('import derives blank 性别 / 出生日期, flags stated ones that disagree, and the member carries the flag', async () => {
    const { job, call, file, sql } = setup()
    const head = makeId('1970-01-02', '男', 31)
    const wife = makeId('1972-06-30', '女', 32)
    const son = makeId('2001-11-11', '男', 33)
    const rows = [
      ['示例县', '示例镇', '后营村', 'H001', '王建国', null, null, head, 3, '户主'],
      ['示例县', '示例镇', '后营村', 'H001', '李秀兰', '男', '1972-06-30', wife, 3, '配偶'],
      ['示例县', '示例镇', '后营村', 'H001', '王小军', '男', '2002-11-11', son, 3, '之子'],
    ]
    const xlsx = path.join(tempDir(), '花名册.xlsx')
    await writeRosterWorkbook(xlsx, rows, { headers: HEADERS, titleRows: ['示例镇花名册'] })
    const preview = await job<RosterPreview>('households.importPreview', { fileId: file(xlsx) })
    const codes = preview.issues.map((i) => [i.row, i.code])
    expect(codes).toContainEqual([4, 'id_sex_mismatch'])
    expect(codes).toContainEqual([5, 'id_birth_mismatch'])
    await job('households.importCommit', { fileId: file(xlsx) })
    const members = sql<{ name: string; sex: string | null; birth_date: string | null; household_id: number }>(
      'SELECT name, sex, birth_date, household_id FROM members ORDER BY sort_order',
    )
    // Blank cells filled from the ID; stated values kept as stated (the clerk decides which is wrong).
    expect(members.map((m) => [m.name, m.sex, m.birth_date])).toEqual([
      ['王建国', '男', '1970-01-02'],
      ['李秀兰', '男', '1972-06-30'],
      ['王小军', '男', '2002-11-11'],
    ])
    const detail = await call('households.get', { id: members[0]!.household_id })
    expect(detail.members.map((m) => m.idWarnings.length)).toEqual([0, 1, 1])
    expect(detail.members[1]!.idWarnings[0]).toContain('证件号码显示为女性')

    // Editing: clearing 性别 derives it again, and the flag goes.
    const wifeId = detail.members[1]!.id
    await call('households.updateMember', { memberId: wifeId, patch: { sex: null } })
    expect(sql<{ sex: string }>('SELECT sex FROM members WHERE id = ?', wifeId)[0]!.sex).toBe('女')
    const after = await call('households.get', { id: members[0]!.household_id })
    expect(after.members[1]!.idWarnings).toEqual([])
  })

  it('a file without 性别 / 出生日期 columns fills what the ledger has blank', async () => {
    const { job, file, sql, core } = setup()
    const head = makeId('1965-09-09', '女', 41)
    const noSex = ['县(市、区、旗)', '乡(镇)', '行政村', '户编号', '姓名', '证件号码', '人数', '与户主关系']
    const xlsx = path.join(tempDir(), 'a.xlsx')
    await writeRosterWorkbook(xlsx, [['示例县', '示例镇', '后营村', 'H009', '赵桂英', head, 1, '户主']], { headers: noSex, titleRows: [] })
    await job('households.importCommit', { fileId: file(xlsx) })
    expect(sql('SELECT sex, birth_date FROM members')).toEqual([{ sex: '女', birth_date: '1965-09-09' }])
    // A stored blank (cleared by hand) is filled again by the next import of the same file.
    core.ledger.sqlite.prepare('UPDATE members SET sex = NULL').run()
    const preview = await job<RosterPreview>('households.importPreview', { fileId: file(xlsx) })
    expect(preview.members.changed).toBe(1)
    await job('households.importCommit', { fileId: file(xlsx) })
    expect(sql('SELECT sex FROM members')).toEqual([{ sex: '女' }])
  })
})
