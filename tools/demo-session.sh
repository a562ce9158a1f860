#!/usr/bin/env bash
# The scripted shell session behind samples/demo.cast. Run it through tools/record-sample.sh, which records it with
# util-linux script(1) inside an 80x24 tmux pane. It "types" each command, then really runs it.
set -u
work=$(mktemp -d)
trap 'rm -rf "$work"' EXIT
cd "$work"

# A small project to look at: files of several kinds (for ls colours) and a git history with a merge.
mkdir -p src docs build
printf 'int main(void) { return 0; }\n' > src/main.c
printf '# notes\n' > docs/README.md
printf '#!/bin/sh\necho hi\n' > build.sh && chmod +x build.sh
ln -s docs/README.md README.md
: > archive.tar.gz
export GIT_AUTHOR_NAME=casttools GIT_AUTHOR_EMAIL=demo@example.org GIT_COMMITTER_NAME=casttools GIT_COMMITTER_EMAIL=demo@example.org
export GIT_AUTHOR_DATE='2026-01-01T12:00:00Z' GIT_COMMITTER_DATE='2026-01-01T12:00:00Z'
{
    git init -q -b main
    git add -A && git commit -qm "Initial commit"
    git checkout -qb feature
    echo 'x' >> src/main.c && git commit -qam "Add feature"
    echo 'y' >> src/main.c && git commit -qam "Polish feature"
    git checkout -q main
    echo 'z' >> docs/README.md && git commit -qam "Update docs"
    git merge -q --no-ff feature -m "Merge branch 'feature'"
} >/dev/null 2>&1

prompt() { printf '\033[1;32mdemo@casttools\033[0m:\033[1;34m~/project\033[0m$ '; }
type_command() {
    local text=$1 i
    for ((i = 0; i < ${#text}; i++)); do
        printf '%s' "${text:i:1}"
        sleep 0.03
    done
    sleep 0.25
    printf '\n'
}

sleep 0.4
prompt; type_command 'ls -l --color'
ls -l --color=always --time-style=+ | sed 1d
sleep 0.7
prompt; type_command 'git log --graph --oneline --all'
git --no-pager -c color.ui=always log --graph --oneline --decorate --all
sleep 0.9
prompt; type_command 'echo "Grüße — 你好，世界 🎉"'
echo "Grüße — 你好，世界 🎉"
sleep 0.7
prompt; type_command 'htop'
timeout --foreground -s INT 1.6 htop --no-mouse -d 5 --sort-key PERCENT_CPU 2>/dev/null
prompt; sleep 0.5
