#!/usr/bin/env bash
# CI: every translation in translations/ is complete and up to date. For each language, lupdate
# reads the GUI sources (app/gui, widgets) into a temporary copy of the committed .ts file (the
# committed file is never rewritten), and the check fails, naming the strings, when
#   - the committed file is missing,
#   - its source strings differ from those lupdate finds (stale: a string was added, changed or
#     removed in the code and the .ts was not updated; translations/README.md says how),
#   - a message is unfinished or has an empty translation or plural form,
#   - a translation loses or adds a %1-style placeholder.
# Prints "<language>: <messages> messages, <unfinished> unfinished" per language.
set -euo pipefail
cd "$(dirname "$0")/.."

languages=(de fr)
sources=(app/gui widgets)
# The options translations/CMakeLists.txt gives its update_translations target: the same file either way.
lupdate_options=(-locations none -no-obsolete)

lupdate=$(command -v lupdate || true)
[ -n "$lupdate" ] || lupdate=/usr/lib/qt6/bin/lupdate
if [ ! -x "$lupdate" ]; then
    echo "check-translations: lupdate not found (Debian package qt6-l10n-tools)" >&2
    exit 1
fi
if ! command -v python3 > /dev/null; then
    echo "check-translations: python3 not found" >&2
    exit 1
fi

# The data tables' texts reach lupdate through a generated file; it must match the tables.
python3 scripts/table-strings.py --check

work=$(mktemp -d)
trap 'rm -rf "$work"' EXIT

failed=0
for language in "${languages[@]}"; do
    committed=translations/compression-lab_$language.ts
    if [ ! -f "$committed" ]; then
        echo "$language: MISSING: $committed does not exist"
        failed=1
        continue
    fi
    updated=$work/compression-lab_$language.ts
    cp "$committed" "$updated"
    if ! "$lupdate" "${lupdate_options[@]}" "${sources[@]}" -ts "$updated" > "$work/lupdate.log" 2>&1; then
        cat "$work/lupdate.log"
        echo "$language: lupdate failed"
        failed=1
        continue
    fi
    python3 - "$language" "$committed" "$updated" << 'EOF' || failed=1
import re
import sys
import xml.etree.ElementTree as ET

language, committed_path, updated_path = sys.argv[1:4]


def messages(path):
    result = {}
    for context in ET.parse(path).getroot().iter("context"):
        name = context.findtext("name", "")
        for message in context.iter("message"):
            key = (name, message.findtext("source", ""), message.findtext("comment", ""))
            result[key] = message
    return result


def show(key):
    context, source, comment = key
    return f"    [{context}] {source!r}" + (f" (comment: {comment!r})" if comment else "")


def placeholders(text):
    return set(re.findall(r"%L?\d+", text or ""))


committed = messages(committed_path)
updated = messages(updated_path)
problems = []

added = sorted(set(updated) - set(committed))
removed = sorted(set(committed) - set(updated))
if added:
    problems.append(f"{len(added)} source string(s) in the code but not in the committed file:")
    problems += [show(key) for key in added]
if removed:
    problems.append(f"{len(removed)} source string(s) in the committed file but no longer in the code:")
    problems += [show(key) for key in removed]

unfinished = []
mismatched = []
for key, message in sorted(updated.items()):
    translation = message.find("translation")
    if message.get("numerus") == "yes":
        forms = [form.text or "" for form in translation.iter("numerusform")] if translation is not None else []
    else:
        forms = [translation.text or ""] if translation is not None else []
    status = translation.get("type") if translation is not None else "missing"
    if status in ("unfinished", "missing", "vanished", "obsolete") or not forms or any(not f.strip() for f in forms):
        unfinished.append(key)
        continue
    # %n may be left out of a plural form ("un seul tenseur"); numbered placeholders may not.
    if any(placeholders(form) != placeholders(key[1]) for form in forms):
        mismatched.append(key)
if unfinished:
    problems.append(f"{len(unfinished)} message(s) unfinished or empty:")
    problems += [show(key) for key in unfinished]
if mismatched:
    problems.append(f"{len(mismatched)} translation(s) whose %1-style placeholders differ from the source:")
    problems += [show(key) for key in mismatched]

print(f"{language}: {len(updated)} messages, {len(unfinished)} unfinished"
      + (f", {len(added)} new and {len(removed)} stale in {committed_path}" if added or removed else ""))
if problems:
    print("\n".join(problems))
    sys.exit(1)
EOF
done

if [ "$failed" != 0 ]; then
    echo "check-translations: FAILED (update with lupdate as translations/README.md shows, then translate)"
    exit 1
fi
echo "check-translations: all ${#languages[@]} translations complete and up to date"
