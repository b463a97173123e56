#!/usr/bin/env node
// The npm launcher: runs the notelint binary of the platform package that npm installed beside
// this one (an optionalDependency), with the same arguments, streams and exit code.
"use strict";
const { spawnSync } = require("child_process");

const platforms = { "linux x64": "@notelint/cli-linux-x64" };
const pkg = platforms[`${process.platform} ${process.arch}`];
if (!pkg) {
  console.error(`notelint: no binary for ${process.platform} ${process.arch} is published on npm; ` +
    "build it from source: https://github.com/notelint/notelint#install");
  process.exit(2);
}
let binary;
try {
  binary = require.resolve(`${pkg}/bin/notelint`);
} catch {
  console.error(`notelint: ${pkg}, which holds the notelint binary, is not installed. npm installs ` +
    "it as an optional dependency of notelint; it was left out (--omit=optional) or could not be " +
    "downloaded (offline?). Reinstall notelint.");
  process.exit(2);
}
const result = spawnSync(binary, process.argv.slice(2), { stdio: "inherit" });
if (result.error) {
  console.error(`notelint: cannot run ${binary}: ${result.error.message}`);
  process.exit(2);
}
if (result.signal) {
  // Die of the same signal, so that a shell sees what the binary saw.
  process.kill(process.pid, result.signal);
}
process.exit(result.status);
