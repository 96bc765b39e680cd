/** The dialog every project record (budget line, disbursement, milestone, …) is entered in. */
import { Alert, Button, Form, type FormInstance, Modal, Popconfirm, Space } from 'antd'
import { type ReactNode, useState } from 'react'
import { Can } from '../../accounts'
import { CallError } from '../../common/api/client'

export function RecordModal(props: {
  title: string | null
  form: FormInstance
  /** Saves; a refusal of the core (Chinese message) stays shown in the dialog. */
  onSubmit(values: Record<string, unknown>): Promise<void>
  onClose(): void
  children: ReactNode
  width?: number
  initialValues?: Record<string, unknown>
}) {
  const [error, setError] = useState<string | null>(null)
  const [saving, setSaving] = useState(false)
  const submit = async () => {
    let values: Record<string, unknown>
    try {
      values = (await props.form.validateFields()) as Record<string, unknown>
    } catch {
      return
    }
    setSaving(true)
    setError(null)
    try {
      await props.onSubmit(values)
      props.onClose()
    } catch (err) {
      const e = err instanceof CallError ? err : new CallError('internal', String(err))
      setError(e.message)
      if (e.field && props.form.getFieldInstance(e.field) !== undefined) props.form.setFields([{ name: e.field, errors: [e.message] }])
    } finally {
      setSaving(false)
    }
  }
  return (
    <Modal
      open={props.title !== null}
      title={props.title}
      okText="保存"
      cancelText="取消"
      confirmLoading={saving}
      onOk={() => void submit()}
      onCancel={props.onClose}
      afterClose={() => setError(null)}
      width={props.width}
      destroyOnHidden
    >
      {error && <Alert type="error" showIcon title={`未保存：${error}`} style={{ marginBottom: 12 }} className="record-error" />}
      <Form form={props.form} name="record" layout="vertical" preserve={false} initialValues={props.initialValues} onValuesChange={() => error && setError(null)}>
        {props.children}
      </Form>
    </Modal>
  )
}

/** 修改 / 删除 links of a record row. */
export function RowActions(props: { what: string; onEdit?: () => void; onDelete: () => void }) {
  return (
    <Space size={4}>
      {props.onEdit && (
        <Can op="projects.updateRecord" hide>
          <Button size="small" type="link" onClick={props.onEdit}>
            修改
          </Button>
        </Can>
      )}
      <Can op="projects.deleteRecord" hide>
        <Popconfirm title={`删除这条${props.what}？`} okText="删除" okButtonProps={{ danger: true }} cancelText="取消" onConfirm={props.onDelete}>
          <Button size="small" type="link" danger>
            删除
          </Button>
        </Popconfirm>
      </Can>
    </Space>
  )
}
