/** The fields of a post (新增 and 修改): type (其他 with its note), name, village, pay per month in 元, funding source, capacity. */
import { Button, Col, Form, Input, InputNumber, Row, Select } from 'antd'
import { useState } from 'react'
import type { PostFieldsInput, PostRow } from '../../../shared/api/posts'
import { fenToYuanText } from '../../../shared/domain/money'
import { FUNDING_SOURCES, POST_TYPES } from '../../../shared/domain/posts'
import { call, CallError } from '../common/api/client'
import { useCall } from '../common/api/use-call'

interface Values {
  postType: PostFieldsInput['postType']
  typeNote?: string
  name?: string
  villageId?: number | null
  pay: string
  funding: PostFieldsInput['funding']
  fundingNote?: string
  capacity: number
  note?: string
}

const opt = (s: string | undefined | null) => (s && s.trim() ? s.trim() : null)
const FIELDS = ['postType', 'typeNote', 'name', 'villageId', 'pay', 'funding', 'fundingNote', 'capacity', 'note']

export function PostForm({ post, onSaved, onCancel }: { post?: PostRow; onSaved(id: number): void; onCancel?(): void }) {
  const [form] = Form.useForm<Values>()
  const [saving, setSaving] = useState(false)
  const villages = useCall('households.villages', {})
  const type = Form.useWatch('postType', form) ?? post?.postType
  const funding = Form.useWatch('funding', form) ?? post?.funding
  const submit = async (v: Values) => {
    const fields: PostFieldsInput = {
      postType: v.postType, typeNote: opt(v.typeNote), name: opt(v.name), villageId: v.villageId ?? null, pay: v.pay.trim(), funding: v.funding,
      fundingNote: opt(v.fundingNote), capacity: v.capacity, note: opt(v.note),
    }
    setSaving(true)
    try {
      if (post) {
        await call('posts.update', { id: post.id, fields })
        onSaved(post.id)
      } else onSaved((await call('posts.create', fields)).id)
    } catch (e) {
      const err = e instanceof CallError ? e : new CallError('internal', String(e))
      form.setFields([{ name: (err.field && FIELDS.includes(err.field) ? err.field : 'postType') as keyof Values, errors: [err.message] }])
    } finally {
      setSaving(false)
    }
  }
  return (
    <Form<Values>
      form={form}
      layout="vertical"
      onFinish={(v) => void submit(v)}
      initialValues={
        post
          ? { postType: post.postType, typeNote: post.typeNote ?? undefined, name: post.name ?? undefined, villageId: post.villageId, pay: fenToYuanText(post.payFen), funding: post.funding, fundingNote: post.fundingNote ?? undefined, capacity: post.capacity, note: post.note ?? undefined }
          : { postType: '护林员', funding: '衔接资金', capacity: 1 }
      }
    >
      <Row gutter={12}>
        <Col span={8}>
          <Form.Item name="postType" label="岗位类型" rules={[{ required: true, message: '请选择岗位类型' }]}>
            <Select aria-label="岗位类型" options={POST_TYPES.map((t) => ({ value: t, label: t }))} />
          </Form.Item>
        </Col>
        <Col span={8}>
          <Form.Item name="typeNote" label="岗位说明" rules={[{ required: type === '其他', message: '「其他」岗位请写明是什么岗位（如：水管员）' }]}>
            <Input aria-label="岗位说明" placeholder={type === '其他' ? '如：水管员' : '岗位类型为「其他」时填写'} disabled={type !== '其他'} />
          </Form.Item>
        </Col>
        <Col span={8}>
          <Form.Item name="name" label="岗位名称（可选）">
            <Input aria-label="岗位名称" placeholder="如：一组护林员" />
          </Form.Item>
        </Col>
        <Col span={8}>
          <Form.Item name="villageId" label="所在村">
            <Select aria-label="所在村" allowClear placeholder="乡镇统一设岗时不选" options={(villages.data ?? []).map((v) => ({ value: v.id, label: v.name }))} />
          </Form.Item>
        </Col>
        <Col span={8}>
          <Form.Item name="pay" label="岗位补贴（元/月）" rules={[{ required: true, pattern: /^\d[\d,]*(\.\d{1,2})?$/, message: '请填写每月补贴的元数，如 800 或 666.67' }]}>
            <Input aria-label="岗位补贴（元/月）" suffix="元/月" />
          </Form.Item>
        </Col>
        <Col span={8}>
          <Form.Item name="capacity" label="岗位人数" rules={[{ required: true, message: '请填写岗位人数' }]}>
            <InputNumber aria-label="岗位人数" min={1} max={200} precision={0} style={{ width: '100%' }} />
          </Form.Item>
        </Col>
        <Col span={8}>
          <Form.Item name="funding" label="资金来源" rules={[{ required: true, message: '请选择资金来源' }]}>
            <Select aria-label="资金来源" options={FUNDING_SOURCES.map((t) => ({ value: t, label: t }))} />
          </Form.Item>
        </Col>
        <Col span={8}>
          <Form.Item name="fundingNote" label="资金来源说明" rules={[{ required: funding === '其他', message: '「其他」资金请写明来源' }]}>
            <Input aria-label="资金来源说明" placeholder="如：村集体经济收益" disabled={funding !== '其他'} />
          </Form.Item>
        </Col>
        <Col span={8}>
          <Form.Item name="note" label="备注">
            <Input aria-label="备注" />
          </Form.Item>
        </Col>
      </Row>
      <Form.Item style={{ marginBottom: 0 }}>
        <Button type="primary" htmlType="submit" loading={saving}>
          保存
        </Button>
        {onCancel && (
          <Button style={{ marginLeft: 8 }} onClick={onCancel}>
            取消
          </Button>
        )}
      </Form.Item>
    </Form>
  )
}
