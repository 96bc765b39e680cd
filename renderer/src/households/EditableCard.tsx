/**
 * A card of roster fields shown read-only, with 编辑 turning it into a form. Saves only the
 * changed fields; the core checks them with the importer's rules (errors refuse, warnings shown).
 */
import { Alert, Button, Card, Descriptions, Form, Space } from 'antd'
import { type ReactNode, useEffect, useMemo, useState } from 'react'
import type { EditIssue } from '../../../shared/domain/households-rules'
import { Can } from '../accounts'
import { CallError } from '../common/api/client'
import { type FormValues, changedFields } from './fields'

export interface CardField {
  key: string
  label: string
  view: ReactNode
  input: ReactNode | null
  initial: string | string[] | undefined
  /** Highlight the item (e.g. a 两不愁三保障 gap). */
  danger?: boolean
  span?: number
}

export function EditableCard(props: {
  title: string
  name: string
  fields: CardField[]
  extra?: ReactNode
  footer?: ReactNode
  editing: boolean
  onEditing(editing: boolean): void
  onDirty(dirty: boolean): void
  registerSave(save: (() => void) | null): void
  save(patch: Record<string, string | null>): Promise<{ warnings: EditIssue[] }>
}) {
  const [form] = Form.useForm<FormValues>()
  const initial = useMemo(() => Object.fromEntries(props.fields.map((f) => [f.key, f.initial])) as FormValues, [props.fields])
  const [error, setError] = useState<{ message: string; field?: string } | null>(null)
  const [warnings, setWarnings] = useState<EditIssue[]>([])
  const [saving, setSaving] = useState(false)
  const editable = props.fields.filter((f) => f.input !== null).map((f) => f.key)
  const { editing, onDirty, registerSave } = props

  const submit = async () => {
    const patch = changedFields(editable, initial, form.getFieldsValue(true) as FormValues)
    setError(null)
    if (Object.keys(patch).length === 0) {
      props.onEditing(false)
      onDirty(false)
      return
    }
    setSaving(true)
    try {
      const r = await props.save(patch)
      setWarnings(r.warnings)
      onDirty(false)
      props.onEditing(false)
    } catch (err) {
      const e = err instanceof CallError ? { message: err.message, ...(err.field ? { field: err.field } : {}) } : { message: String(err) }
      setError(e)
      if (e.field && editable.includes(e.field)) form.setFields([{ name: e.field, errors: [e.message] }])
    } finally {
      setSaving(false)
    }
  }

  useEffect(() => {
    if (!editing) return
    form.setFieldsValue(initial)
    registerSave(() => void submit())
    return () => registerSave(null)
  }, [editing])

  const cancel = () => {
    form.resetFields()
    setError(null)
    onDirty(false)
    props.onEditing(false)
  }

  return (
    <Card
      size="small"
      title={props.title}
      style={{ marginBottom: 12 }}
      data-card={props.name}
      extra={
        editing ? (
          <Space>
            <Button onClick={cancel}>取消</Button>
            <Button type="primary" loading={saving} onClick={() => void submit()} title="Ctrl+S">
              保存
            </Button>
          </Space>
        ) : (
          <Space>
            {props.extra}
            <Can op="households.update">
              <Button onClick={() => { setWarnings([]); props.onEditing(true) }}>编辑</Button>
            </Can>
          </Space>
        )
      }
    >
      {error && <Alert type="error" showIcon message={`未保存：${error.message}`} style={{ marginBottom: 8 }} />}
      {warnings.length > 0 && !editing && (
        <Alert
          type="warning"
          showIcon
          closable
          onClose={() => setWarnings([])}
          message="已保存，但有需要核对的地方："
          description={<ul style={{ margin: 0, paddingLeft: 18 }}>{warnings.map((w, i) => <li key={i}>{w.message}</li>)}</ul>}
          style={{ marginBottom: 8 }}
        />
      )}
      {editing ? (
        <Form
          form={form}
          layout="vertical"
          size="small"
          initialValues={initial}
          onValuesChange={() => onDirty(Object.keys(changedFields(editable, initial, form.getFieldsValue(true) as FormValues)).length > 0)}
          className="household-edit-form"
        >
          {props.fields.map((f) =>
            f.input === null ? (
              <Form.Item key={f.key} label={f.label}>
                {f.view}
              </Form.Item>
            ) : (
              <Form.Item key={f.key} name={f.key} label={f.label}>
                {f.input}
              </Form.Item>
            ),
          )}
        </Form>
      ) : (
        <Descriptions size="small" column={{ xs: 1, sm: 2, lg: 4 }} bordered>
          {props.fields.map((f) => (
            <Descriptions.Item key={f.key} label={f.label} span={f.span} className={f.danger ? 'guarantee-gap' : undefined}>
              {f.view}
            </Descriptions.Item>
          ))}
        </Descriptions>
      )}
      {props.footer}
    </Card>
  )
}
