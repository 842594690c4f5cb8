// nock patches Node's http module, which jest shares between the test files of one worker. A file that
// loaded nock (even only through a shared fixtures helper) and left it active would stack its interceptor
// under the next file's, and that file's network-error tests would see errors emitted twice.
afterAll(() => {
  const nock = require("nock")
  nock.cleanAll()
  nock.enableNetConnect()
  nock.restore()
})
