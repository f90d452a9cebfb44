import { DEFAULT_SETTINGS, settingsSchema, type Settings } from '../shared/ipc/contract';

/** Where the app keeps its settings; an in-memory one for tests, electron-store in the app. */
export interface SettingsStore {
  get(): Settings;
  /** Merges `patch` into the stored settings and returns the result. */
  update(patch: Partial<Settings>): Settings;
}

const SETTINGS_KEYS = Object.keys(DEFAULT_SETTINGS) as (keyof Settings)[];

/**
 * Valid settings from whatever was on disk: each key that fails its schema falls back to its default, so
 * one bad value (an older version, a hand edit) never loses the others nor stops the app from starting.
 */
export function sanitizeSettings(raw: unknown): Settings {
  const source = typeof raw === 'object' && raw !== null ? (raw as Record<string, unknown>) : {};
  const settings: Record<string, unknown> = {};
  for (const key of SETTINGS_KEYS) {
    const parsed = settingsSchema.shape[key].safeParse(source[key]);
    settings[key] = parsed.success ? parsed.data : DEFAULT_SETTINGS[key];
  }
  return settingsSchema.parse(settings);
}

/** Drops undefined entries: electron-store refuses to store undefined. */
export function definedEntries(patch: Partial<Settings>): Partial<Settings> {
  return Object.fromEntries(Object.entries(patch).filter(([, value]) => value !== undefined)) as Partial<Settings>;
}

export function createMemorySettingsStore(initial: Partial<Settings> = {}): SettingsStore {
  let current = sanitizeSettings({ ...DEFAULT_SETTINGS, ...initial });
  return {
    get: () => current,
    update(patch) {
      current = sanitizeSettings({ ...current, ...definedEntries(patch) });
      return current;
    },
  };
}
