// Preloaded with `node --import` so the built main bundle gets a fake `electron` under plain Node.
import { register } from 'node:module';

register('./fake-electron-hooks.mjs', import.meta.url);
