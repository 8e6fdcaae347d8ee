#!/usr/bin/env bash
# The README's "Quick start" block, run as written in a fresh shell, a fresh clone and a
# fresh virtualenv (`make quickstart`; a few minutes: pip installs the dependencies, from
# pip's cache when it has them). The one substitution: the clone URL placeholder becomes
# this checkout (its committed HEAD). Then what a new user tries next: `cleaner` in a new
# shell after activating, and mypy on a user file that imports cleaner (editable install).
set -euo pipefail
ROOT="$(cd "$(dirname "$0")/.." && pwd)"
WORK="$(mktemp -d "${TMPDIR:-/tmp}/cleaner-quickstart.XXXXXX")"
trap 'rm -rf "$WORK"' EXIT

# the ```sh block right under "## Quick start"
awk '/^## Quick start/{s=1; next} s && /^```sh/{b=1; next} b && /^```/{exit} b' \
    "$ROOT/README.md" > "$WORK/quickstart.sh"
grep -q 'git clone https://git.example.org/data/cleaner' "$WORK/quickstart.sh" \
    || { echo "quickstart: the README block has no clone line" >&2; exit 1; }
sed -i "s#https://git.example.org/data/cleaner#$ROOT#" "$WORK/quickstart.sh"
echo "== the README quick start, as run (in $WORK):"
cat "$WORK/quickstart.sh"

# a fresh shell: no virtualenv active, no PYTHONPATH/MYPYPATH, the project's .venv not on PATH
clean_path="$(printf '%s' "$PATH" | tr ':' '\n' | grep -v -e '/\.venv/' -e "^$ROOT" | paste -sd: -)"
# (pip's and pyenv's own settings are kept: a user's login shell has them)
mapfile -t keep < <(env | grep -E '^(PIP_|PYENV_ROOT=)' || true)
fresh() {
    env -i HOME="$HOME" PATH="$clean_path" LANG=C.UTF-8 TMPDIR="${TMPDIR:-/tmp}" \
        "${keep[@]}" PIP_DISABLE_PIP_VERSION_CHECK=1 "$@"
}
started=$(date +%s)
(cd "$WORK" && fresh bash -euo pipefail quickstart.sh) > "$WORK/out.txt" 2> "$WORK/err.txt" || {
    echo "quickstart: FAILED" >&2; tail -n 40 "$WORK/err.txt" >&2; exit 1; }
echo "== its output:"
grep -v '^$' "$WORK/out.txt" | tail -n 5
clone="$WORK/cleaner"
test -s "$clone/report.json" || { echo "quickstart: no report.json written" >&2; exit 1; }
tail -n 1 "$WORK/out.txt" | grep -qx 'reject' \
    || { echo "quickstart: the python line did not print the verdict" >&2; exit 1; }

echo "== a new shell: not on PATH before activating, on PATH after"
if (cd "$clone" && fresh bash -c 'command -v cleaner') >/dev/null; then
    echo "quickstart: 'cleaner' is on PATH without activating (the check is void)" >&2; exit 1
fi
(cd "$clone" && fresh bash -c '. .venv/bin/activate && cleaner --version')
(cd "$clone" && fresh bash -c '.venv/bin/cleaner --version')

echo "== mypy on a user file that imports cleaner (no MYPYPATH)"
fresh "$clone/.venv/bin/python" -m pip install -q mypy
mkdir -p "$WORK/user"
cat > "$WORK/user/app.py" <<'PY'
from cleaner import clean

result = clean("A short note.", id="n1")
verdict: str = result.verdict
wrong: int = result.text
PY
set +e
(cd "$WORK/user" && fresh "$clone/.venv/bin/mypy" app.py) > "$WORK/mypy.txt" 2>&1
set -e
cat "$WORK/mypy.txt"
# the planted error must be found (so mypy read cleaner's types), and only it
grep -q 'app.py:5: error: Incompatible types in assignment' "$WORK/mypy.txt" \
    || { echo "quickstart: mypy did not type-check against cleaner" >&2; exit 1; }
if grep -q 'import-not-found\|Cannot find implementation' "$WORK/mypy.txt"; then
    echo "quickstart: mypy cannot find cleaner" >&2; exit 1
fi
echo "quickstart: OK in $(( $(date +%s) - started )) s"
