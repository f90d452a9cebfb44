import { afterAll, afterEach, beforeEach, expect } from 'vitest';
import { closeBrowser, type AppSession } from './browser';

/**
 * A fresh app session for every test, closed after it; a test fails when the page logged an error. Returns
 * the current session.
 */
export function sessionPerTest(open: () => Promise<AppSession>): { readonly current: AppSession } {
  let session: AppSession | undefined;
  beforeEach(async () => {
    session = await open();
  });
  afterEach(async () => {
    if (!session) return;
    const { errors } = session;
    await session.close();
    session = undefined;
    expect(errors).toEqual([]);
  });
  afterAll(closeBrowser);
  return {
    get current(): AppSession {
      if (!session) throw new Error('no app session: sessionPerTest() runs one per test');
      return session;
    },
  };
}
