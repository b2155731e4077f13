#!/usr/bin/env python3
"""Finds translation problems that `msgfmt --check` lets through.

msgfmt -c accepts a plural entry where some msgstr[N] are filled and others
are empty when the message has no printf placeholder; at run time gettext
then returns an empty string for those numbers. It also ignores fuzzy
entries, which never reach users. This script fails on:

  * a plural entry translated for some forms and empty for others;
  * a plural entry with a different number of forms than the header's
    nplurals (msgfmt only checks this for fully translated entries);
  * a fuzzy entry (it must be reviewed, not shipped silently).

Usage: check-plurals.py FILE.po...
"""

import re
import sys


def unquote(chunks):
    """Joins the quoted string chunks of one PO field."""
    return ''.join(re.sub(r'^"|"$', '', c) for c in chunks)


def entries(path):
    """Yields (line number, fields, flags) for each entry of a PO file."""
    with open(path, encoding='utf-8') as f:
        lines = f.read().split('\n')
    fields, flags, field, start = {}, set(), None, 0
    for number, line in enumerate(lines + [''], 1):
        if not line.strip():
            if fields:
                yield start, fields, flags
            fields, flags, field = {}, set(), None
            continue
        if line.startswith('#,'):
            flags.update(flag.strip() for flag in line[2:].split(','))
        elif line.startswith('#'):
            continue
        elif line.startswith('"') and field:
            fields[field].append(line)
        else:
            match = re.match(r'^(msgctxt|msgid|msgid_plural|msgstr(?:\[\d+\])?)\s+(".*")$', line)
            if not match:
                continue
            field = match.group(1)
            fields[field] = [match.group(2)]
            if len(fields) == 1:
                start = number


def check(path):
    problems = []
    nplurals = None
    for line, fields, flags in entries(path):
        msgid = unquote(fields.get('msgid', []))
        if msgid == '' and 'msgctxt' not in fields:
            header = unquote(fields.get('msgstr', []))
            match = re.search(r'nplurals\s*=\s*(\d+)', header)
            nplurals = int(match.group(1)) if match else None
            continue
        if 'fuzzy' in flags:
            problems.append(f'{path}:{line}: fuzzy entry “{msgid}”')
        if 'msgid_plural' not in fields:
            continue
        forms = sorted((k for k in fields if k.startswith('msgstr[')),
                       key=lambda k: int(k[7:-1]))
        values = [unquote(fields[k]) for k in forms]
        if not any(values):
            continue  # untranslated: gettext falls back to English, fine
        empty = [k for k, v in zip(forms, values) if not v]
        if empty:
            problems.append(f'{path}:{line}: “{msgid}” has empty plural forms: {", ".join(empty)}')
        if nplurals is not None and len(forms) != nplurals:
            problems.append(f'{path}:{line}: “{msgid}” has {len(forms)} plural forms, '
                            f'the header says nplurals={nplurals}')
    if nplurals is None:
        problems.append(f'{path}: no Plural-Forms header')
    return problems


def main(paths):
    problems = [p for path in paths for p in check(path)]
    for problem in problems:
        print(problem, file=sys.stderr)
    if not paths:
        print('usage: check-plurals.py FILE.po...', file=sys.stderr)
        return 2
    print(f'{len(paths)} file(s) checked, {len(problems)} problem(s)')
    return 1 if problems else 0


if __name__ == '__main__':
    sys.exit(main(sys.argv[1:]))
