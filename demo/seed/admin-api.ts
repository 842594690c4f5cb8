// A minimal Admin API client for seeding: a bearer token from the admin's e-mail/password login, JSON in and out,
// every request bounded by a timeout, an error naming the method, path, status and Medusa's message.

export type Json = Record<string, unknown>

export class AdminApi {
  private constructor(
    readonly baseUrl: string,
    private readonly token: string,
  ) {}

  static async logIn(baseUrl: string, login: { email: string; password: string }): Promise<AdminApi> {
    const res = await fetch(`${baseUrl}/auth/user/emailpass`, {
      method: "POST",
      headers: { "content-type": "application/json" },
      body: JSON.stringify(login),
      signal: AbortSignal.timeout(15_000),
    })
    if (!res.ok) throw new Error(`admin login as ${login.email} failed: HTTP ${res.status}`)
    const { token } = (await res.json()) as { token: string }
    return new AdminApi(baseUrl, token)
  }

  async request<T = Json>(method: string, path: string, body?: unknown): Promise<T> {
    const res = await fetch(`${this.baseUrl}${path}`, {
      method,
      headers: { authorization: `Bearer ${this.token}`, ...(body ? { "content-type": "application/json" } : {}) },
      body: body ? JSON.stringify(body) : undefined,
      signal: AbortSignal.timeout(60_000),
    })
    const text = await res.text()
    if (!res.ok) {
      let message = text.slice(0, 300)
      try {
        message = (JSON.parse(text) as { message?: string }).message ?? message
      } catch {
        // not JSON: keep the start of the body
      }
      throw new Error(`${method} ${path.split("?")[0]} answered ${res.status}: ${message}`)
    }
    return (text ? JSON.parse(text) : {}) as T
  }

  get<T = Json>(path: string) {
    return this.request<T>("GET", path)
  }

  post<T = Json>(path: string, body: unknown = {}) {
    return this.request<T>("POST", path, body)
  }
}
