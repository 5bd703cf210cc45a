// Cross-checks over everything rendered (all overlays and the migrations land in one cluster, so names made
// by one are seen by the others):
//   refs      every Secret/ConfigMap/ServiceAccount a pod (or an Ingress's TLS, or a CloudNativePG role)
//             names is rendered, made by an operator from a rendered custom resource, or listed with a reason
//             in out-of-band.yaml;
//   selectors every Service, PodDisruptionBudget, NetworkPolicy (its pods and its same-namespace peers),
//             workload, ServiceMonitor and PodMonitor selector matches at least one pod (template) or Service;
//   images    every image is pinned (a tag other than latest, or a digest);
//   pods      every container has resources.requests and runs with runAsNonRoot: true.
// The pods of the operators (Strimzi's brokers, CloudNativePG's instances, Keycloak's server) are modelled
// from their custom resources with the labels those operators put on them.
import fs from "node:fs";
import { parse } from "yaml";
import { esc } from "./schemas.mjs";

const WORKLOADS = new Set(["Deployment", "StatefulSet", "DaemonSet", "ReplicaSet", "Job", "CronJob", "Pod"]);

/** The pod template of a workload: { path, metadata, spec }, or null. */
export function podTemplate(o) {
  if (!WORKLOADS.has(o.kind)) return null;
  if (o.kind === "Pod") return { path: "", metadata: o.metadata ?? {}, spec: o.spec ?? {} };
  if (o.kind === "CronJob") {
    const t = o.spec?.jobTemplate?.spec?.template;
    return t ? { path: "/spec/jobTemplate/spec/template", metadata: t.metadata ?? {}, spec: t.spec ?? {} } : null;
  }
  const t = o.spec?.template;
  return t ? { path: "/spec/template", metadata: t.metadata ?? {}, spec: t.spec ?? {} } : null;
}

function* containersOf(tpl) {
  for (const field of ["initContainers", "containers", "ephemeralContainers"]) {
    for (const [i, c] of (tpl.spec[field] ?? []).entries()) yield { c, path: `${tpl.path}/spec/${field}/${i}`, field };
  }
}

/** Pods the operators make from rendered custom resources (namespace, labels, what made them). */
function operatorPods(all) {
  const pods = [];
  const add = (o, labels, what) => pods.push({ namespace: o.metadata?.namespace, labels, what });
  for (const { obj: o } of all) {
    const name = o.metadata?.name;
    const group = String(o.apiVersion).split("/")[0];
    if (group === "kafka.strimzi.io" && o.kind === "Kafka") {
      const common = { "strimzi.io/cluster": name, "strimzi.io/kind": "Kafka" };
      const extra = o.spec?.kafka?.template?.pod?.metadata?.labels ?? {};
      const pools = all.filter(({ obj: p }) => p.kind === "KafkaNodePool" && p.metadata?.labels?.["strimzi.io/cluster"] === name);
      for (const { obj: p } of pools) {
        add(o, { ...extra, ...(p.spec?.template?.pod?.metadata?.labels ?? {}), ...common, "strimzi.io/name": `${name}-kafka`,
          "strimzi.io/component-type": "kafka", "strimzi.io/pool-name": p.metadata.name }, `Strimzi broker pods of Kafka ${name}`);
      }
      if (pools.length === 0) add(o, { ...extra, ...common, "strimzi.io/name": `${name}-kafka` }, `Strimzi broker pods of Kafka ${name}`);
      if (o.spec?.entityOperator) add(o, { ...common, "strimzi.io/name": `${name}-entity-operator` }, `Strimzi entity operator of ${name}`);
    } else if (group === "postgresql.cnpg.io" && o.kind === "Cluster") {
      add(o, { ...(o.spec?.inheritedMetadata?.labels ?? {}), "cnpg.io/cluster": name, "cnpg.io/podRole": "instance" },
        `CloudNativePG instances of Cluster ${name}`);
    } else if (group === "k8s.keycloak.org" && o.kind === "Keycloak") {
      // The Keycloak operator's labels on the server pods (operator 26.x).
      add(o, { ...(o.spec?.unsupported?.podTemplate?.metadata?.labels ?? {}), app: "keycloak",
        "app.kubernetes.io/managed-by": "keycloak-operator", "app.kubernetes.io/instance": name,
        "app.kubernetes.io/component": "server" }, `Keycloak server pods of ${name}`);
    }
  }
  return pods;
}

