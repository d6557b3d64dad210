#!/usr/bin/env python3
"""Portability gate: every POSIX, Linux, macOS or Windows header and API outside Qt sits behind a
platform guard (an #if on KAIROS_PLATFORM_* from core/platform.h, or Q_OS_* / _WIN32 / __APPLE__
/ __linux__), so a Windows or macOS build compiles its fallback instead. Files that test
KAIROS_PLATFORM_* must include core/platform.h (an undefined macro is 0: the fallback would be
taken silently everywhere).

Usage: check_platform_guards.py [--list] ROOT [DIR...]
       check_platform_guards.py --self-test FIXTURE_DIR
  Checks ROOT/DIR (default: src app ui tests); prints one line per problem and exits 1 if any.
  --list prints the files that contain guarded platform code (for the strict compile check).
tests/bench is left out: CMake builds the benchmarks on Linux only (they read /proc, getrusage).
"""
import os
import re
import sys

PLATFORM_HEADER = re.compile(
    r'^\s*#\s*include\s*<('
    r'unistd\.h|sys/[^>]+|netinet/[^>]+|arpa/[^>]+|net/[^>]+|netdb\.h|fcntl\.h|poll\.h|'
    r'pwd\.h|grp\.h|dlfcn\.h|termios\.h|syslog\.h|signal\.h|spawn\.h|sched\.h|pthread\.h|'
    r'dirent\.h|linux/[^>]+|asm/[^>]+|mach/[^>]+|mach-o/[^>]+|CoreFoundation/[^>]+|'
    r'CoreServices/[^>]+|Security/[^>]+|objc/[^>]+|windows\.h|winsock2?\.h|ws2tcpip\.h|'
    r'shlobj\.h|shellapi\.h|io\.h|direct\.h|process\.h|winreg\.h|wincrypt\.h)>')

# Calls and names that exist on POSIX or Linux only (ISO C/C++ ones such as std::signal,
# SIGINT and SIGTERM are fine anywhere).
PLATFORM_API = re.compile(
    r'\bCLOCK_(BOOTTIME|MONOTONIC_RAW|PROCESS_CPUTIME_ID|THREAD_CPUTIME_ID)\b|'
    r'\bclock_gettime\s*\(|\bsysconf\s*\(|\bsocketpair\s*\(|\bsigaction\b|\bgetrusage\s*\(|'
    r'\bumask\s*\(|\bchmod\s*\(|\bgetuid\s*\(|\bgeteuid\s*\(|\bfcntl\s*\(|\bmkfifo\s*\(|'
    r'\blstat\s*\(|\bSIG(KILL|PIPE|HUP|USR1|USR2|CHLD|QUIT)\b|\bMSG_(NOSIGNAL|DONTWAIT)\b|'
    r'(?<![\w.>])::(send|recv|write|read|close|kill|pipe|open)\s*\(')

CHAR_LITERAL = re.compile(r"'(\\.|[^\\'])+'")
PROC_PATH = re.compile(r'"/proc/')
GUARD_TOKEN = re.compile(
    r'\b(KAIROS_PLATFORM_\w+|Q_OS_\w+|_WIN32|_WIN64|__APPLE__|__linux__|__unix__|__FreeBSD__)\b')
USES_KAIROS_MACRO = re.compile(r'^\s*#\s*(el)?if.*\bKAIROS_PLATFORM_\w+')
INCLUDES_PLATFORM_H = re.compile(r'^\s*#\s*include\s*"core/platform\.h"')
SKIP_DIRS = {'bench', 'node_modules', 'fixtures', 'controls', '.git'}


def strip_comments(lines):
    """Yields (number, code, bare): code without // and /* */ comments, bare also without the
    contents of string literals."""
    in_block = False
    for number, line in enumerate(lines, 1):
        out = []
        bare = []
        i = 0
        in_string = False
        while i < len(line):
            if in_block:
                end = line.find('*/', i)
                if end < 0:
                    i = len(line)
                else:
                    in_block = False
                    i = end + 2
                continue
            c = line[i]
            if in_string:
                out.append(c)
                if c == '\\' and i + 1 < len(line):
                    out.append(line[i + 1])
                    i += 2
                    continue
                if c == '"':
                    in_string = False
                    bare.append(c)
                i += 1
                continue
            if line.startswith('//', i):
                break
            if line.startswith('/*', i):
                in_block = True
                i += 2
                continue
            if c == "'":  # a character literal, e.g. '"'
                m = CHAR_LITERAL.match(line, i)
                if m:
                    out.append(m.group(0))
                    bare.append("''")
                    i = m.end()
                    continue
            if c == '"':
                in_string = True
            out.append(c)
            bare.append(c)
            i += 1
        yield number, ''.join(out), ''.join(bare)


