#!/usr/bin/env bash
# The README's "Quick start" block, run as written in a fresh shell, a fresh clone and a
# fresh virtualenv (`make quickstart`; a few minutes: pip installs the dependencies, from
# pip's cache when it has them). The one substitution: the clone URL placeholder becomes
# this checkout (its committed HEAD). Then what a new user tries next: `cleaner` in a new
# shell after activating, mypy on a user file that imports cleaner (editable install), and
# the README's pre-commit snippet pasted into a corpus repository, its `rev` made by the
# README's `make tag` (only the repo URL placeholder becomes the clone).
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
echo "== the README's pre-commit snippet as pasted, its rev made by 'make tag'"
who=(GIT_AUTHOR_NAME=quickstart GIT_AUTHOR_EMAIL=quickstart@example.invalid
     GIT_COMMITTER_NAME=quickstart GIT_COMMITTER_EMAIL=quickstart@example.invalid)
(cd "$clone" && fresh "${who[@]}" make -s tag)
corpus="$WORK/corpus"
mkdir -p "$corpus"
awk '/^## pre-commit/{s=1; next} s && /^```yaml/{b=1; next} b && /^```/{exit} b' \
    "$ROOT/README.md" | sed "s#https://git.example.org/data/cleaner#$clone#" \
    > "$corpus/.pre-commit-config.yaml"
grep -q "repo: $clone" "$corpus/.pre-commit-config.yaml" \
    || { echo "quickstart: the README has no pre-commit snippet with the repo URL" >&2; exit 1; }
cat "$corpus/.pre-commit-config.yaml"
cp "$clone/fixtures/check/author_card.txt" "$corpus/card.txt"   # an e-mail address in it
cp "$clone/fixtures/check/clean_article.txt" "$corpus/clean.txt"
(cd "$corpus" && fresh git init -q && fresh git add -A)
fresh "$clone/.venv/bin/python" -m pip install -q pre-commit
set +e
(cd "$corpus" && fresh PRE_COMMIT_HOME="$WORK/pre-commit-home" bash -c \
    '. ../cleaner/.venv/bin/activate && pre-commit install && pre-commit run --all-files') \
    > "$WORK/precommit.txt" 2>&1
rc=$?
set -e
tail -n 12 "$WORK/precommit.txt"
# the hook must run and fail on the planted finding (exit 1), naming the file, not the value
[ "$rc" -eq 1 ] || { echo "quickstart: pre-commit run exited $rc, not 1" >&2; exit 1; }
grep -q '^card.txt:[0-9]*:[0-9]*: PII ' "$WORK/precommit.txt" \
    || { echo "quickstart: the cleaner-check hook reported no finding in card.txt" >&2; exit 1; }
if grep -q 'corwin.halloway@' "$WORK/precommit.txt"; then
    echo "quickstart: the hook printed the e-mail address itself" >&2; exit 1
fi
if grep -q 'clean.txt:' "$WORK/precommit.txt"; then
    echo "quickstart: the clean file was flagged" >&2; exit 1
fi
echo "quickstart: OK in $(( $(date +%s) - started )) s"
