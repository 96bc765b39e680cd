/** 身份信息: ID numbers (GB 11643 check character, length, 残疾人证 numbers, placeholders), 民族, 证件类型. */
import { idCheckChar } from '../../../../../shared/domain/id-number'
import { makeId } from '../../examples'
import type { PersonView } from '../../views'
import { blankRule, shown } from '../helpers'
import { rule } from '../types'

const idOf = (p: PersonView) => (p.get('证件号码') ?? '').toUpperCase()
const checkOk = (id18: string) => /^\d{17}[\dX]$/.test(id18) && idCheckChar(id18.slice(0, 17)) === id18[17]

export const identityRules = [
  rule({
    code: 'identity.duplicate-id', title: '证件号码重复', category: 'identity', severity: '错误', record: 'person',
    fields: ['证件号码', '户编号', '姓名'], covers: ['1_01_001', '1_12_001'],
    test: (p, ctx) => {
      const id = idOf(p)
      if (!id) return false
      const byId = ctx.index('ids', () => {
        const m = new Map<string, PersonView[]>()
        for (const q of ctx.persons) {
          const k = idOf(q)
          if (k) m.set(k, [...(m.get(k) ?? []), q])
        }
        return m
      })
      return (byId.get(id)?.length ?? 0) > 1
    },
    message: (p, ctx) => {
      const others = (ctx.index('ids', () => new Map<string, PersonView[]>()).get(idOf(p)) ?? []).filter((q) => q !== p)
      return `「证件号码」与 ${others.map((q) => q.label).join('、')} 相同，同一证件号码只能登记一人，请核实后更正或移出重复的成员`
    },
    examples: { fires: { members: [{ id_number: makeId('19750312', 3) }, { id_number: makeId('19750312', 3) }] }, passes: {} },
  }),
  rule({
    code: 'identity.id-length', title: '证件号码位数不对', category: 'identity', severity: '错误', record: 'person',
    fields: ['证件号码', '户类型'], covers: ['1_01_002'],
    test: (p) => {
      const id = idOf(p)
      return (p.poor || p.monitored) && id !== '' && ![18, 20, 22].includes(id.length)
    },
    message: (p) => `「证件号码」${shown(p.get('证件号码'))}有 ${idOf(p).length} 位，应为 18 位（残疾人证 20 或 22 位），请对照证件更正`,
    examples: { fires: { members: [{ id_number: '52272919750312001' }] }, passes: {} },
  }),
  rule({
    code: 'identity.check-character', title: '身份证号码校验位错误', category: 'identity', severity: '错误', record: 'person',
    fields: ['证件号码', '户类型', '监测对象类别'], covers: ['1_01_003', '1_12_002', '1_12_003'],
    test: (p) => {
      const id = idOf(p)
      return id.length === 18 && !checkOk(id)
    },
    message: (p) => {
      const id = idOf(p)
      const want = /^\d{17}/.test(id) ? idCheckChar(id.slice(0, 17)) : null
      return `「证件号码」${shown(p.get('证件号码'))}的校验位不对${want ? `（按前 17 位应为 ${want}）` : '（前 17 位应全为数字）'}，请对照身份证更正`
    },
    examples: { fires: { members: [{ id_number: makeId('19750312', 3).slice(0, 17) + (makeId('19750312', 3).endsWith('1') ? '2' : '1') }] }, passes: {} },
  }),
  rule({
    code: 'identity.disability-number', title: '残疾人证号码前 18 位校验错误', category: 'identity', severity: '错误', record: 'person',
    fields: ['证件号码', '户类型', '户编号'], covers: ['1_01_004', '1_12_004'],
    test: (p) => {
      const id = idOf(p)
      return (id.length === 20 || id.length === 22) && !checkOk(id.slice(0, 18))
    },
    message: (p) => `「证件号码」${shown(p.get('证件号码'))}是残疾人证号码，但前 18 位不是有效的身份证号码（校验位不对），请对照残疾人证更正`,
    examples: { fires: { members: [{ id_number: `${makeId('19750312', 3).slice(0, 17)}${makeId('19750312', 3).endsWith('1') ? '2' : '1'}41` }] }, passes: { members: [{ id_number: `${makeId('19750312', 3)}41` }] } },
  }),
  rule({
    code: 'identity.id-birth-date', title: '证件号码中的出生日期不存在', category: 'identity', severity: '错误', record: 'person',
    fields: ['证件号码', '证件类型'], covers: [],
    test: (p) => {
      const id = idOf(p)
      return (id.length === 18 || id.length === 15) && /^\d+X?$/.test(id) && !p.has('证件类型', '残疾') && p.idInfo.problem === 'bad_birth_date'
    },
    message: (p) => `「证件号码」${shown(p.get('证件号码'))}中的出生日期（第 7 至 14 位）不是存在的日期，请对照身份证或户口簿更正`,
    examples: { fires: { members: [{ id_number: '522729197513320011' }] }, passes: {} },
  }),
  rule({
    code: 'identity.id-damaged', title: '证件号码被 Excel 改成科学计数法', category: 'identity', severity: '错误', record: 'person',
    fields: ['证件号码'], covers: [],
    test: (p) => /^\d(\.\d+)?E\+?\d+$/i.test(idOf(p)),
    message: (p) => `「证件号码」${shown(p.get('证件号码'))}是科学计数法，号码已损坏（Excel 按数字保存了这一格）。请从户口簿或原系统重新录入完整号码`,
    examples: { fires: { members: [{ id_number: '5.22729E+17' }] }, passes: {} },
  }),
  rule({
    code: 'identity.name-blank', title: '姓名为空', category: 'identity', severity: '错误', record: 'person',
    fields: ['姓名', '证件号码'], covers: [],
    test: (p) => (p.m.name ?? '').trim() === '',
    message: (p) => `「姓名」为空白（证件号码 ${shown(p.get('证件号码'))}），请按户口簿补录姓名`,
    examples: { fires: { members: [{}, { name: '' }] }, passes: {} },
  }),
  blankRule({ code: 'identity.ethnicity-blank', title: '民族为空', category: 'identity', covers: ['2_01_001', '2_12_002'], col: '民族', scope: 'all', blank: { members: [{ ethnicity: null }] } }),
  rule({
    code: 'identity.disabled-id-type', title: '残疾人的证件类型不是残疾人证', category: 'identity', severity: '疑点', record: 'person',
    fields: ['健康状况', '证件类型', '户类型'], field: '证件类型', covers: ['4_01_002', '4_12_003'],
    test: (p) => p.has('健康状况', '残疾') && p.get('证件类型') !== null && !p.has('证件类型', '残疾'),
    message: (p) => `「健康状况」为残疾，「证件类型」却是${shown(p.get('证件类型'))}，持残疾人证的应登记为残疾人证（号码 20 或 22 位），请核实`,
    examples: { fires: { members: [{ health: '残疾' }] }, passes: { members: [{ health: '残疾', id_type: '残疾人证', id_number: `${makeId('19750312', 3)}41` }] } },
  }),
  rule({
    code: 'identity.placeholder-id', title: '证件号码为 999999 开头的临时号码', category: 'identity', severity: '错误', record: 'person',
    fields: ['证件号码'], covers: ['4_01_003'],
    test: (p) => idOf(p).startsWith('999999'),
    message: (p) => `「证件号码」${shown(p.get('证件号码'))}是 999999 开头的临时号码，请办理户口后录入真实号码`,
    examples: { fires: { members: [{ id_number: '999999197503120011' }] }, passes: {} },
  }),
  rule({
    code: 'identity.birth-date-mismatch', title: '出生日期与证件号码不符', category: 'identity', severity: '错误', record: 'person',
    fields: ['出生日期', '证件号码'], covers: [],
    test: (p) => {
      const info = p.idInfo
      const b = p.get('出生日期')?.replace(/-/g, '').slice(0, 8)
      return Boolean(info.birthDate && !info.problem && b && b.length === 8 && b !== info.birthDate.replace(/-/g, ''))
    },
    message: (p) => `「出生日期」${shown(p.get('出生日期'))}与证件号码中的出生日期（${p.idInfo.birthDate}）不一致，请对照证件更正`,
    examples: { fires: { members: [{ birth_date: '1975-03-13' }] }, passes: {} },
  }),
  rule({
    code: 'identity.sex-mismatch', title: '性别与证件号码不符', category: 'identity', severity: '错误', record: 'person',
    fields: ['性别', '证件号码'], covers: [],
    test: (p) => {
      const info = p.idInfo
      const sex = p.get('性别')
      return Boolean(info.sex && !info.problem && sex && sex !== info.sex)
    },
    message: (p) => `「性别」为${shown(p.get('性别'))}，证件号码第 17 位表示${p.idInfo.sex}，请对照证件更正`,
    examples: { fires: { members: [{ sex: '女' }] }, passes: {} },
  }),
]
