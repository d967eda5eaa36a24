// The preload: builds window.fieldbook from the IPC contract. Bundled into one CommonJS file so it
// runs in a sandboxed renderer.
export {};
