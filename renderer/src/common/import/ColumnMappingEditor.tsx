import { Button, Select, Space, Typography } from 'antd'
import { useState, type ReactNode } from 'react'
import { ImportColumnsTable } from './ImportColumnsTable'

/** Column index (as a string) → field key, or null: the column is kept as written. */
export type ColumnMapping = Record<string, string | null>

/** A ledger field a column can go to. */
export interface MappingOption {
  value: string
  label: string
}

/** A column of the file as a preview read it, with the field it was taken for. */
interface MappedColumn {
  index: number
  letter: string
  header: string
  samples: string[]
  field: string | null
}

/** The clerk's draft of the mapping, starting from the preview's; `remapped` while it differs from what the preview read. */
export function useMappingDraft(columns: readonly MappedColumn[]) {
  const [draft, setDraft] = useState<ColumnMapping>(() => Object.fromEntries(columns.map((c) => [String(c.index), c.field])))
  const remapped = columns.some((c) => (draft[String(c.index)] ?? null) !== c.field)
  const setField = (index: number, field: string | null) => setDraft((d) => ({ ...d, [String(index)]: field }))
  return { draft, remapped, setField }
}

interface ColumnMappingEditorProps<C extends MappedColumn> {
  columns: C[]
  /** The fields to choose from; 「不导入，原样保留」 comes first on its own. */
  options: readonly MappingOption[]
  draft: ColumnMapping
  remapped: boolean
  setField(index: number, field: string | null): void
  /** Reads the file again with the draft. */
  onRemap(mapping: ColumnMapping): void
  headerWidth: number
  fieldWidth: number
  /** Shown after a column's choice (e.g. the unit a money column is read in). */
  suffix?(column: C): ReactNode
  /** The import keeps unmapped columns as written and gives them back on export (true unless said otherwise). */
  keepsUnmapped?: boolean
}

/**
 * The 列对应 tab of an import preview: each column of the file with a choice of the ledger field it
 * goes to, and the button that checks the file again with the clerk's choices. Both the roster and
 * the project-list import use it; the core remembers the choices per header layout.
 */
export function ColumnMappingEditor<C extends MappedColumn>(props: ColumnMappingEditorProps<C>) {
  const { columns, draft, remapped, setField, suffix } = props
  const keeps = props.keepsUnmapped !== false
  const options = [{ value: '', label: keeps ? '（不导入，原样保留）' : '（不导入）' }, ...props.options]
  const selectWidth = props.fieldWidth - (suffix ? 80 : 20)
  return (
    <>
      <Space style={{ marginBottom: 8 }}>
        <Button type="primary" disabled={!remapped} onClick={() => props.onRemap(draft)}>
          按修改后的对应重新检查
        </Button>
        <Typography.Text type="secondary">{`修改会被记住，下次导入相同表头的文件时自动使用。${keeps ? '未对应的列原样保留，导出时交还。' : '未对应的列不导入。'}`}</Typography.Text>
      </Space>
      <ImportColumnsTable<C>
        columns={columns}
        headerWidth={props.headerWidth}
        fieldWidth={props.fieldWidth}
        field={(c) => (
          <Space size={6}>
            <Select
              aria-label={`第 ${c.letter} 列对应字段`}
              showSearch
              optionFilterProp="label"
              style={{ width: selectWidth }}
              value={draft[String(c.index)] ?? ''}
              options={options}
              onChange={(v: string) => setField(c.index, v || null)}
            />
            {suffix?.(c)}
          </Space>
        )}
      />
    </>
  )
}
