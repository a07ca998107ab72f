'use strict';
/**
 * electron-builder's afterPack hook (electron-builder.yml: `afterPack`). It runs once per
 * platform and arch, after the app is copied next to the Electron binary and before anything is
 * signed or packed into an installer, so the fuses it flips are covered by the signature.
 *
 * Fuses are bits compiled into the Electron binary that switch features off for good: unlike a
 * command-line flag or an environment variable, nobody who gets hold of the installed app can
 * turn them back on without breaking its signature. docs/packaging.md explains each choice;
 * test/unit/packaging/installer.test.ts runs this hook on a fake binary and checks every bit.
 *
 * CommonJS on purpose: electron-builder loads hooks with require() as well as import(), and
 * @electron/fuses 1.x (the line electron-builder itself depends on) is CommonJS.
 */
const path = require('node:path');
const { flipFuses, getCurrentFuseWire, FuseVersion, FuseV1Options } = require('@electron/fuses');

/**
 * Fuse name (as in @electron/fuses' FuseV1Options) → the state the packaged app ships with.
 * Fuses not named here keep Electron's default.
 */
const FUSES = Object.freeze({
  // The binary must never run as a plain Node.js (ELECTRON_RUN_AS_NODE): that would hand anyone
  // who can start it a Node with the app's keychain identity.
  RunAsNode: false,
  // Chromium's cookie store is encrypted with the OS keychain's key, like Chrome's.
  EnableCookieEncryption: true,
  // NODE_OPTIONS could preload arbitrary code (--require) into the main process.
  EnableNodeOptionsEnvironmentVariable: false,
  // --inspect and friends would let a local process attach a debugger to the main process.
  EnableNodeCliInspectArguments: false,
  // Electron checks app.asar against the hash electron-builder embeds (macOS and Windows).
  EnableEmbeddedAsarIntegrityValidation: true,
  // Only the (integrity-checked) app.asar is loaded, never a loose app/ folder put beside it.
  OnlyLoadAppFromAsar: true,
});

/** getCurrentFuseWire() reports each fuse as its byte on disk: ASCII '1', '0', or 'r' (removed). */
const ENABLED = '1'.charCodeAt(0);
const DISABLED = '0'.charCodeAt(0);
const REMOVED = 'r'.charCodeAt(0);

/**
 * Where @electron/fuses finds the fuse wire: on macOS the .app bundle (it looks inside for the
 * Electron Framework), elsewhere the executable electron-builder renamed Electron's binary to.
 */
function electronBinaryPath(context) {
  const { appOutDir, electronPlatformName, packager } = context;
  switch (electronPlatformName) {
    case 'darwin':
    case 'mas':
      return path.join(appOutDir, `${packager.appInfo.productFilename}.app`);
    case 'win32':
      return path.join(appOutDir, `${packager.appInfo.productFilename}.exe`);
    case 'linux':
      // LinuxPackager names the binary after `executableName` (default: the package name).
      return path.join(appOutDir, packager.executableName);
    default:
      throw new Error(
        `after-pack: no Electron binary known for platform "${electronPlatformName}"`,
      );
  }
}

/** The config flipFuses() takes for this build. */
function fuseConfig(context) {
  const config = {
    version: FuseVersion.V1,
    // Apple silicon refuses to run a binary whose ad-hoc signature no longer matches it, and
    // flipping fuses changes the bytes; electron-builder signs properly afterwards if it can.
    resetAdHocDarwinSignature: isMacArm64(context),
  };
  for (const [name, enabled] of Object.entries(FUSES)) {
    const index = FuseV1Options[name];
    if (typeof index !== 'number') {
      throw new Error(`after-pack: @electron/fuses has no fuse named ${name}`);
    }
    config[index] = enabled;
  }
  return config;
}

function isMacArm64(context) {
  if (context.electronPlatformName !== 'darwin' && context.electronPlatformName !== 'mas') {
    return false;
  }
  // Loaded only here: electron-builder is already in memory when it calls this hook.
  const { Arch } = require('electron-builder');
  return context.arch === Arch.arm64;
}

async function afterPack(context) {
  const binary = electronBinaryPath(context);

  // A fuse that a newer Electron marks as removed can no longer be set (flipFuses only warns).
  // Stop the build, so that whoever upgrades Electron decides what replaces that protection.
  const before = await getCurrentFuseWire(binary);
  for (const name of Object.keys(FUSES)) {
    if (before[FuseV1Options[name]] === REMOVED) {
      throw new Error(`after-pack: this Electron has removed the ${name} fuse; update FUSES`);
    }
  }

  await flipFuses(binary, fuseConfig(context));

  // Read the wire back: a release must not ship with a protection silently unset.
  const after = await getCurrentFuseWire(binary);
  for (const [name, enabled] of Object.entries(FUSES)) {
    const actual = after[FuseV1Options[name]];
    if (actual !== (enabled ? ENABLED : DISABLED)) {
      throw new Error(
        `after-pack: fuse ${name} should be ${enabled ? 'on' : 'off'} in ${binary}, found byte ${actual}`,
      );
    }
  }
  console.log(`  • fuses set  ${Object.keys(FUSES).join(', ')} in ${path.basename(binary)}`);
}

module.exports = afterPack;
module.exports.default = afterPack;
module.exports.FUSES = FUSES;
module.exports.fuseConfig = fuseConfig;
module.exports.electronBinaryPath = electronBinaryPath;
