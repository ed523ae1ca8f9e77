#!/usr/bin/env bash
# Rebuilds kubernetes-objects.schema.json from the npm packages pinned below (see README.md).
# Needs node and npm (the npm registry); writes nothing but the bundle.
set -euo pipefail
here="$(cd "$(dirname "$0")" && pwd)"
work="$(mktemp -d)"
trap 'rm -rf "$work"' EXIT

packages=(
	kubernetes-models@4.3.1
	@kubernetes-models/apimachinery@1.2.2
	@kubernetes-models/argo-rollouts@0.3.2
	@kubernetes-models/keda@0.3.2
	@kubernetes-models/gateway-api@0.5.1
)
mkdir -p "$work/node_modules/@kubernetes-models"
for package in "${packages[@]}"; do
	name="${package%@*}"
	tarball="$(cd "$work" && npm pack --silent "$package")"
	mkdir -p "$work/node_modules/$name"
	tar -xzf "$work/$tarball" -C "$work/node_modules/$name" --strip-components=1
done
node "$here/extract.cjs" "$work/node_modules" "$here/kubernetes-objects.schema.json"
