#!/usr/bin/env bash
# The VS Code extension's tests, from any directory:
#   1. npm ci (the versions in package-lock.json);
#   2. the grammar's assertion files, test/*.plan;
#   3. the grammar's snapshots of the repository's plans, test/snap/**/*.snap;
#   4. vsce package, then the packaged extension loaded and run outside
#      VS Code (test/extension.test.js) from the unpacked .vsix.
# Exits non-zero on the first failure.
#
#   editors/vscode/test.sh            run the tests
#   editors/vscode/test.sh --update   rewrite the snapshots, then run the tests
set -euo pipefail
export LC_ALL=C

here="$(cd "$(dirname "${BASH_SOURCE[0]}")" && pwd)"
root="$(cd "$here/../.." && pwd)"
cd "$here"

update=0
case "${1:-}" in
  "") ;;
  --update) update=1 ;;
  *) echo "usage: $0 [--update]" >&2; exit 2 ;;
esac

# The plans whose highlighting is snapshotted: every example and profile,
# and a few of the corpus (Chinese and English keywords, broken lines).
snapshot_sources() {
  (cd "$root" && printf '%s\n' examples/*.plan profiles/*.plan)
  printf '%s\n' \
    tests/corpus/education-student-aid/as-filed.plan \
    tests/corpus/agriculture-machinery-subsidy/as-filed.plan \
    tests/corpus/health-public-health/corrected.plan \
    tests/corpus/culture-intangible-heritage/corrected.plan
}

tmp="$(mktemp -d)"
trap 'rm -rf "$tmp"' EXIT
step() { printf '\n== %s\n' "$*"; }
bin="$here/node_modules/.bin"

step "npm ci"
npm ci --no-audit --no-fund --loglevel=error

step "grammar assertions (test/*.plan)"
"$bin/vscode-tmgrammar-test" --compact 'test/*.plan'

step "grammar snapshots (test/snap)"
# The sources are copied in afresh (they are not committed); each must have
# its committed snapshot, and each snapshot its source.
snap="$here/test/snap"
find "$snap" -name '*.plan' -type f -delete
while read -r source; do
  mkdir -p "$snap/$(dirname "$source")"
  cp "$root/$source" "$snap/$source"
done < <(snapshot_sources)
missing=0
if [ "$update" = 0 ]; then
  while read -r plan; do
    if [ ! -f "$plan.snap" ]; then
      echo "no snapshot for ${plan#"$here"/}: run editors/vscode/test.sh --update and commit it" >&2
      missing=1
    fi
  done < <(find "$snap" -name '*.plan' -type f | sort)
fi
while read -r shot; do
  if [ ! -f "${shot%.snap}" ]; then
    echo "snapshot of no source: ${shot#"$here"/} (remove it, or add its plan to snapshot_sources)" >&2
    missing=1
  fi
done < <(find "$snap" -name '*.snap' -type f | sort)
[ "$missing" = 0 ]
if [ "$update" = 1 ]; then
  "$bin/vscode-tmgrammar-snap" --updateSnapshot 'test/snap/**/*.plan'
fi
"$bin/vscode-tmgrammar-snap" 'test/snap/**/*.plan'
echo "$(find "$snap" -name '*.snap' -type f | wc -l) snapshots match"

step "vsce package"
"$bin/vsce" package --out "$tmp/" </dev/null
vsix="$(find "$tmp" -maxdepth 1 -name 'perfplan-*.vsix' -print -quit)"
if [ -z "$vsix" ]; then
  echo "vsce package wrote no perfplan-*.vsix" >&2
  exit 1
fi
size="$(wc -c <"$vsix")"
echo "$(basename "$vsix"): $size bytes"
if [ "$size" -gt 1048576 ]; then
  echo "the .vsix is over 1 MiB: check .vscodeignore" >&2
  exit 1
fi

step "the packaged extension (test/extension.test.js)"
mkdir "$tmp/unpacked"
if command -v unzip >/dev/null; then
  unzip -q "$vsix" -d "$tmp/unpacked"
else
  python3 -m zipfile -e "$vsix" "$tmp/unpacked"
fi
PERFPLAN_EXTENSION_DIR="$tmp/unpacked/extension" node --test test/extension.test.js

printf '\neditors/vscode: all tests passed\n'
