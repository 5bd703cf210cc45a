#!/usr/bin/env node
// Validates deploy/k8s offline: renders every overlay (overlays/*) and the migrations with `kubectl kustomize`,
// validates every object against the Kubernetes schemas (kubernetes-models) or its operator's vendored CRD
// (deploy/k8s/crds) with unknown fields rejected, then runs the cross-checks (lib/crosschecks.mjs).
// Prints each error as `<target> <Kind>/<name> <JSON pointer>: <message>` and a one-line summary; exits 1 on any
// error, 2 when kubectl is missing or too old, or a target does not render.
//
//   node validate.mjs            (or: deploy/k8s/validate/validate.sh, which also installs and self-tests)
//   KUBECTL=/path/to/kubectl node validate.mjs
//   node validate.mjs --check-kubectl   only checks that kubectl is there and recent enough (exit 2 otherwise)
//   node validate.mjs --self-test       the validator's own tests (= npm test): manifests broken on purpose
//   node validate.mjs --write-realm     regenerates components/keycloak/realm-import.yaml from the local realm
import { spawnSync } from "node:child_process";
import path from "node:path";
import { formatError, renderAll, validateRendered, VALIDATE_DIR } from "./lib/index.mjs";
import { checkKubectl, RenderError } from "./lib/render.mjs";
import fs from "node:fs";
import { checkRealmImport, REALM_IMPORT, realmImportYaml } from "./lib/realm.mjs";

if (process.argv.includes("--write-realm")) {
  fs.writeFileSync(REALM_IMPORT, realmImportYaml());
  console.log(`k8s validate: wrote ${REALM_IMPORT}`);
  process.exit(0);
}

if (process.argv.includes("--self-test")) {
  const r = spawnSync(process.execPath, ["--test", path.join(VALIDATE_DIR, "test")], { stdio: "inherit" });
  process.exit(r.status ?? 1);
}

if (process.argv.includes("--check-kubectl")) {
  try {
    const k = checkKubectl();
    console.log(`k8s validate: ${k.kubectl} ${k.version}`);
    process.exit(0);
  } catch (e) {
    if (!(e instanceof RenderError)) throw e;
    console.error(`k8s validate: ERROR ${e.message}`);
    process.exit(2);
  }
}

let result;
try {
  result = renderAll();
} catch (e) {
  if (!(e instanceof RenderError)) throw e;
  console.error(`k8s validate: ERROR ${e.message}`);
  process.exit(2);
}
const started = Date.now();
const { errors, counts } = await validateRendered(result.rendered);
for (const message of checkRealmImport()) {
  errors.push({ target: "components/keycloak", kind: "KeycloakRealmImport", name: "vibrationfit", path: "/", message });
}
for (const e of errors) console.error(`ERROR ${formatError(e)}`);
const total = Object.values(counts).reduce((a, b) => a + b, 0);
const perTarget = Object.entries(counts).map(([t, n]) => `${t} ${n}`).join(", ");
console.log(
  `k8s validate: ${total} objects validated (${perTarget}; kubectl ${result.kubectl.version}, ${Date.now() - started} ms), ` +
  `${errors.length} error${errors.length === 1 ? "" : "s"}`,
);
process.exit(errors.length === 0 ? 0 : 1);
