/**
 * The pinyin search key of a name: '|zhangsanfeng|zsf|' so that a clerk can
 * type full pinyin, its beginning, or the initials (zsf, zhangsan → 张三丰).
 * Surnames use their surname readings (曾 zeng, 单 shan).
 */
import { pinyin } from 'pinyin-pro'

export function pinyinKey(name: string | null | undefined): string | null {
  const chinese = (name ?? '').replace(/[^\u3400-\u9fff]/g, '')
  if (!chinese) return null
  const syllables = pinyin(chinese, { toneType: 'none', type: 'array', surname: 'head', v: true })
  return `|${syllables.join('')}|${syllables.map((s) => s[0]).join('')}|`
}

/** Whether a search looks like pinyin rather than a name, ID or number. */
export function isPinyinQuery(q: string): boolean {
  return /^[a-z]{2,30}$/i.test(q)
}
