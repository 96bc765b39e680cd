import { useCallback, useEffect, useRef, useState } from 'react'
import type { OpInput, OpName, OpResult } from '../../../../shared/api/contract'
import { call, CallError } from './client'

export interface CallState<T> {
  data: T | undefined
  error: CallError | undefined
  loading: boolean
  reload(): void
}

/** Calls an operation whenever its input changes; stale answers are dropped. */
export function useCall<K extends OpName>(name: K, input: OpInput<K>): CallState<OpResult<K>> {
  const key = JSON.stringify(input)
  const [state, setState] = useState<{ data?: OpResult<K>; error?: CallError; loading: boolean }>({ loading: true })
  const [version, setVersion] = useState(0)
  const latest = useRef(0)
  useEffect(() => {
    const ticket = ++latest.current
    setState((s) => ({ ...s, loading: true }))
    call(name, JSON.parse(key) as OpInput<K>).then(
      (data) => ticket === latest.current && setState({ data, loading: false }),
      (error: unknown) =>
        ticket === latest.current &&
        setState((s) => ({ data: s.data, loading: false, error: error instanceof CallError ? error : new CallError('internal', String(error)) })),
    )
  }, [name, key, version])
  const reload = useCallback(() => setVersion((v) => v + 1), [])
  return { data: state.data, error: state.error, loading: state.loading, reload }
}
