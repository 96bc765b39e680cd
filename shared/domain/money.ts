/** Money is stored as integer 分; these format it without floating-point drift. */

/** 123456 → '1234.56' (元). */
export function fenToYuanText(fen: number): string {
  const sign = fen < 0 ? '-' : ''
  const abs = Math.abs(Math.trunc(fen))
  return `${sign}${Math.floor(abs / 100)}.${String(abs % 100).padStart(2, '0')}`
}

/** 123456 → '1,234.56 元' for display. */
export function formatYuan(fen: number): string {
  const [int, dec] = fenToYuanText(fen).split('.')
  return `${int!.replace(/\B(?=(\d{3})+(?!\d))/g, ',')}.${dec} 元`
}

/** 123456 → '1,234.56': for a column or field whose header already says 元. */
export function formatYuanNumber(fen: number): string {
  return formatYuan(fen).replace(/ 元$/, '')
}
