// Medusa keeps decorator metadata in a global store; clear it so each test file boots a clean app.
const { MetadataStorage } = require("@mikro-orm/core")

MetadataStorage.clear()

process.env.MEDUSA_DISABLE_TELEMETRY = "true"
// Medusa logs every boot step at info; tests only need warnings and errors.
process.env.LOG_LEVEL = process.env.LOG_LEVEL || "warn"
