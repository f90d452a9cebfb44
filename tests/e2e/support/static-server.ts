// The tests serve the built renderer exactly as `annex pdf` does: one loopback server for both.
export { serveDirectory } from '../../../cli/print/serve-directory';
