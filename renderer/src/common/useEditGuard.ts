/** Unsaved-change protection and Ctrl+S for the form being edited. */
import { App } from 'antd'
import { useEffect, useRef } from 'react'
import { setLeaveGuard } from '../router'
import { confirmDiscard } from './GuardedModal'

export const LEAVE_QUESTION = '有修改尚未保存，确定要离开吗？离开后这些修改将丢失。'

/**
 * While `dirty`, leaving the page (menu, back button, closing the window) asks first; while
 * `onSave` is set, Ctrl+S (⌘S) calls it instead of the browser's "save page".
 */
export function useEditGuard(dirty: boolean, onSave: (() => void) | null): void {
  const { modal } = App.useApp()
  const save = useRef(onSave)
  save.current = onSave
  useEffect(() => {
    if (!dirty) return
    const beforeUnload = (e: BeforeUnloadEvent) => {
      e.preventDefault()
      e.returnValue = LEAVE_QUESTION
    }
    window.addEventListener('beforeunload', beforeUnload)
    // The app's own dialog, not the browser's confirm(): it matches the app and Esc keeps the edits.
    const remove = setLeaveGuard((proceed) => {
      confirmDiscard(modal, { title: LEAVE_QUESTION, okText: '离开此页', cancelText: '留在此页' }, proceed)
      return false
    })
    return () => {
      window.removeEventListener('beforeunload', beforeUnload)
      remove()
    }
  }, [dirty, modal])
  useEffect(() => {
    if (!onSave) return
    const onKey = (e: KeyboardEvent) => {
      if ((e.ctrlKey || e.metaKey) && !e.altKey && e.key.toLowerCase() === 's') {
        e.preventDefault()
        save.current?.()
      }
    }
    window.addEventListener('keydown', onKey)
    return () => window.removeEventListener('keydown', onKey)
  }, [onSave])
}
