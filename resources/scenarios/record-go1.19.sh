#!/bin/bash
# Runs every lesson under the real Go toolchain and writes NN-*/expected-go1.19.txt.
# A lesson that imports "viz" only runs in Goroscope and is skipped.
# A line "// Also run with: VAR=value" in main.go records a second run with that setting.
# Usage: resources/scenarios/record-go1.19.sh [lesson-dir ...]
set -euo pipefail
here=$(cd "$(dirname "$0")" && pwd)
export GOTOOLCHAIN=local GOFLAGS=-mod=mod CGO_ENABLED=0 GOPROXY=off
work=$(mktemp -d)
trap 'rm -rf "$work"' EXIT
goversion=$(go env GOVERSION)
dirs=("$@")
if [ ${#dirs[@]} -eq 0 ]; then dirs=("$here"/[0-9][0-9]-*); fi

run_once() { # $1 = env setting or empty
    local setting=$1 rc=0
    if [ -n "$setting" ]; then
        env "$setting" ./prog >stdout.txt 2>stderr.txt || rc=$?
    else
        ./prog >stdout.txt 2>stderr.txt || rc=$?
    fi
    echo "--- run${setting:+ with $setting}: exit status $rc"
    echo "--- stdout"
    cat stdout.txt
    if [ "$rc" -ne 0 ]; then
        echo "--- stderr (first 3 lines)"
        head -n 3 stderr.txt
    fi
}

for dir in "${dirs[@]}"; do
    dir=$(cd "$dir" && pwd)
    name=$(basename "$dir")
    if grep -q '"viz"' "$dir/main.go"; then
        echo "$name: imports viz, Goroscope only (skipped)"
        continue
    fi
    mod="$work/$name"
    mkdir -p "$mod"
    cp "$dir/main.go" "$mod/"
    printf 'module lesson\n\ngo 1.19\n' >"$mod/go.mod"
    (
        cd "$mod"
        go vet .
        go build -o prog .
        {
            echo "# Produced by resources/scenarios/record-go1.19.sh: $goversion $(go env GOOS)/$(go env GOARCH), CGO_ENABLED=0, go vet clean, $(nproc) CPUs, $(date -u +%F); figures vary a little from run to run"
            run_once ""
            sed -n 's|^// Also run with: *||p' main.go | while read -r setting; do
                run_once "$setting"
            done
        } >"$dir/expected-go1.19.txt"
    )
    echo "$name: recorded"
done
