/** The columns of a township or county 公益性岗位 list and how their headers are written. */
import { aliasForm } from './households-fields'

export type PostFieldKey =
  | 'seq' | 'post_type' | 'name' | 'id_number' | 'village' | 'pay' | 'start' | 'end' | 'funding' | 'phone' | 'note'

/** The standard header first (the export writes it), then the ways township and county lists write it. */
export const POST_FIELDS: readonly { key: PostFieldKey; label: string; aliases: readonly string[] }[] = [
  { key: 'seq', label: '序号', aliases: ['序'] },
  { key: 'post_type', label: '岗位类型', aliases: ['岗位名称', '岗位', '公益岗位类型', '岗位类别', '公益性岗位名称', '公益岗位名称', '公益性岗位类型'] },
  { key: 'name', label: '姓名', aliases: ['人员姓名', '聘用人员姓名', '上岗人员', '上岗人员姓名', '聘用人员'] },
  { key: 'id_number', label: '身份证号', aliases: ['证件号码', '身份证号码', '公民身份号码', '身份证', '证件号'] },
  { key: 'village', label: '所在村', aliases: ['行政村', '村', '村名', '村别', '所属村'] },
  { key: 'pay', label: '月补贴', aliases: ['岗位补贴标准', '补贴标准', '月补贴标准', '月工资', '工资标准', '补贴金额', '岗位补贴', '每月补贴', '月工资标准'] },
  { key: 'start', label: '上岗时间', aliases: ['聘用开始', '聘用开始时间', '上岗日期', '聘用时间', '聘用起始时间', '开始时间', '上岗年月'] },
  { key: 'end', label: '聘用结束', aliases: ['聘用结束时间', '聘期结束', '聘用截止时间', '离岗时间', '结束时间', '聘用到期时间', '到期时间'] },
  { key: 'funding', label: '资金来源', aliases: ['资金渠道', '补贴资金来源', '资金性质'] },
  { key: 'phone', label: '联系电话', aliases: ['电话', '手机号码', '联系方式'] },
  { key: 'note', label: '备注', aliases: ['说明'] },
]

const BY_ALIAS = new Map<string, PostFieldKey>()
for (const f of POST_FIELDS) for (const a of [f.label, ...f.aliases]) BY_ALIAS.set(aliasForm(a), f.key)

export const postFieldLabel = (key: PostFieldKey): string => POST_FIELDS.find((f) => f.key === key)!.label

/** The field a header names, or null; a trailing unit or note in brackets is ignored (「月补贴（元）」). */
export function matchPostField(text: string): PostFieldKey | null {
  let n = aliasForm(text)
  while (n) {
    const hit = BY_ALIAS.get(n)
    if (hit) return hit
    const stripped = n.replace(/\([^()]*\)$/, '')
    if (stripped === n) return null
    n = stripped
  }
  return null
}