/** Does a LabelSelector (matchLabels/matchExpressions) or a plain map select these labels? */
export function selects(selector, labels) {
  if (!selector) return false;
  const isLabelSelector = "matchLabels" in selector || "matchExpressions" in selector;
  const matchLabels = isLabelSelector ? selector.matchLabels ?? {} : selector;
  for (const [k, v] of Object.entries(matchLabels)) if (labels[k] !== v) return false;
  for (const e of (isLabelSelector ? selector.matchExpressions ?? [] : [])) {
    const has = Object.prototype.hasOwnProperty.call(labels, e.key);
    if (e.operator === "In" && !(has && (e.values ?? []).includes(labels[e.key]))) return false;
    if (e.operator === "NotIn" && has && (e.values ?? []).includes(labels[e.key])) return false;
    if (e.operator === "Exists" && !has) return false;
    if (e.operator === "DoesNotExist" && has) return false;
  }
  return true;
}

/** Loads out-of-band.yaml: [{kind, name, reason}], names possibly with <svc>/<kafkauser>/<kafka>. */
export function loadAllowList(file) {
  const doc = parse(fs.readFileSync(file, "utf8")) ?? {};
  const entries = [];
  for (const [kind, list] of [["Secret", doc.secrets], ["ConfigMap", doc.configMaps]]) {
    for (const e of list ?? []) {
      if (!e?.name || !e?.reason) throw new Error(`${file}: every entry needs a name and a reason: ${JSON.stringify(e)}`);
      entries.push({ kind, name: String(e.name), reason: String(e.reason) });
    }
  }
  return entries;
}

/**
 * rendered: [{ target, objects }]. Returns [{ target, kind, name, path, message }].
 */
