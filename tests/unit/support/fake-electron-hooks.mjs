// Module hooks (run on Node's loader thread): the real `electron` package would try to fetch a binary.
const FAKE_ELECTRON_URL = new URL('./fake-electron.mjs', import.meta.url).href;

export async function resolve(specifier, context, nextResolve) {
  if (specifier === 'electron' || specifier.startsWith('electron/')) {
    return { url: FAKE_ELECTRON_URL, format: 'module', shortCircuit: true };
  }
  return nextResolve(specifier, context);
}
