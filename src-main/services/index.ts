// Main's plain-Node services behind the IPC contract: connections, auth and both connectors wired
// into one handler map. Electron's composition root (src-main/index.ts) and the e2e harness use it.
export {
  createMainServices,
  type MainServices,
  type MainServicesOptions,
} from './create-main-services';
export type { StartSandbox, SandboxHandle } from './sandbox-handlers';
export { loadSandboxWhenNeeded } from './lazy-sandbox';
