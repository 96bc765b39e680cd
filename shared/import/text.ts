/** Text clean-up for cells and headers typed in Chinese office software. */

const ZERO_WIDTH = /[\u200B-\u200D\u2060\uFEFF]/g
const CJK = '\\u3400-\\u9FFF\\uF900-\\uFAFF'

const FULL_WIDTH = /[\uFF01-\uFF5E\u3000]/
/** Anything cleanCell would change; most cells have none, and skip the work (imports read millions). */
const NEEDS_CLEANING = /[\s\u00A0\u200B-\u200D\u2060\uFEFF\uFF01-\uFF5E\u3000]/
const NAME_INNER_SPACE = new RegExp(`(?<=[${CJK}·])\\s+|\\s+(?=[${CJK}·])`, 'g')

/** Full-width ASCII (digits, letters, brackets, punctuation) and the ideographic space → ASCII. */
export function toHalfWidth(s: string): string {
  if (!FULL_WIDTH.test(s)) return s
  let out = ''
  for (const ch of s) {
    const c = ch.codePointAt(0)!
    if (c >= 0xff01 && c <= 0xff5e) out += String.fromCodePoint(c - 0xfee0)
    else if (c === 0x3000) out += ' '
    else out += ch
  }
  return out
}

/** Only full-width digits, letters and spaces: Chinese punctuation is right in Chinese prose. */
function digitsLettersToHalfWidth(s: string): string {
  return s.replace(/[\uFF10-\uFF19\uFF21-\uFF3A\uFF41-\uFF5A\u3000]/g, (ch) =>
    ch === '\u3000' ? ' ' : String.fromCharCode(ch.charCodeAt(0) - 0xfee0),
  )
}

/**
 * How a cell is cleaned:
 * - 'code': ID numbers, phones, household numbers, enumeration values — every space and line
 *   break goes, everything half-width, a leading apostrophe or ="…" wrapper (text-forcing
 *   tricks) is dropped;
 * - 'name': people's names — half-width, spaces between Chinese characters dropped (clerks pad
 *   two-character names to align them), other runs collapsed to one space;
 * - 'text': free text — full-width digits and letters made half-width, Chinese punctuation
 *   kept, whitespace and line breaks collapsed to one space.
 */
export type CleanMode = 'code' | 'name' | 'text'

export function cleanCell(s: string, mode: CleanMode = 'text'): string {
  if (!NEEDS_CLEANING.test(s) && (mode !== 'code' || (s[0] !== "'" && s[0] !== '='))) return s
  const t = s.replace(ZERO_WIDTH, '').replace(/\u00A0/g, ' ')
  if (mode === 'code') {
    let c = toHalfWidth(t).replace(/\s+/g, '')
    const wrapped = /^="(.*)"$/.exec(c)
    if (wrapped) c = wrapped[1]!
    return c.replace(/^'+/, '')
  }
  if (mode === 'name') {
    return toHalfWidth(t)
      .replace(/\s+/g, ' ')
      .trim()
      .replace(NAME_INNER_SPACE, '')
  }
  return digitsLettersToHalfWidth(t).replace(/\s+/g, ' ').trim()
}

/**
 * Header text in a form fit for matching: no whitespace or line breaks, half-width, every bracket
 * kind as ( ), and a header typed twice in a row ('姓名姓名') reduced to one.
 */
export function normaliseHeaderText(s: string): string {
  const t = toHalfWidth(s.replace(ZERO_WIDTH, ''))
    .replace(/\s+/g, '')
    .replace(/[[{【〔〖﹙「『]/g, '(')
    .replace(/[\]}】〕〗﹚」』]/g, ')')
  // Two characters or more per half, so a one-character header is never halved.
  if (t.length >= 4 && t.length % 2 === 0) {
    const half = t.slice(0, t.length / 2)
    if (half === t.slice(t.length / 2)) return half
  }
  return t
}
