import type { MedusaContainer } from "@medusajs/framework/types"
import { Modules } from "@medusajs/framework/utils"
import jwt from "jsonwebtoken"

/** An admin user and the Bearer header for it (the same token Medusa issues after an emailpass login). */
export async function createAdminHeaders(container: MedusaContainer) {
  const userModule = container.resolve(Modules.USER)
  const authModule = container.resolve(Modules.AUTH)
  const user = await userModule.createUsers({
    email: `admin-${Date.now()}@example.com`,
    first_name: "Ada",
    last_name: "Admin",
  })
  const authIdentity = await authModule.createAuthIdentities({
    provider_identities: [{ provider: "emailpass", entity_id: user.email }],
    app_metadata: { user_id: user.id },
  })
  const token = jwt.sign(
    { actor_id: user.id, actor_type: "user", auth_identity_id: authIdentity.id, app_metadata: { user_id: user.id } },
    process.env.JWT_SECRET || "supersecret",
    { expiresIn: "1d" },
  )
  return { headers: { authorization: `Bearer ${token}` } }
}
