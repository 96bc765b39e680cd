import { useEffect, useState } from 'react'

/** Hash routes: '#/' (household list) and '#/households/:id'. */
export type Route = { page: 'households' } | { page: 'household'; id: number }

export function parseRoute(hash: string): Route {
  const m = /^#\/households\/(\d+)$/.exec(hash)
  return m ? { page: 'household', id: Number(m[1]) } : { page: 'households' }
}

export function useRoute(): Route {
  const [route, setRoute] = useState(() => parseRoute(location.hash))
  useEffect(() => {
    const onChange = () => setRoute(parseRoute(location.hash))
    window.addEventListener('hashchange', onChange)
    return () => window.removeEventListener('hashchange', onChange)
  }, [])
  return route
}

export const navigate = (hash: string) => {
  location.hash = hash
}
