/**
 * The pinyin search key of a name: '|zhangsanfeng|zsf|' so that a clerk can
 * type full pinyin, its beginning, or the initials (zsf, zhangsan → 张三丰).
 * Surnames use their surname readings (曾 zeng, 单 shan).
 */
import { pinyin } from 'pinyin-pro'

/** Names repeat (a county has many 张伟): a bounded memo spares pinyin-pro most of a big import. */
const memo = new Map<string, string | null>()
const MEMO_MAX = 200_000

export function pinyinKey(name: string | null | undefined): string | null {
  const chinese = (name ?? '').replace(/[^\u3400-\u9fff]/g, '')
  if (!chinese) return null
  const known = memo.get(chinese)
  if (known !== undefined) return known
  const syllables = pinyin(chinese, { toneType: 'none', type: 'array', surname: 'head', v: true })
  const key = `|${syllables.join('')}|${syllables.map((s) => s[0]).join('')}|`
  if (memo.size >= MEMO_MAX) memo.clear()
  memo.set(chinese, key)
  return key
}

/** Whether a search looks like pinyin rather than a name, ID or number. */
export function isPinyinQuery(q: string): boolean {
  return /^[a-z]{2,30}$/i.test(q)
}
