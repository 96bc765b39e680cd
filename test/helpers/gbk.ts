/** Encodes text as GBK (what Chinese Excel and WPS write to CSV), built from Node's own GB18030 decoder. */
let table: Map<string, number[]> | null = null

function buildTable(): Map<string, number[]> {
  const decoder = new TextDecoder('gb18030')
  const map = new Map<string, number[]>()
  for (let hi = 0x81; hi <= 0xfe; hi++) {
    for (let lo = 0x40; lo <= 0xfe; lo++) {
      if (lo === 0x7f) continue
      const ch = decoder.decode(Uint8Array.from([hi, lo]))
      if (ch.length === 1 && ch !== '\ufffd' && !map.has(ch)) map.set(ch, [hi, lo])
    }
  }
  return map
}

export function encodeGbk(text: string): Buffer {
  table ??= buildTable()
  const bytes: number[] = []
  for (const ch of text) {
    const code = ch.codePointAt(0)!
    if (code < 0x80) bytes.push(code)
    else {
      const b = table.get(ch)
      if (!b) throw new Error(`not in GBK: ${ch}`)
      bytes.push(...b)
    }
  }
  return Buffer.from(bytes)
}
