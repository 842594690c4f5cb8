/** Route patterns with `:params` (a trailing slash tolerated) for the sandboxes' HTTP server core. */
import type { Route } from "./server"

export type CompiledRoute = Route & { method: string; segments: string[] }

export function splitPath(path: string): string[] {
  return path.split("/").filter((s) => s.length > 0)
}

export function compile(route: Route): CompiledRoute {
  return { ...route, method: route.method.toUpperCase(), segments: splitPath(route.pattern) }
}

export function match(route: CompiledRoute, segments: string[]): Record<string, string> | null {
  if (route.segments.length !== segments.length) return null
  const params: Record<string, string> = {}
  for (let i = 0; i < segments.length; i++) {
    const want = route.segments[i]
    if (want.startsWith(":")) {
      try {
        params[want.slice(1)] = decodeURIComponent(segments[i])
      } catch {
        return null
      }
    } else if (want !== segments[i]) {
      return null
    }
  }
  return params
}
