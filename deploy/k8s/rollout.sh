#!/usr/bin/env bash
# A release, in the order that keeps it safe: the data (databases, Kafka, topics) first, then every service's
# schema migrations as Jobs (owner role), awaited, then the apps (app role only), awaited.
#   deploy/k8s/rollout.sh            # needs kubectl with a context on the target cluster
set -euo pipefail
here="$(cd "$(dirname "${BASH_SOURCE[0]}")" && pwd)"
ns=vibrationfit

echo "==> namespace and data (PostgreSQL, Kafka, topics, Keycloak)"
kubectl apply -f "$here/base/namespace.yaml"
kubectl apply -k "$here/overlays/data"
kubectl -n "$ns" wait cluster.postgresql.cnpg.io/vibrationfit-pg --for=condition=Ready --timeout=20m
kubectl -n "$ns" wait kafka.kafka.strimzi.io/vibrationfit --for=condition=Ready --timeout=20m
kubectl -n "$ns" wait keycloak.k8s.keycloak.org/vibrationfit-keycloak --for=condition=Ready --timeout=20m

echo "==> schema migrations (one Job per service, as its owner role)"
kubectl apply -k "$here/migrations"
kubectl -n "$ns" wait job -l app.kubernetes.io/component=migration --for=condition=complete --timeout=15m

echo "==> the apps"
kubectl apply -k "$here/overlays/production"
for d in profile-service vision-service assessment-service journal-service media-service ai-usage-service gateway; do
  kubectl -n "$ns" rollout status "deployment/$d" --timeout=10m
done
