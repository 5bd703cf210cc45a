// One run: render every target, validate every object against its schema, then the cross-checks.
import path from "node:path";
import { fileURLToPath } from "node:url";
import { createValidator } from "./schemas.mjs";
import { crossCheck, loadAllowList } from "./crosschecks.mjs";
import { checkKubectl, render, targets } from "./render.mjs";

const here = path.dirname(fileURLToPath(import.meta.url));
export const VALIDATE_DIR = path.resolve(here, "..");
export const K8S_DIR = path.resolve(VALIDATE_DIR, "..");
export const CRDS_DIR = path.join(K8S_DIR, "crds");
export const ALLOW_LIST = path.join(VALIDATE_DIR, "out-of-band.yaml");

/** Renders every target: [{ target, objects }] (throws RenderError). */
export function renderAll({ k8sDir = K8S_DIR, kubectl } = {}) {
  const k = checkKubectl(kubectl);
  return { kubectl: k, rendered: targets(k8sDir).map((target) => ({ target, objects: render(k.kubectl, k8sDir, target) })) };
}

/**
 * Validates rendered targets ([{ target, objects }]): { errors: [{ target, kind, name, path, message }], counts }.
 */
export async function validateRendered(rendered, { crdsDir = CRDS_DIR, allowListFile = ALLOW_LIST, validator } = {}) {
  const v = validator ?? (await createValidator({ crdsDir }));
  const errors = [];
  const counts = {};
  for (const { target, objects } of rendered) {
    counts[target] = objects.length;
    for (const obj of objects) {
      for (const e of await v.validate(obj)) {
        errors.push({ target, kind: obj?.kind, name: obj?.metadata?.name, path: e.path, message: e.message });
      }
    }
  }
  errors.push(...crossCheck(rendered, loadAllowList(allowListFile)));
  return { errors, counts };
}

export const formatError = (e) => `${e.target} ${e.kind ?? "?"}/${e.name ?? "?"} ${e.path}: ${e.message}`;
