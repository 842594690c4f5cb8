// Medusa keeps decorator metadata in a global store; clear it so each test file boots a clean app.
const { MetadataStorage } = require("@mikro-orm/core")

MetadataStorage.clear()
