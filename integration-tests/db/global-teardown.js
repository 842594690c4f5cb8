// Stops the embedded PostgreSQL that global-setup.js may have started.
module.exports = async function globalTeardown() {
  const child = globalThis.__EMBEDDED_PG__
  if (!child || child.exitCode !== null) return
  await new Promise((resolve) => {
    child.once("exit", resolve)
    child.kill("SIGTERM")
    setTimeout(resolve, 15000).unref()
  })
}
