import { Select } from 'antd'

export interface FilterSelectProps<T extends string | number> {
  /** Names the filter for screen readers (and tests). */
  label: string
  /** Shown while nothing is chosen: what the list then holds (全部行政村). */
  placeholder: string
  width: number
  value: T | undefined
  onChange: (value: T | undefined) => void
  options: { value: T; label: string }[] | undefined
  disabled?: boolean
  /** Typing narrows the options by their label (行政村, 帮扶责任人…); on unless turned off. */
  searchable?: boolean
}

/** One filter of a list page's filter bar: cleared, it filters nothing. */
export function FilterSelect<T extends string | number>({ label, width, searchable, ...props }: FilterSelectProps<T>) {
  return <Select<T> allowClear aria-label={label} style={{ width }} showSearch={searchable ?? true} optionFilterProp="label" {...props} />
}
