// Reports of each run go to .cache/ (read by .ci/run for its closing line).
require("node:fs").mkdirSync(`${__dirname}/.cache`, { recursive: true })

// Two suites: pure/unit code (fast, nock only) and integration (real Medusa + PostgreSQL + sandboxes).
const swc = ["@swc/jest", { jsc: { parser: { syntax: "typescript", decorators: true }, target: "es2021" } }]

const base = {
  transform: { "^.+\\.[jt]s$": swc },
  testEnvironment: "node",
  moduleFileExtensions: ["js", "ts", "json"],
  modulePathIgnorePatterns: ["dist/", "<rootDir>/.medusa/", "<rootDir>/.cache/"],
  setupFiles: ["./integration-tests/setup.js"],
}

const testMatchByType = {
  unit: ["**/src/**/__tests__/**/*.spec.[jt]s", "**/sandbox/**/__tests__/**/*.spec.[jt]s"],
  integration: ["**/integration-tests/http/**/*.spec.[jt]s"],
  browser: ["**/integration-tests/browser/**/*.spec.[jt]s"],
  tarball: ["**/integration-tests/tarball/**/*.spec.[jt]s"],
  demo: ["**/integration-tests/demo/**/*.spec.ts"],
  instances: ["**/integration-tests/instances/**/*.spec.ts"],
}

const type = process.env.TEST_TYPE || "unit"

module.exports = {
  ...base,
  testMatch: testMatchByType[type],
  ...(type === "unit" ? { setupFilesAfterEnv: ["./jest.after-env.js"] } : {}),
  ...(type === "integration"
    ? {
        globalSetup: "./integration-tests/db/global-setup.js",
        globalTeardown: "./integration-tests/db/global-teardown.js",
        testTimeout: 240000,
      }
    : {}),
  // Browser: a built Medusa host with the admin, driven by chromium (integration-tests/browser/).
  ...(type === "browser"
    ? {
        globalSetup: "./integration-tests/browser/global-setup.ts",
        globalTeardown: "./integration-tests/browser/global-teardown.ts",
        testTimeout: 240000,
      }
    : {}),
  // Tarball: a shop installs the packed plugin and runs README's medusa-config.ts (integration-tests/tarball/).
  ...(type === "tarball"
    ? {
        globalSetup: "./integration-tests/db/global-setup.js",
        globalTeardown: "./integration-tests/db/global-teardown.js",
        testTimeout: 240000,
      }
    : {}),
  // Demo: `npm run demo`'s program on a throw-away database and state folder, its storefront driven by chromium.
  ...(type === "demo"
    ? {
        globalSetup: "./integration-tests/demo/global-setup.ts",
        globalTeardown: "./integration-tests/demo/global-teardown.ts",
        testTimeout: 180000,
      }
    : {}),
  // Instances: two `medusa start` processes of one shop sharing PostgreSQL and Redis (integration-tests/instances/).
  ...(type === "instances"
    ? {
        globalSetup: "./integration-tests/db/global-setup.js",
        globalTeardown: "./integration-tests/db/global-teardown.js",
        testTimeout: 300000,
      }
    : {}),
}
