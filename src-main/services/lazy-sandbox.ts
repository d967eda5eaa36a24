// "Try the sandbox" needs sandbox/index.ts, and with it oidc-provider and the demo data, which
// most people never use: main imports it on the first sandbox start only, not when it starts.
import type { StartSandbox } from './sandbox-launch';

/** A StartSandbox that loads the real one when it is first called; a failed load is retried. */
export function loadSandboxWhenNeeded(
  load: () => Promise<{ startSandbox: StartSandbox }>,
): StartSandbox {
  let loading: Promise<StartSandbox> | undefined;
  return async (options) => {
    loading ??= load().then(
      (module) => module.startSandbox,
      (error: unknown) => {
        loading = undefined;
        throw error;
      },
    );
    return (await loading)(options);
  };
}
