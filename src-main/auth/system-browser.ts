// How sign-in reaches the user's browser. Main's auth code only knows this interface; the Electron
// adapter (src-main/platform/system-browser.ts) and the test adapters implement it.

export interface SystemBrowser {
  /** Opens `url` in the user's default browser; resolves once the browser was asked to. */
  open(url: string): Promise<void>;
}
