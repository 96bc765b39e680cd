import { useEffect, useState } from 'react'

/** Hash routes: '#/' (household list), '#/households/:id', '#/import', '#/data'. */
export type Route = { page: 'households' } | { page: 'household'; id: number } | { page: 'import' } | { page: 'data' }

export function parseRoute(hash: string): Route {
  const m = /^#\/households\/(\d+)$/.exec(hash)
  if (m) return { page: 'household', id: Number(m[1]) }
  if (hash === '#/import') return { page: 'import' }
  if (hash === '#/data') return { page: 'data' }
  return { page: 'households' }
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
