// Self-test of the validator: renders the real manifests once, breaks copies of them in memory on purpose and
// asserts that each break is reported (and that the unbroken manifests report nothing). Run: npm test.
import { test, before } from "node:test";
import assert from "node:assert/strict";
import fs from "node:fs";
import os from "node:os";
import path from "node:path";
import { renderAll, validateRendered, formatError } from "../lib/index.mjs";
import { createValidator, strictSchema } from "../lib/schemas.mjs";
import { checkKubectl, RenderError } from "../lib/render.mjs";
import Ajv from "ajv";

let pristine;
let validator;

before(async () => {
  pristine = renderAll().rendered;
  validator = await createValidator({ crdsDir: path.resolve(import.meta.dirname, "../../crds") });
});

/** A deep copy of the rendered targets, `mutate(find)` applied, validated: the errors as lines. */
async function errorsAfter(mutate) {
  const copy = structuredClone(pristine);
  const find = (target, kind, name) => {
    const t = copy.find((r) => r.target === target);
    assert.ok(t, `target ${target} rendered`);
    const o = t.objects.find((x) => x.kind === kind && (name === undefined || x.metadata?.name === name));
    assert.ok(o, `${target} renders a ${kind} ${name ?? ""}`);
    return o;
  };
  mutate(find, copy);
  const { errors } = await validateRendered(copy, { validator });
  return errors.map(formatError);
}

const expectError = (lines, re) =>
  assert.ok(lines.some((l) => re.test(l)), `expected an error matching ${re}, got:\n${lines.join("\n") || "(none)"}`);

test("the manifests as committed: every target renders, 0 errors", async () => {
  assert.ok(pristine.some((r) => r.target === "overlays/production"));
  assert.ok(pristine.some((r) => r.target === "overlays/data"));
  assert.ok(pristine.some((r) => r.target === "migrations"));
  assert.deepEqual(await errorsAfter(() => {}), []);
});

test("an unknown field in a Deployment's container is rejected", async () => {
  const lines = await errorsAfter((find) => {
    const c = find("overlays/production", "Deployment", "media-service").spec.template.spec.containers[0];
    c.livenessProbes = c.livenessProbe; // typo of livenessProbe
    c.resources.request = { cpu: "1" }; // typo of requests, one level down
  });
  expectError(lines, /^overlays\/production Deployment\/media-service \/spec\/template\/spec\/containers\/0\/livenessProbes: unknown field "livenessProbes"$/);
  expectError(lines, /Deployment\/media-service \/spec\/template\/spec\/containers\/0\/resources\/request: unknown field/);
});

test("an unknown field in metadata and a wrong type are rejected", async () => {
  const lines = await errorsAfter((find) => {
    const d = find("overlays/production", "Deployment", "gateway");
    d.metadata.label = { a: "b" };
    d.spec.replicas = "two";
  });
  expectError(lines, /Deployment\/gateway \/metadata\/label: unknown field "label"/);
  expectError(lines, /Deployment\/gateway \/spec\/replicas: must be integer/);
});

