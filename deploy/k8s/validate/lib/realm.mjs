// The production realm import, derived from the local realm (deploy/local/keycloak/vibrationfit-realm.json), so the
// two cannot drift: the same roles, clients, mappers and service accounts, minus what is local-only.
//   - the demo members (alice, bob, admin) and the e2e-only clients are dropped;
//   - confidential clients' secrets become placeholders (${<CLIENT>_CLIENT_SECRET}) the operator fills from the
//     Secret keycloak-client-secrets (spec.placeholders), never a value in git;
//   - the web client redirects only to the public host (https://api.example.com, patched per environment like
//     the Ingress), without the password grant (./vf token's local convenience) and with its production name;
//   - TLS is required for every request (sslRequired: all), failed logins are throttled (bruteForceProtected),
//     and members register themselves (registrationAllowed; add SMTP and verifyEmail through the admin console
//     or the Keycloak CR's options when email is available).
import fs from "node:fs";
import path from "node:path";
import { parse, stringify } from "yaml";

export const LOCAL_REALM = path.resolve(import.meta.dirname, "../../../local/keycloak/vibrationfit-realm.json");
export const REALM_IMPORT = path.resolve(import.meta.dirname, "../../components/keycloak/realm-import.yaml");
export const PUBLIC_HOST = "api.example.com";
const DEMO_USERS = new Set(["alice", "bob", "admin"]);

export function placeholderOf(clientId) {
  return `${clientId.replace(/^vibrationfit-/, "").replace(/[^A-Za-z0-9]+/g, "_").toUpperCase()}_CLIENT_SECRET`;
}

/** The KeycloakRealmImport resource for a local realm. Pure. */
export function realmImport(local) {
  const realm = structuredClone(local);
  realm.sslRequired = "all";
  realm.displayName = "VibrationFit";
  realm.bruteForceProtected = true;
  realm.registrationAllowed = true;
  realm.users = (realm.users ?? []).filter((u) => !DEMO_USERS.has(u.username));
  realm.clients = (realm.clients ?? []).filter((c) => !c.clientId.startsWith("vibrationfit-e2e-"));
  const placeholders = {};
  for (const client of realm.clients) {
    if (client.secret !== undefined) {
      const name = placeholderOf(client.clientId);
      client.secret = `\${${name}}`;
      placeholders[name] = { secret: { name: "keycloak-client-secrets", key: name } };
    }
    if (client.clientId === "vibrationfit-web") {
      client.name = "VibrationFit web app";
      client.directAccessGrantsEnabled = false;
      client.redirectUris = [`https://${PUBLIC_HOST}/*`];
      client.webOrigins = ["+"];
    }
  }
  return {
    apiVersion: "k8s.keycloak.org/v2alpha1",
    kind: "KeycloakRealmImport",
    metadata: { name: "vibrationfit", namespace: "vibrationfit", labels: { "app.kubernetes.io/part-of": "vibrationfit" } },
    spec: { keycloakCRName: "vibrationfit-keycloak", placeholders, realm },
  };
}

const HEADER = `# GENERATED from deploy/local/keycloak/vibrationfit-realm.json by deploy/k8s/validate/lib/realm.mjs
# (node deploy/k8s/validate/validate.mjs --write-realm); ./vf test fails when it is stale.
# The local realm minus what is local-only: no demo members, no e2e clients, client secrets as placeholders the
# Keycloak operator fills from the Secret keycloak-client-secrets, the web client on the public host only.
`;

export function realmImportYaml(localFile = LOCAL_REALM) {
  return HEADER + stringify(realmImport(JSON.parse(fs.readFileSync(localFile, "utf8"))), { lineWidth: 0 });
}

/** Errors when the committed realm import is not what the local realm derives to. */
export function checkRealmImport({ localFile = LOCAL_REALM, committedFile = REALM_IMPORT } = {}) {
  if (!fs.existsSync(committedFile)) return [`${path.basename(committedFile)} is missing: run validate.mjs --write-realm`];
  const want = realmImport(JSON.parse(fs.readFileSync(localFile, "utf8")));
  const have = parse(fs.readFileSync(committedFile, "utf8"));
  return JSON.stringify(have) === JSON.stringify(want)
    ? []
    : ["components/keycloak/realm-import.yaml is stale (the local realm changed): run node deploy/k8s/validate/validate.mjs --write-realm"];
}
