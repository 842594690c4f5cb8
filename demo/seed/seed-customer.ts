// The business customer (a company with a Swedish organisation number) whose details prefill the Payer checkout.
import type { AdminApi } from "./admin-api"
import { BUSINESS_CUSTOMER } from "./demo-catalog"
import type { SeedLog } from "./seed-log"

export async function seedBusinessCustomer(api: AdminApi, log: SeedLog): Promise<string> {
  const c = BUSINESS_CUSTOMER
  const { customers } = await api.get<{ customers: Array<{ id: string }> }>(
    `/admin/customers?email=${encodeURIComponent(c.email)}`,
  )
  if (customers[0]) return customers[0].id
  const { customer } = await api.post<{ customer: { id: string } }>("/admin/customers", {
    email: c.email,
    first_name: c.first_name,
    last_name: c.last_name,
    company_name: c.company_name,
    phone: c.phone,
    metadata: { org_number: c.org_number, vat_id: c.vat_id, invoice_email: c.invoice_email },
  })
  await api.post(`/admin/customers/${customer.id}/addresses`, {
    company: c.company_name,
    first_name: c.first_name,
    last_name: c.last_name,
    phone: c.phone,
    is_default_billing: true,
    is_default_shipping: true,
    ...c.address,
  })
  log.created("business customer", `${c.company_name} (${c.email})`)
  return customer.id
}
