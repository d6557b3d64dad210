#!/usr/bin/env python3
"""Compiles (syntax only) every translation unit with platform code, as the build compiles it,
two more ways:
  portable      -DKAIROS_PORTABLE_ONLY=1: every KAIROS_PLATFORM_* is 0, so the fallbacks that
                Windows (and, for Linux-only code, macOS) build are compiled here;
  strict-posix  -std=c++20 and the GNU/BSD extensions off for the system headers the file
                includes (cmake/strict_posix_prelude.h): the POSIX branches use POSIX only.
Usage: compile_platform_files.py SOURCE_DIR BUILD_DIR
The files come from check_platform_guards.py --list; each must be in compile_commands.json."""
import concurrent.futures
import json
import os
import resource
import shlex
import subprocess
import sys
import time

here = os.path.dirname(os.path.abspath(__file__))


def main(source_dir, build_dir):
    source_dir = os.path.abspath(source_dir)
    listed = subprocess.run(
        [sys.executable, os.path.join(here, 'check_platform_guards.py'), '--list', source_dir],
        check=True, capture_output=True, text=True).stdout.split()
    units = [f for f in listed if f.endswith('.cpp')]
    with open(os.path.join(build_dir, 'compile_commands.json'), encoding='utf-8') as f:
        db = {os.path.realpath(e['file']): e for e in json.load(f)}
    failures = 0
    checked = 0
    jobs = []
    for unit in units:
        entry = db.get(os.path.realpath(os.path.join(source_dir, unit)))
        if entry is None:
            if unit.startswith('tests/'):
                continue  # a test target this configuration does not build
            print('NOT BUILT: %s is not in compile_commands.json' % unit)
            failures += 1
            continue
        args = shlex.split(entry['command']) if 'command' in entry else list(entry['arguments'])
        if os.path.basename(args[0]) in ('ccache', 'sccache'):
            args = args[1:]
        base = []
        skip = False
        for a in args:
            if skip:
                skip = False
                continue
            if a in ('-o', '-MF', '-MT', '-MQ', '-c'):
                skip = a != '-c'
                continue
            if a in ('-MD', '-MMD') or a == entry['file']:
                continue
            base.append(a)
        passes = {
            'portable': ['-DKAIROS_PORTABLE_ONLY=1'],
            'strict-posix': ['-std=c++20', '-include',
                             os.path.join(source_dir, 'cmake', 'strict_posix_prelude.h')],
        }
        for name, extra in passes.items():
            jobs.append((unit, name, base + extra + ['-fsyntax-only', entry['file']],
                         entry['directory']))

    # Controls: each compiles with the build's flags and must fail in its pass.
    controls = {'gnu_extension.cpp': 'strict-posix', 'missing_fallback.cpp': 'portable'}
    if jobs:
        _, _, first_cmd, first_dir = jobs[0]
        flags = [a for a in first_cmd[:-1] if a != '-DKAIROS_PORTABLE_ONLY=1']
        for control, failing_pass in controls.items():
            path = os.path.join(here, 'controls', control)
            jobs.append(('controls/' + control, 'as-built', flags + [path], first_dir))
            jobs.append(('controls/' + control, failing_pass,
                         flags + passes[failing_pass] + [path], first_dir))

    def run(job):
        unit, name, cmd, cwd = job
        started = time.monotonic()
        r = subprocess.run(cmd, cwd=cwd, capture_output=True, text=True)
        return unit, name, r, time.monotonic() - started

    workers = max(1, min(4, os.cpu_count() or 1))
    with concurrent.futures.ThreadPoolExecutor(workers) as pool:
        for unit, name, r, seconds in pool.map(run, jobs):
            checked += 1
            must_fail = unit.startswith('controls/') and name != 'as-built'
            good = (r.returncode != 0) if must_fail else (r.returncode == 0)
            status = ('ok' if good else 'FAILED') + (' (refused, as it must be)' if must_fail and good else '')
            print('%-6s %-12s %s (%.1f s)' % (status, name, unit, seconds), flush=True)
            if not good:
                failures += 1
                print(r.stderr[-6000:] if not must_fail else
                      'this control compiled: the %s pass does not check what it claims' % name)
    cpu = resource.getrusage(resource.RUSAGE_CHILDREN)
    print('compiler CPU time: %.1f s over %d workers' % (cpu.ru_utime + cpu.ru_stime, workers))
    print('%d compilations, %d failed' % (checked, failures))
    return 1 if failures or checked == 0 else 0


if __name__ == '__main__':
    if len(sys.argv) != 3:
        print(__doc__)
        sys.exit(2)
    sys.exit(main(sys.argv[1], sys.argv[2]))
