// The Redis both Medusa instances share: REDIS_URL when it answers PING, else 127.0.0.1:6379 when it answers, else a
// throw-away Debian `redis-server` this test starts on a free loopback port (no persistence). Nothing here skips:
// without a Redis the test fails, saying how to get one.
//
// The run claims one database number of its own (an empty one, marked with SET NX so two runs never share it) and
// flushes only that database, so a developer's or another suite's keys on the same server are never touched.
import { spawn, spawnSync, type ChildProcess } from "node:child_process"
import net from "node:net"
import { freePort } from "../helpers/environment"

type Reply = string | number | null

const frame = (parts: string[]) =>
  `*${parts.length}\r\n${parts.map((p) => `$${Buffer.byteLength(p)}\r\n${p}\r\n`).join("")}`

/** One RESP reply at `pos` (simple string, error, integer or bulk string), or undefined while incomplete. */
function parseReply(buf: Buffer, pos: number): { value: Reply | Error; next: number } | undefined {
  const eol = buf.indexOf("\r\n", pos)
  if (eol < 0) return undefined
  const line = buf.toString("utf8", pos + 1, eol)
  const type = String.fromCharCode(buf[pos])
  if (type === "+") return { value: line, next: eol + 2 }
  if (type === "-") return { value: new Error(`Redis: ${line}`), next: eol + 2 }
  if (type === ":") return { value: Number(line), next: eol + 2 }
  if (type !== "$") return { value: new Error(`Redis: unexpected reply type ${type}`), next: buf.length }
  const length = Number(line)
  if (length < 0) return { value: null, next: eol + 2 }
  if (buf.length < eol + 2 + length + 2) return undefined
  return { value: buf.toString("utf8", eol + 2, eol + 2 + length), next: eol + 2 + length + 2 }
}

/** `args` on database `db` (after AUTH when the URL has a password); answers its reply, rejects on an error reply. */
function command(url: URL, db: number, ...args: string[]): Promise<Reply> {
  const password = decodeURIComponent(url.password)
  const user = decodeURIComponent(url.username)
  const commands = [
    ...(password ? [user ? ["AUTH", user, password] : ["AUTH", password]] : []),
    ["SELECT", String(db)],
    args,
  ]
  return new Promise((resolve, reject) => {
    const socket = net.connect({ host: url.hostname, port: Number(url.port || 6379) })
    socket.setTimeout(3000, () => socket.destroy(new Error("Redis did not answer within 3 s")))
    let buf = Buffer.alloc(0)
    socket.on("data", (chunk) => {
      buf = Buffer.concat([buf, chunk])
      const replies: Array<Reply | Error> = []
      for (let pos = 0, parsed; replies.length < commands.length; pos = parsed.next) {
        parsed = parseReply(buf, pos)
        if (!parsed) return
        replies.push(parsed.value)
      }
      socket.end()
      const error = replies.find((r): r is Error => r instanceof Error)
      if (error) reject(error)
      else resolve(replies[replies.length - 1] as Reply)
    })
    socket.on("error", reject)
    socket.write(commands.map(frame).join(""))
  })
}

const answers = (url: URL) =>
  command(url, 0, "PING").then(
    (r) => r === "PONG",
    () => false,
  )

export interface TestRedis {
  /** redis://host:port/<db>: what both instances' REDIS_URL is */
  url: string
  db: number
  source: string
  /** flushes the claimed database and stops a server this test started */
  release(): Promise<void>
}

export async function startRedisServer(): Promise<{ url: URL; child: ChildProcess }> {
  if (spawnSync("redis-server", ["--version"]).status !== 0) {
    throw new Error(
      "No Redis answered (REDIS_URL, 127.0.0.1:6379) and `redis-server` is not on PATH: `apt-get install -y redis-server` or set REDIS_URL",
    )
  }
  const port = await freePort()
  const child = spawn(
    "redis-server",
    ["--port", String(port), "--bind", "127.0.0.1", "--save", "", "--appendonly", "no", "--daemonize", "no"],
    { stdio: "ignore" },
  )
  const url = new URL(`redis://127.0.0.1:${port}`)
  const deadline = Date.now() + 15_000
  while (Date.now() < deadline) {
    if (child.exitCode !== null) throw new Error(`redis-server exited with ${child.exitCode}`)
    if (await answers(url)) return { url, child }
    await new Promise((r) => setTimeout(r, 100))
  }
  child.kill("SIGKILL")
  throw new Error("redis-server did not answer PING within 15 s")
}

const CLAIM_KEY = "medusa-plugin-payex-payer:instances-test"

/** An empty database number (15 down to 1), claimed with SET NX for three hours. */
async function claimDatabase(url: URL): Promise<number> {
  for (let db = 15; db >= 1; db--) {
    if ((await command(url, db, "DBSIZE")) !== 0) continue
    if ((await command(url, db, "SET", CLAIM_KEY, String(process.pid), "NX", "EX", "10800")) === "OK") return db
  }
  throw new Error(`Redis at ${url.host} has no empty database among 1..15 for the instances test`)
}

export async function chooseRedis(): Promise<TestRedis> {
  let url: URL | undefined
  let source = ""
  let child: ChildProcess | undefined
  const fromEnv = process.env.REDIS_URL ? new URL(process.env.REDIS_URL) : undefined
  if (fromEnv && (await answers(fromEnv))) [url, source] = [fromEnv, "REDIS_URL"]
  else if (await answers(new URL("redis://127.0.0.1:6379")))
    [url, source] = [new URL("redis://127.0.0.1:6379"), "127.0.0.1:6379"]
  else {
    ;({ url, child } = await startRedisServer())
    source = `redis-server started by the test on ${url.host}`
  }
  const db = await claimDatabase(url)
  // The claim key stays: Medusa's modules only add their own keys, and the claim keeps other runs out.
  const base = new URL(url.toString())
  base.pathname = `/${db}`
  return {
    url: base.toString(),
    db,
    source,
    async release() {
      await command(url, db, "FLUSHDB").catch(() => undefined)
      if (child && child.exitCode === null) {
        await new Promise<void>((resolve) => {
          const timer = setTimeout(() => child.kill("SIGKILL"), 5000)
          child.once("exit", () => (clearTimeout(timer), resolve()))
          child.kill("SIGTERM")
        })
      }
    },
  }
}

/** How many keys the claimed database holds (to see that the instances really keep their state in it). */
export function keysIn(redis: TestRedis): Promise<number> {
  return command(new URL(redis.url), redis.db, "DBSIZE").then(Number)
}
