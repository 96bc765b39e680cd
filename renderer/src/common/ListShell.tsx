/**
 * The one shell of every list page: the filter bar above, then one table that fills the rest of
 * the window. Only the table's rows scroll; its header, totals row and pager stay in view, with
 * dense rows (antd size="small") so a 1366×768 laptop shows about twenty of them.
 */
import { Table, type TableProps } from 'antd'
import { useLayoutEffect, useRef, useState, type ReactNode } from 'react'

export function ListShell({ toolbar, children, label }: { toolbar: ReactNode; children: ReactNode; label?: string }) {
  return (
    <div className="page list-page" aria-label={label}>
      <div className="list-toolbar">{toolbar}</div>
      <div className="list-body">{children}</div>
    </div>
  )
}

/** The smallest body height kept when the window is very short: a few rows still show. */
const MIN_BODY = 96

/** A list page's table: its body's height is measured so that header, body, totals and pager fill the shell. */
export function ListTable<T extends object>({ scroll, className, ...props }: TableProps<T>) {
  const ref = useRef<HTMLDivElement>(null)
  const [bodyHeight, setBodyHeight] = useState<number>(MIN_BODY)
  useLayoutEffect(() => {
    const el = ref.current
    if (!el) return
    const fit = () => {
      const wrapper = el.firstElementChild as HTMLElement | null
      const body = el.querySelector<HTMLElement>('.ant-table-body')
      if (!wrapper || !body) return
      // Everything but the scrolling body: header, totals row, pager.
      const chrome = wrapper.offsetHeight - body.offsetHeight
      const next = Math.max(MIN_BODY, Math.floor(el.clientHeight - chrome))
      setBodyHeight((h) => (h === next ? h : next))
    }
    fit()
    const observer = new ResizeObserver(fit)
    observer.observe(el)
    return () => observer.disconnect()
  })
  return (
    <div ref={ref} className="list-table">
      <Table<T> size="small" className={className} scroll={{ ...scroll, y: bodyHeight }} {...props} />
    </div>
  )
}