export function crossCheck(rendered, allowList) {
  const errors = [];
  const all = rendered.flatMap(({ target, objects }) => objects.map((obj) => ({ target, obj })));
  const err = ({ target, obj }, path, message) =>
    errors.push({ target, kind: obj.kind, name: obj.metadata?.name, path: path || "/", message });
  const ns = (o) => o.metadata?.namespace ?? "default";
  const byKind = (kind) => all.filter(({ obj }) => obj.kind === kind);

  // ---- what exists --------------------------------------------------------------------------------------
  const names = (kind) => all.filter(({ obj }) => obj.kind === kind).map(({ obj }) => obj.metadata?.name);
  const placeholders = {
    "<svc>": [...new Set(names("Deployment"))],
    "<kafkauser>": [...new Set(all.filter(({ obj }) => obj.kind === "KafkaUser" && String(obj.apiVersion).startsWith("kafka.strimzi.io/")).map(({ obj }) => obj.metadata.name))],
    "<kafka>": [...new Set(all.filter(({ obj }) => obj.kind === "Kafka" && String(obj.apiVersion).startsWith("kafka.strimzi.io/")).map(({ obj }) => obj.metadata.name))],
  };
  const allowed = { Secret: new Map(), ConfigMap: new Map() };
  for (const e of allowList) {
    let expanded = [e.name];
    for (const [ph, values] of Object.entries(placeholders)) {
      expanded = expanded.flatMap((n) => (n.includes(ph) ? values.map((v) => n.split(ph).join(v)) : [n]));
    }
    for (const n of expanded) allowed[e.kind].set(n, e.reason);
  }
  const exists = (kind, namespace, name) =>
    all.some(({ obj }) => obj.kind === kind && ns(obj) === namespace && obj.metadata?.name === name) ||
    (allowed[kind]?.has(name) ?? false);
  const missing = (kind, name) =>
    `${kind} "${name}" is neither rendered, nor made by an operator from a rendered resource, nor listed in out-of-band.yaml`;

  // ---- references -----------------------------------------------------------------------------------------
  for (const item of all) {
    const { obj } = item;
    const tpl = podTemplate(obj);
    if (tpl) {
      const namespace = ns(obj);
      const ref = (kind, name, path) => { if (name && !exists(kind, namespace, name)) err(item, path, missing(kind, name)); };
      for (const { c, path } of containersOf(tpl)) {
        for (const [i, e] of (c.env ?? []).entries()) {
          ref("Secret", e.valueFrom?.secretKeyRef?.name, `${path}/env/${i}/valueFrom/secretKeyRef/name`);
          ref("ConfigMap", e.valueFrom?.configMapKeyRef?.name, `${path}/env/${i}/valueFrom/configMapKeyRef/name`);
        }
        for (const [i, e] of (c.envFrom ?? []).entries()) {
          ref("Secret", e.secretRef?.name, `${path}/envFrom/${i}/secretRef/name`);
          ref("ConfigMap", e.configMapRef?.name, `${path}/envFrom/${i}/configMapRef/name`);
        }
      }
      for (const [i, v] of (tpl.spec.volumes ?? []).entries()) {
        const p = `${tpl.path}/spec/volumes/${i}`;
        ref("Secret", v.secret?.secretName, `${p}/secret/secretName`);
        ref("ConfigMap", v.configMap?.name, `${p}/configMap/name`);
        for (const [j, s] of (v.projected?.sources ?? []).entries()) {
          ref("Secret", s.secret?.name, `${p}/projected/sources/${j}/secret/name`);
          ref("ConfigMap", s.configMap?.name, `${p}/projected/sources/${j}/configMap/name`);
        }
      }
      for (const [i, s] of (tpl.spec.imagePullSecrets ?? []).entries()) ref("Secret", s.name, `${tpl.path}/spec/imagePullSecrets/${i}/name`);
      const sa = tpl.spec.serviceAccountName;
      if (sa && sa !== "default" && !all.some(({ obj: o }) => o.kind === "ServiceAccount" && ns(o) === namespace && o.metadata?.name === sa)) {
        err(item, `${tpl.path}/spec/serviceAccountName`, `ServiceAccount "${sa}" is not rendered`);
      }
    }
    if (obj.kind === "Ingress") {
      for (const [i, t] of (obj.spec?.tls ?? []).entries()) {
        if (t.secretName && !exists("Secret", ns(obj), t.secretName)) err(item, `/spec/tls/${i}/secretName`, missing("Secret", t.secretName));
      }
      const services = (p) => p?.backend?.service?.name;
      for (const [i, r] of (obj.spec?.rules ?? []).entries()) {
        for (const [j, p] of (r.http?.paths ?? []).entries()) {
          const s = services(p);
          if (s && !all.some(({ obj: o }) => o.kind === "Service" && ns(o) === ns(obj) && o.metadata?.name === s)) {
            err(item, `/spec/rules/${i}/http/paths/${j}/backend/service/name`, `Service "${s}" is not rendered`);
          }
        }
      }
    }
    if (obj.kind === "Cluster" && String(obj.apiVersion).startsWith("postgresql.cnpg.io/")) {
      for (const [i, r] of (obj.spec?.managed?.roles ?? []).entries()) {
        const s = r.passwordSecret?.name;
        if (s && !exists("Secret", ns(obj), s)) err(item, `/spec/managed/roles/${i}/passwordSecret/name`, missing("Secret", s));
      }
    }
  }

  // ---- selectors --------------------------------------------------------------------------------------------
  const pods = [
    ...all.filter(({ obj }) => podTemplate(obj)).map(({ obj }) => ({
      namespace: ns(obj), labels: podTemplate(obj).metadata.labels ?? {}, what: `${obj.kind} ${obj.metadata?.name}`,
    })),
    ...operatorPods(all).map((p) => ({ ...p, namespace: p.namespace ?? "default" })),
  ];
  const podsIn = (namespace, selector) => pods.filter((p) => p.namespace === namespace && selects(selector, p.labels));
  const noneMatch = (what) => `${what} matches no pod template in this namespace (nor any operator-made pod)`;

  for (const item of all) {
    const { obj } = item;
    const namespace = ns(obj);
    const tpl = podTemplate(obj);
    if (tpl && obj.kind !== "Pod" && obj.kind !== "CronJob" && obj.spec?.selector) {
      if (!selects(obj.spec.selector, tpl.metadata.labels ?? {})) err(item, "/spec/selector", "selector does not match the pod template's labels");
    }
    if (obj.kind === "Service" && obj.spec?.selector && Object.keys(obj.spec.selector).length > 0) {
      if (podsIn(namespace, obj.spec.selector).length === 0) err(item, "/spec/selector", noneMatch("selector"));
    }
    if (obj.kind === "PodDisruptionBudget" && obj.spec?.selector) {
      if (podsIn(namespace, obj.spec.selector).length === 0) err(item, "/spec/selector", noneMatch("selector"));
    }
    if (obj.kind === "NetworkPolicy") {
      if (podsIn(namespace, obj.spec?.podSelector ?? {}).length === 0) err(item, "/spec/podSelector", noneMatch("podSelector"));
      for (const [dir, peersKey] of [["ingress", "from"], ["egress", "to"]]) {
        for (const [i, rule] of (obj.spec?.[dir] ?? []).entries()) {
          for (const [j, peer] of (rule[peersKey] ?? []).entries()) {
            // A peer with a namespaceSelector selects pods of other namespaces too: not knowable here.
            if (peer.podSelector && !peer.namespaceSelector && podsIn(namespace, peer.podSelector).length === 0) {
              err(item, `/spec/${dir}/${i}/${peersKey}/${j}/podSelector`, noneMatch("podSelector"));
            }
          }
        }
      }
    }
    if (obj.kind === "ServiceMonitor" || obj.kind === "PodMonitor") {
      const nsSel = obj.spec?.namespaceSelector;
      const inScope = (n) => (nsSel?.any ? true : nsSel?.matchNames ? nsSel.matchNames.includes(n) : n === namespace);
      const selector = obj.spec?.selector ?? {};
      const found = obj.kind === "ServiceMonitor"
        ? byKind("Service").some(({ obj: s }) => inScope(ns(s)) && selects(selector, s.metadata?.labels ?? {}))
        : pods.some((p) => inScope(p.namespace) && selects(selector, p.labels));
      if (!found) err(item, "/spec/selector", `selector matches no ${obj.kind === "ServiceMonitor" ? "Service" : "pod"} in its namespaces`);
    }
  }

  // ---- images and pod hardening ------------------------------------------------------------------------------
  const checkImage = (item, image, path) => {
    if (typeof image !== "string" || image === "") { err(item, path, "no image"); return; }
    if (image.includes("@sha256:")) return;
    const lastSegment = image.split("/").pop();
    const tag = lastSegment.includes(":") ? lastSegment.split(":").pop() : null;
    if (!tag) err(item, path, `image "${image}" is not pinned (no tag or digest)`);
    else if (tag === "latest") err(item, path, `image "${image}" uses :latest`);
  };
  for (const item of all) {
    const { obj } = item;
    const tpl = podTemplate(obj);
    if (tpl) {
      const podNonRoot = tpl.spec.securityContext?.runAsNonRoot;
      for (const { c, path } of containersOf(tpl)) {
        checkImage(item, c.image, `${path}/image`);
        const req = c.resources?.requests;
        if (!req || Object.keys(req).length === 0) err(item, `${path}/resources/requests`, `container "${c.name}" has no resources.requests`);
        const nonRoot = c.securityContext?.runAsNonRoot ?? podNonRoot;
        if (nonRoot !== true) err(item, `${path}/securityContext/runAsNonRoot`, `container "${c.name}" does not set runAsNonRoot: true (nor does its pod)`);
      }
    }
    // Images the operators' resources name.
    if (obj.kind === "Cluster" && String(obj.apiVersion).startsWith("postgresql.cnpg.io/") && obj.spec?.imageName) checkImage(item, obj.spec.imageName, "/spec/imageName");
    if (obj.kind === "Kafka" && obj.spec?.kafka?.image) checkImage(item, obj.spec.kafka.image, "/spec/kafka/image");
    if (obj.kind === "Keycloak" && obj.spec?.image) checkImage(item, obj.spec.image, "/spec/image");
  }
  // ---- database connections -----------------------------------------------------------------------------------
  // Every pool that can open against a CloudNativePG cluster, at the most replicas it can run (an HPA's maximum),
  // must fit in the cluster's max_connections, less the superuser reserve and room for replication and the
  // instance manager. A pool's size is QUARKUS_DATASOURCE_JDBC_MAX_SIZE (the container's env, else a ConfigMap it
  // loads with envFrom), else the services' default (platform/runtime microprofile-config.properties).
  for (const clusterItem of all.filter(({ obj }) => obj.kind === "Cluster" && String(obj.apiVersion).startsWith("postgresql.cnpg.io/"))) {
    const cluster = clusterItem.obj;
    const params = cluster.spec?.postgresql?.parameters ?? {};
    const max = Number(params.max_connections ?? 100);
    const reserved = Number(params.superuser_reserved_connections ?? 3);
    const headroom = 10; // walsenders of the replicas, the instance manager, an operator's psql
    const budget = max - reserved - headroom;
    const host = `${cluster.metadata.name}-rw`;
    const uses = [];
    for (const item of all) {
      const { obj } = item;
      const tpl = podTemplate(obj);
      if (!tpl) continue;
      for (const { c } of containersOf(tpl)) {
        const env = envOf(c, ns(obj), all);
        const url = env.QUARKUS_DATASOURCE_JDBC_URL;
        if (!url || !url.includes(`//${host}`)) continue;
        const pool = Number(env.QUARKUS_DATASOURCE_JDBC_MAX_SIZE ?? DEFAULT_POOL_SIZE);
        const hpa = all.find(({ obj: h }) => h.kind === "HorizontalPodAutoscaler" && ns(h) === ns(obj)
          && h.spec?.scaleTargetRef?.kind === obj.kind && h.spec?.scaleTargetRef?.name === obj.metadata?.name);
        const replicas = hpa ? Number(hpa.obj.spec.maxReplicas) : obj.kind === "Job" ? Number(obj.spec?.parallelism ?? 1) : Number(obj.spec?.replicas ?? 1);
        uses.push({ what: `${obj.kind}/${obj.metadata?.name}`, pool, replicas, total: pool * replicas });
      }
    }
    for (const { obj: kc } of all.filter(({ obj }) => obj.kind === "Keycloak" && String(obj.apiVersion).startsWith("k8s.keycloak.org/"))) {
      const db = kc.spec?.db ?? {};
      if (db.host === host || (db.url ?? "").includes(`//${host}`)) {
        const pool = Number(db.poolMaxSize ?? 100); // Keycloak's default pool
        const replicas = Number(kc.spec?.instances ?? 1);
        uses.push({ what: `Keycloak/${kc.metadata?.name}`, pool, replicas, total: pool * replicas });
      }
    }
    const total = uses.reduce((a, u) => a + u.total, 0);
    if (total > budget) {
      err(clusterItem, "/spec/postgresql/parameters/max_connections",
        `the pools can open ${total} connections (${uses.map((u) => `${u.what} ${u.pool}x${u.replicas}`).join(", ")}), ` +
        `more than max_connections ${max} - ${reserved} reserved - ${headroom} headroom = ${budget}`);
    }
  }
  return errors;
}

/** The services' default pool size, from the platform defaults every service inherits. */
const DEFAULT_POOL_SIZE = (() => {
  const file = new URL("../../../../platform/runtime/src/main/resources/META-INF/microprofile-config.properties", import.meta.url);
  const m = /^quarkus\.datasource\.jdbc\.max-size=(\d+)/m.exec(fs.readFileSync(file, "utf8"));
  return m ? Number(m[1]) : 20;
})();

/** A container's environment: its envFrom ConfigMaps (rendered ones), then its env values (which win). */
function envOf(c, namespace, all) {
  const env = {};
  for (const e of c.envFrom ?? []) {
    const name = e.configMapRef?.name;
    const cm = name && all.find(({ obj }) => obj.kind === "ConfigMap" && (obj.metadata?.namespace ?? "default") === namespace && obj.metadata?.name === name);
    Object.assign(env, cm?.obj.data ?? {});
  }
  for (const e of c.env ?? []) if (typeof e.value === "string") env[e.name] = e.value;
  return env;
}

export { esc };
