import { mkdirSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';

// The fuse wire Electron compiles into its binary: this sentinel, the wire version (1), the wire length,
// then one byte per fuse, ASCII '0' (off) or '1' (on) (https://github.com/electron/fuses).
export const FUSE_SENTINEL = 'dL7pKGdnNz796PbbjQWNKmHXBZaB9tsX';
export const FUSE_OFF = 0x30;
export const FUSE_ON = 0x31;

/** The wire as Electron ships it, in FuseV1Options order (RunAsNode … GrantFileProtocolExtraPrivileges). */
export const ELECTRON_DEFAULT_WIRE: readonly number[] = [
  FUSE_ON, // RunAsNode
  FUSE_OFF, // EnableCookieEncryption
  FUSE_ON, // EnableNodeOptionsEnvironmentVariable
  FUSE_ON, // EnableNodeCliInspectArguments
  FUSE_OFF, // EnableEmbeddedAsarIntegrityValidation
  FUSE_OFF, // OnlyLoadAppFromAsar
  FUSE_OFF, // LoadBrowserProcessSpecificV8Snapshot
  FUSE_ON, // GrantFileProtocolExtraPrivileges
];

/**
 * An unpacked linux-x64 Electron for electron-builder's `electronDist`, so packing downloads nothing:
 * an `electron` executable (a shell script padded around a real fuse wire, which @electron/fuses flips in
 * place), Electron's LICENSE (electron-builder renames it) and its version file.
 */
export function makeStandInElectron(dir: string, version: string): string {
  mkdirSync(dir, { recursive: true });
  const binary = Buffer.concat([
    Buffer.from('#!/bin/sh\necho "stand-in for Electron: not runnable"\nexit 1\n'),
    Buffer.alloc(256),
    Buffer.from(FUSE_SENTINEL, 'ascii'),
    Buffer.from([1, ELECTRON_DEFAULT_WIRE.length, ...ELECTRON_DEFAULT_WIRE]),
    Buffer.alloc(256),
  ]);
  writeFileSync(join(dir, 'electron'), binary, { mode: 0o755 });
  writeFileSync(join(dir, 'LICENSE'), 'Stand-in for the Electron license file.\n');
  writeFileSync(join(dir, 'version'), version);
  return dir;
}
