import en from "./json/en.json" with { type: "json" }
import sv from "./json/sv.json" with { type: "json" }

// Merged by the dashboard (2.21) into its own resources: every key lives under `payexPayer` in the
// `translation` namespace, so `useTranslation()` reads them as `t("payexPayer....")` without clashing.
export default {
  en: { translation: en },
  sv: { translation: sv },
}
