/** The colour of a check's severity tag. */
export const SEVERITY_COLORS: Record<string, string> = { 错误: 'red', 疑点: 'orange', 提示: 'blue' }
