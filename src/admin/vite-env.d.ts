/// <reference types="vite/client" />

// Defined by the host's admin build (Vite `define`) for plugin code: the backend the dashboard talks to.
declare const __BACKEND_URL__: string | undefined