def check_file(path, display):
    with open(path, encoding='utf-8', errors='replace') as f:
        lines = f.read().split('\n')
    problems = []
    stack = []  # one bool per open #if: does this branch's condition name a platform?
    platform_code = False
    uses_macro = False
    includes_platform_h = False
    for number, code, bare in strip_comments(lines):
        directive = re.match(r'^\s*#\s*(\w+)(.*)$', code)
        if directive:
            word, rest = directive.group(1), directive.group(2)
            if word in ('if', 'ifdef', 'ifndef'):
                stack.append(bool(GUARD_TOKEN.search(rest)))
            elif word == 'elif' and stack:
                stack[-1] = stack[-1] or bool(GUARD_TOKEN.search(rest))
            elif word == 'endif' and stack:
                stack.pop()
            if USES_KAIROS_MACRO.match(code) and not uses_macro:
                uses_macro = number
            if INCLUDES_PLATFORM_H.match(code):
                includes_platform_h = True
        guarded = any(stack)
        header = PLATFORM_HEADER.match(code)
        api = None if header else (PROC_PATH.search(code) or PLATFORM_API.search(bare))
        if header or api:
            platform_code = True
            if not guarded:
                what = ('<%s>' % header.group(1)) if header else api.group(0).strip()
                problems.append('%s:%d: %s outside a platform guard (#if KAIROS_PLATFORM_* from '
                                'core/platform.h, with a portable fallback)' % (display, number, what))
    if uses_macro and not includes_platform_h and not display.endswith('core/platform.h'):
        problems.append('%s:%d: tests KAIROS_PLATFORM_* without #include "core/platform.h"'
                        % (display, uses_macro))
    return problems, platform_code or uses_macro


def self_test(directory):
    """The checker must report exactly the lines marked EXPECT in the fixtures (and no other)."""
    expected = set()
    found = set()
    for name in sorted(os.listdir(directory)):
        path = os.path.join(directory, name)
        with open(path, encoding='utf-8') as f:
            for number, line in enumerate(f.read().split('\n'), 1):
                if '// EXPECT' in line:
                    expected.add((name, number))
        for p in check_file(path, name)[0]:
            found.add((name, int(p.split(':')[1])))
            print(p)
    missed = sorted(expected - found)
    extra = sorted(found - expected)
    for name, number in missed:
        print('NOT REPORTED: %s:%d' % (name, number))
    for name, number in extra:
        print('REPORTED BUT NOT EXPECTED: %s:%d' % (name, number))
    print('self-test: %d expected, %d reported' % (len(expected), len(found)))
    return 1 if missed or extra or not expected else 0


def main(argv):
    if len(argv) == 2 and argv[0] == '--self-test':
        return self_test(argv[1])
    list_only = '--list' in argv
    args = [a for a in argv if a != '--list']
    if not args:
        print(__doc__)
        return 2
    root = args[0]
    dirs = args[1:] or ['src', 'app', 'ui', 'tests']
    problems = []
    platform_files = []
    checked = 0
    for d in dirs:
        top = os.path.join(root, d)
        if os.path.isfile(top):
            candidates = [top]
        else:
            candidates = []
            for base, subdirs, files in os.walk(top):
                subdirs[:] = sorted(s for s in subdirs if s not in SKIP_DIRS)
                candidates += [os.path.join(base, f) for f in sorted(files)]
        for path in candidates:
            if not path.endswith(('.cpp', '.h', '.hpp', '.cc', '.mm')):
                continue
            checked += 1
            display = os.path.relpath(path, root)
            p, has_platform = check_file(path, display)
            problems += p
            if has_platform:
                platform_files.append(display)
    if list_only:
        print('\n'.join(platform_files))
        return 0
    for p in problems:
        print(p)
    print('%d files checked, %d with platform code (%s), %d problems'
          % (checked, len(platform_files), ', '.join(platform_files), len(problems)))
    return 1 if problems else 0


if __name__ == '__main__':
    sys.exit(main(sys.argv[1:]))
