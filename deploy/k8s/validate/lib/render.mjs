// Renders the kustomizations of deploy/k8s with `kubectl kustomize` (offline). Components need kubectl >= 1.27
// (kustomize v5); Debian's kubernetes-client (1.20) cannot render them.
import { execFileSync } from "node:child_process";
import fs from "node:fs";
import path from "node:path";
import { parseAllDocuments } from "yaml";

export const MIN_KUBECTL_MINOR = 27;

export const INSTALL_HINT =
  `install kubectl >= 1.${MIN_KUBECTL_MINOR} (it renders kustomize components offline): ` +
  "https://kubernetes.io/docs/tasks/tools/ (a static binary, or the Kubernetes or Google Cloud SDK apt repository's " +
  "`kubectl` package); Debian's `kubernetes-client` package (1.20) is too old. Or point KUBECTL at one.";

export class RenderError extends Error {}

/** The kubectl to use ($KUBECTL or `kubectl`) and its client version; throws RenderError when unusable. */
export function checkKubectl(kubectl = process.env.KUBECTL || "kubectl") {
  let out;
  try {
    out = execFileSync(kubectl, ["version", "--client", "-o", "json"], { encoding: "utf8", stdio: ["ignore", "pipe", "pipe"] });
  } catch (e) {
    if (e.code === "ENOENT") throw new RenderError(`kubectl not found (${kubectl}): ${INSTALL_HINT}`);
    // very old clients know no `-o json` for version
    throw new RenderError(`\`${kubectl} version --client -o json\` failed (${String(e.stderr || e.message).trim().split("\n")[0]}): ${INSTALL_HINT}`);
  }
  const v = JSON.parse(out).clientVersion ?? {};
  const major = parseInt(v.major, 10);
  const minor = parseInt(v.minor, 10);
  if (!(major > 1 || (major === 1 && minor >= MIN_KUBECTL_MINOR))) {
    throw new RenderError(`kubectl ${v.gitVersion ?? `${v.major}.${v.minor}`} is too old to render kustomize components: ${INSTALL_HINT}`);
  }
  return { kubectl, version: v.gitVersion ?? `v${major}.${minor}` };
}

/** What is rendered: every overlay under overlays/, and the migrations. Paths relative to k8sDir. */
export function targets(k8sDir) {
  const overlays = fs.readdirSync(path.join(k8sDir, "overlays"), { withFileTypes: true })
    .filter((d) => d.isDirectory() && fs.existsSync(path.join(k8sDir, "overlays", d.name, "kustomization.yaml")))
    .map((d) => `overlays/${d.name}`)
    .sort();
  return [...overlays, "migrations"];
}

/** Renders one kustomization: its objects (plain JS). */
export function render(kubectl, k8sDir, target) {
  let out;
  try {
    out = execFileSync(kubectl, ["kustomize", path.join(k8sDir, target)], {
      encoding: "utf8", stdio: ["ignore", "pipe", "pipe"], maxBuffer: 64 * 1024 * 1024,
    });
  } catch (e) {
    throw new RenderError(`${target}: kubectl kustomize failed: ${String(e.stderr || e.message).trim()}`);
  }
  return parseAllDocuments(out).map((d) => d.toJS()).filter((o) => o !== null);
}
