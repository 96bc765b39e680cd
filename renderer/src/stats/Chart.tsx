/**
 * One ECharts chart (Apache ECharts, zh_CN locale, canvas): the option in, a click on a bar or a
 * slice out (its data index and series), so every chart can open the list behind it.
 */
import { BarChart, LineChart, PieChart } from 'echarts/charts'
import { GridComponent, LegendComponent, MarkLineComponent, TooltipComponent } from 'echarts/components'
import * as echarts from 'echarts/core'
import { CanvasRenderer } from 'echarts/renderers'
import { useEffect, useRef } from 'react'

echarts.use([BarChart, LineChart, PieChart, GridComponent, LegendComponent, MarkLineComponent, TooltipComponent, CanvasRenderer])

export type ChartOption = echarts.EChartsCoreOption

export interface ChartClick {
  dataIndex: number
  seriesIndex: number
  name: string
}

interface ChartProps {
  option: ChartOption
  onClick?: (e: ChartClick) => void
  height?: number
  label: string
}

type SeriesValue = number | string | { value?: unknown } | null | undefined

/** Whether no series has a value above zero (bars draw '-' for zero): an empty grid says nothing. */
export function chartIsEmpty(option: ChartOption): boolean {
  const series = (Array.isArray(option.series) ? option.series : option.series ? [option.series] : []) as { data?: SeriesValue[] }[]
  return series.every((s) =>
    (s.data ?? []).every((v) => {
      const x = v !== null && typeof v === 'object' ? v.value : v
      return x === '-' || x === null || x === undefined || Number(x) === 0
    }),
  )
}

/** A chart, or where it has nothing to draw a line saying so in its place (no empty axes). */
export function Chart(props: ChartProps) {
  if (chartIsEmpty(props.option)) {
    return (
      <div role="img" aria-label={props.label} className="stats-chart stats-chart-empty">
        截至所选日期没有可统计的数据
      </div>
    )
  }
  return <EChart {...props} />
}

function EChart({ option, onClick, height = 240, label }: ChartProps) {
  const ref = useRef<HTMLDivElement>(null)
  const chart = useRef<echarts.ECharts | null>(null)
  const click = useRef(onClick)
  click.current = onClick
  useEffect(() => {
    const el = ref.current!
    const c = echarts.init(el, null, { locale: 'ZH', renderer: 'canvas' })
    chart.current = c
    c.on('click', (p) => click.current?.({ dataIndex: p.dataIndex, seriesIndex: p.seriesIndex ?? 0, name: p.name }))
    const resize = new ResizeObserver(() => c.resize())
    resize.observe(el)
    return () => {
      resize.disconnect()
      c.dispose()
      chart.current = null
    }
  }, [])
  useEffect(() => {
    chart.current?.setOption({ animation: false, ...option }, true)
  }, [option])
  return <div ref={ref} role="img" aria-label={label} className="stats-chart" style={{ height, cursor: onClick ? 'pointer' : undefined }} />
}
