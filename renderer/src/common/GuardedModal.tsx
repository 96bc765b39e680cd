/** Dialogs that do not throw away what the clerk typed: closing one with content asks first. */
import { App, Modal, type FormInstance, type ModalProps } from 'antd'
import type { useAppProps } from 'antd/es/app/context'

export const DISCARD_QUESTION = '放弃已填写的内容？'

/** Asks in the app's own dialog whether to discard; `proceed` runs only on 放弃. Esc keeps the content. */
export function confirmDiscard(
  modal: useAppProps['modal'],
  text: { title?: string; content?: string; okText?: string; cancelText?: string },
  proceed: () => void,
): void {
  modal.confirm({
    title: text.title ?? DISCARD_QUESTION,
    content: text.content ?? '已填写的内容尚未保存，关闭后将丢失。',
    okText: text.okText ?? '放弃',
    okButtonProps: { danger: true },
    cancelText: text.cancelText ?? '继续填写',
    autoFocusButton: 'cancel',
    onOk: proceed,
  })
}

/**
 * An antd Modal whose Esc, ✕, mask click and 取消 ask before closing when something was typed:
 * `form`'s fields were touched, or `dirty` is set.
 */
export function GuardedModal({ form, dirty, onCancel, ...props }: ModalProps & { form?: FormInstance; dirty?: boolean }) {
  const { modal } = App.useApp()
  return (
    <Modal
      {...props}
      onCancel={(e) => {
        if (dirty || form?.isFieldsTouched()) confirmDiscard(modal, {}, () => onCancel?.(e))
        else onCancel?.(e)
      }}
    />
  )
}