test("a wrong enum in a KafkaUser ACL is rejected (Strimzi CRD)", async () => {
  const lines = await errorsAfter((find) => {
    const u = find("overlays/production", "KafkaUser");
    u.spec.authorization.acls[0].operations = ["Reed"];
  });
  expectError(lines, /KafkaUser\/\S+ \/spec\/authorization\/acls\/0\/operations\/0: must be one of \[.*"Read"/);
});

test("unknown fields in CloudNativePG, Strimzi and Prometheus Operator resources are rejected", async () => {
  const lines = await errorsAfter((find) => {
    find("overlays/data", "Cluster").spec.storage.sise = "1Gi";
    find("overlays/data", "KafkaTopic").spec.replica = 3;
    find("overlays/production", "ServiceMonitor").spec.endpoints[0].pathh = "/q/metrics";
    find("overlays/data", "Kafka").metadata.nam = "x";
  });
  expectError(lines, /overlays\/data Cluster\/vibrationfit-pg \/spec\/storage\/sise: unknown field "sise"/);
  expectError(lines, /overlays\/data KafkaTopic\/\S+ \/spec\/replica: unknown field "replica"/);
  expectError(lines, /ServiceMonitor\/\S+ \/spec\/endpoints\/0\/pathh: unknown field "pathh"/);
  expectError(lines, /overlays\/data Kafka\/\S+ \/metadata\/nam: unknown field "nam"/);
});

test("a kind without a schema is an error", async () => {
  const lines = await errorsAfter((find, copy) => {
    copy[0].objects.push({ apiVersion: "example.com/v1", kind: "Widget", metadata: { name: "w", namespace: "vibrationfit" } });
  });
  expectError(lines, /Widget\/w \/: no schema for example\.com\/v1:Widget/);
});

test("a Secret or ConfigMap reference to an unknown name is reported", async () => {
  const lines = await errorsAfter((find) => {
    const c = find("overlays/production", "Deployment", "vision-service").spec.template.spec.containers[0];
    c.envFrom.push({ secretRef: { name: "vision-servce-secrets" } });
    c.env.push({ name: "X", valueFrom: { configMapKeyRef: { name: "no-such-config", key: "x" } } });
    find("migrations", "Job").spec.template.spec.containers[0].env.push(
      { name: "Y", valueFrom: { secretKeyRef: { name: "typo-db-owner", key: "password" } } });
  });
  expectError(lines, /Deployment\/vision-service \/spec\/template\/spec\/containers\/0\/envFrom\/\d+\/secretRef\/name: Secret "vision-servce-secrets" is neither rendered/);
  expectError(lines, /ConfigMap "no-such-config" is neither rendered/);
  expectError(lines, /^migrations Job\/\S+ .*Secret "typo-db-owner"/);
});

test("operator-made Secrets follow their resources: a KafkaUser renamed leaves its Secret unknown", async () => {
  const lines = await errorsAfter((find) => {
    find("overlays/production", "KafkaUser", "journal-service").metadata.name = "journal";
  });
  expectError(lines, /Deployment\/journal-service .*Secret "journal-service" is neither rendered/);
});

test("selectors that match nothing are reported (Service, PDB, NetworkPolicy and its peers, ServiceMonitor)", async () => {
  const lines = await errorsAfter((find) => {
    find("overlays/production", "Service", "profile-service").spec.selector = { "app.kubernetes.io/name": "profile-svc" };
    find("overlays/production", "PodDisruptionBudget", "journal-service").spec.selector.matchLabels = { "app.kubernetes.io/name": "journal" };
    const np = find("overlays/production", "NetworkPolicy", "media-service-ingress");
    np.spec.podSelector.matchLabels["app.kubernetes.io/name"] = "media";
    np.spec.ingress[0].from[0].podSelector.matchLabels["app.kubernetes.io/name"] = "gatewy";
    find("overlays/production", "NetworkPolicy", "postgres-ingress").spec.podSelector.matchLabels["cnpg.io/cluster"] = "pg";
    find("overlays/production", "ServiceMonitor").spec.selector = { matchLabels: { nothing: "here" } };
  });
  expectError(lines, /Service\/profile-service \/spec\/selector: selector matches no pod/);
  expectError(lines, /PodDisruptionBudget\/journal-service \/spec\/selector: selector matches no pod/);
  expectError(lines, /NetworkPolicy\/media-service-ingress \/spec\/podSelector: podSelector matches no pod/);
  expectError(lines, /NetworkPolicy\/media-service-ingress \/spec\/ingress\/0\/from\/0\/podSelector: podSelector matches no pod/);
  expectError(lines, /NetworkPolicy\/postgres-ingress \/spec\/podSelector: podSelector matches no pod/);
  expectError(lines, /ServiceMonitor\/\S+ \/spec\/selector: selector matches no Service/);
});

test("unpinned images, missing requests and a container that may run as root are reported", async () => {
  const lines = await errorsAfter((find) => {
    const d = find("overlays/production", "Deployment", "assessment-service");
    const c = d.spec.template.spec.containers[0];
    c.image = "ghcr.io/vibrationfit/assessment-service:latest";
    delete c.resources.requests;
    c.securityContext.runAsNonRoot = false;
    find("migrations", "Job", "vision-service-migrate").spec.template.spec.containers[0].image = "ghcr.io/vibrationfit/vision-service";
    find("overlays/data", "Cluster").spec.imageName = "ghcr.io/cloudnative-pg/postgresql:latest";
  });
  expectError(lines, /Deployment\/assessment-service \/spec\/template\/spec\/containers\/0\/image: image ".*:latest" uses :latest/);
  expectError(lines, /Deployment\/assessment-service .*resources\/requests: container ".*" has no resources\.requests/);
  expectError(lines, /Deployment\/assessment-service .*securityContext\/runAsNonRoot: container ".*" does not set runAsNonRoot: true/);
  expectError(lines, /migrations Job\/vision-service-migrate .*image: image "ghcr.io\/vibrationfit\/vision-service" is not pinned/);
  expectError(lines, /overlays\/data Cluster\/vibrationfit-pg \/spec\/imageName: .*uses :latest/);
});

test("strict CRD schemas: unknown keys rejected, x-kubernetes-preserve-unknown-fields subtrees stay open", () => {
  const schema = strictSchema({
    type: "object",
    properties: {
      spec: {
        type: "object",
        properties: {
          known: { type: "string" },
          open: { type: "object", "x-kubernetes-preserve-unknown-fields": true },
          map: { type: "object", additionalProperties: { type: "string" } },
          port: { "x-kubernetes-int-or-string": true },
        },
      },
    },
  });
  const validate = new Ajv({ strict: false, allErrors: true }).compile(schema);
  assert.equal(validate({ spec: { known: "a", open: { anything: { goes: 1 } }, map: { x: "y" }, port: 8080 } }), true);
  assert.equal(validate({ spec: { port: "http" } }), true);
  assert.equal(validate({ spec: { knwon: "a" } }), false);
  assert.equal(validate.errors[0].params.additionalProperty, "knwon");
  assert.equal(validate({ extra: 1 }), false);
});

test("kubectl missing or older than 1.27: a clear error that says how to install it", () => {
  const dir = fs.mkdtempSync(path.join(os.tmpdir(), "vf-kubectl-"));
  const old = path.join(dir, "kubectl");
  fs.writeFileSync(old, '#!/bin/sh\necho \'{"clientVersion":{"major":"1","minor":"20","gitVersion":"v1.20.2"}}\'\n', { mode: 0o755 });
  assert.throws(() => checkKubectl(old), (e) => e instanceof RenderError && /kubectl v1\.20\.2 is too old/.test(e.message) && /install kubectl >= 1\.27/.test(e.message));
  assert.throws(() => checkKubectl(path.join(dir, "absent")), (e) => e instanceof RenderError && /kubectl not found/.test(e.message) && /kubernetes\.io\/docs\/tasks\/tools/.test(e.message));
  fs.rmSync(dir, { recursive: true, force: true });
});

test("every vendored CRD compiles, and a minimal Keycloak and KeycloakRealmImport validate", async () => {
  for (const key of validator.crdKinds) {
    const [apiVersion, kind] = key.split(":");
    const errors = await validator.validate({ apiVersion, kind, metadata: { name: "x" } });
    assert.ok(errors.every((e) => !/no schema/.test(e.message)), `${key}: ${JSON.stringify(errors)}`);
  }
  const kc = { apiVersion: "k8s.keycloak.org/v2alpha1", kind: "Keycloak", metadata: { name: "kc", namespace: "keycloak" },
    spec: { instances: 1, hostname: { hostname: "auth.example.com" } } };
  assert.deepEqual(await validator.validate(kc), []);
  kc.spec.hostnme = "x";
  assert.deepEqual((await validator.validate(kc)).map((e) => e.path), ["/spec/hostnme"]);
  const ri = { apiVersion: "k8s.keycloak.org/v2alpha1", kind: "KeycloakRealmImport", metadata: { name: "r" },
    spec: { keycloakCRName: "kc", realm: { realm: "vibrationfit", enabled: true } } };
  assert.deepEqual(await validator.validate(ri), []);
});

test("pools that could open more connections than PostgreSQL allows are reported", async () => {
  const lines = await errorsAfter((find) => {
    find("overlays/data", "Cluster", "vibrationfit-pg").spec.postgresql.parameters.max_connections = "300";
  });
  expectError(lines, /^overlays\/data Cluster\/vibrationfit-pg \/spec\/postgresql\/parameters\/max_connections: the pools can open 412 connections .*Deployment\/vision-service 10x6.*Job\/vision-service-migrate 2x1.*Keycloak\/vibrationfit-keycloak 20x2.*= 287$/);
});

test("the realm import follows the local realm: a stale one is reported", async () => {
  const { checkRealmImport, realmImport, LOCAL_REALM } = await import("../lib/realm.mjs");
  assert.deepEqual(checkRealmImport(), []);
  const local = JSON.parse(fs.readFileSync(LOCAL_REALM, "utf8"));
  const dir = fs.mkdtempSync(path.join(os.tmpdir(), "realm-"));
  const changed = path.join(dir, "realm.json");
  fs.writeFileSync(changed, JSON.stringify({ ...local, accessTokenLifespan: 60 }));
  assert.match(checkRealmImport({ localFile: changed }).join("\n"), /realm-import\.yaml is stale/);
  // Nothing local-only reaches production: no demo member, no e2e client, no secret value.
  const derived = JSON.stringify(realmImport(local));
  for (const localOnly of ["alice", "vibrationfit-e2e-", "local-only", "127.0.0.1", "localhost"]) {
    assert.ok(!derived.includes(localOnly), `${localOnly} in the production realm`);
  }
});
