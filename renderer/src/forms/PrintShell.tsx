/**
 * What every printed form shares: the screen-only toolbar (返回, 打印, 另存为 PDF, an 「编辑」 panel and
 * extra buttons), loading and error states, signature and seal blocks and the small formatting helpers.
 * The toolbar and the panel carry `print-toolbar` and never reach paper.
 */
import { Alert, App, Button, Space, Spin, Typography } from 'antd'
import { useState, type ReactNode } from 'react'
import type { ProducedFile } from '../../../shared/api/files'
import { formatYuan } from '../../../shared/domain/money'
import './print.css'

/** The value as text, blank for none (for composing strings). */
export const plain = (v: string | number | null | undefined): string => (v === null || v === undefined || v === '' ? '' : String(v))

/**
 * Runs that must not be split at a line end: numbers with their unit signs and separators (「40%」,
 * 「1,234.56」, 「2026-12-01」, 「0371-12345678」) and codes (「ZC-BDK-2026-001」, 「SL4199-2021-001」).
 */
const TOKEN = /[0-9A-Za-z][0-9A-Za-z\-_./:,%‰]*[0-9A-Za-z%‰]/g

/**
 * Text for a printed cell: Chinese may wrap between any two characters, but numbers, percentages and
 * codes stay whole (each in a no-wrap span; print.css no longer breaks inside words). Every form prints
 * its values through this.
 */
export function keep(text: string): ReactNode {
  const parts: ReactNode[] = []
  let last = 0
  for (const m of text.matchAll(TOKEN)) {
    // Short runs without a break opportunity inside need no span.
    if (!/[-_./:,%‰]/.test(m[0])) continue
    if (m.index > last) parts.push(text.slice(last, m.index))
    parts.push(
      <span className="keep" key={m.index}>
        {m[0]}
      </span>,
    )
    last = m.index + m[0].length
  }
  if (parts.length === 0) return text
  if (last < text.length) parts.push(text.slice(last))
  return parts
}

/** A cell's value: blank for none, numbers and codes kept whole. */
export const dash = (v: string | number | null | undefined): ReactNode => keep(plain(v))
/** 1234567 分 → '12,345.67' (元, the unit is in the header). */
export const yuan = (fen: number | null | undefined) => (fen === null || fen === undefined ? '' : formatYuan(fen).replace(/ 元$/, ''))

export interface PrintShellProps {
  /** Shown next to the buttons: what is printed and how. */
  hint?: string
  ready: boolean
  error?: { message: string }
  loading?: boolean
  /** The 「编辑」 panel's content; the button is shown when given. */
  editor?: ReactNode
  /** More buttons (e.g. 导出 Excel). */
  extra?: ReactNode
  /** A4 landscape instead of portrait. */
  landscape?: boolean
  children?: ReactNode
}

export function PrintShell({ hint, ready, error, loading, editor, extra, landscape, children }: PrintShellProps) {
  const [editing, setEditing] = useState(false)
  const { message } = App.useApp()
  const savePdf = async () => {
    // Named after the form's heading, e.g. 项目竣工验收单.pdf.
    const heading = document.querySelector('.print-sheet h1')?.textContent?.trim()
    const r = await window.ledger.savePdf(`${heading || '表单'}.pdf`)
    if (!r.ok) message.error(r.error.message)
    else if (r.value) message.success('已保存 PDF')
  }
  return (
    <div className="print-root">
      {/* The page size of this form; a later @page rule wins over print.css's portrait default. */}
      {landscape && <style>{'@page { size: A4 landscape; }'}</style>}
      <div className="print-toolbar">
        <Space wrap>
          <Button onClick={() => history.back()}>← 返回</Button>
          <Button type="primary" disabled={!ready} onClick={() => window.print()}>
            打印
          </Button>
          <Button disabled={!ready} onClick={() => void savePdf()}>
            另存为 PDF
          </Button>
          {editor && (
            <Button disabled={!ready} onClick={() => setEditing((v) => !v)}>
              {editing ? '收起编辑' : '编辑'}
            </Button>
          )}
          {extra}
          {hint && <Typography.Text type="secondary">{hint}</Typography.Text>}
        </Space>
        {editing && editor && <div className="print-editor">{editor}</div>}
      </div>
      {error && <Alert type="error" showIcon message={error.message} style={{ margin: 16 }} />}
      {loading && !ready && <Spin style={{ display: 'block', margin: 48 }} />}
      <div className={landscape ? 'print-sheet landscape' : 'print-sheet'}>{children}</div>
    </div>
  )
}

/** A box to sign and stamp: the label, room for a 4.2 cm seal, and the date line. */
export function SealBox({ label, signer, seal = true }: { label: string; signer?: string; seal?: boolean }) {
  return (
    <div className={seal ? 'seal-box' : 'seal-box no-seal'}>
      <div className="seal-label">{label}</div>
      {signer && <div className="seal-signer">{signer}</div>}
      <div className="seal-date">＿＿＿＿年＿＿月＿＿日</div>
    </div>
  )
}

/** The foot of a 公示: period, 监督举报电话, the township's seal and the posting date. */
export function NoticeFooterBlock({ from, to, phone, township, sealer }: { from: string; to: string; phone: string; township: string; sealer?: string }) {
  return (
    <div className="notice-footer">
      <p>
        公示期：{cnDate(from)}至{cnDate(to)}。公示期内如有异议，请向乡镇人民政府或村委会反映。监督举报电话：{phone || '＿＿＿＿＿＿'}
      </p>
      <div className="notice-seal">
        {/* Who posts it: the township by default, a village committee for the village's own notices. */}
        <div>{sealer ?? `${township}人民政府`}（盖章）</div>
        <div>{cnDate(from)}</div>
      </div>
    </div>
  )
}

/** '2026-11-28' → '2026年11月28日'. */
export function cnDate(iso: string | null | undefined): string {
  const m = /^(\d{4})-(\d{2})-(\d{2})$/.exec(iso ?? '')
  return m ? `${m[1]}年${Number(m[2])}月${Number(m[3])}日` : ''
}

export function localToday(offsetDays = 0): string {
  const d = new Date()
  d.setDate(d.getDate() + offsetDays)
  return `${d.getFullYear()}-${String(d.getMonth() + 1).padStart(2, '0')}-${String(d.getDate()).padStart(2, '0')}`
}

/** 导出 Excel: asks the core for the file, then lets the clerk save it. */
export function XlsxButton({ make, label = '导出 Excel（A4）', disabled }: { make: () => Promise<ProducedFile>; label?: string; disabled?: boolean }) {
  const { message } = App.useApp()
  const [busy, setBusy] = useState(false)
  const run = async () => {
    setBusy(true)
    try {
      const file = await make()
      const saved = await window.ledger.saveFile(file.fileId, file.name)
      if (!saved.ok) message.error(saved.error.message)
      else if (saved.value) message.success(`已导出「${file.name}」`)
    } catch (err) {
      message.error({ content: (err as Error).message, duration: 10 })
    } finally {
      setBusy(false)
    }
  }
  return (
    <Button loading={busy} disabled={disabled} onClick={() => void run()}>
      {label}
    </Button>
  )
}
