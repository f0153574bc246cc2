#!/usr/bin/python3
"""Compares bordersim's results for bench/kyakhta-only.yaml with those of its SimPy twin, metric by metric.

usage: compare_kyakhta.py BORDERSIM_OUT_DIR SIMPY_OUTPUT_FILE

BORDERSIM_OUT_DIR is the folder of `bordersim run bench/kyakhta-only.yaml --out DIR` (summary.csv, stages.csv);
SIMPY_OUTPUT_FILE what `simpy_kyakhta.py` printed, run with the same replications and days. For each metric the
twin prints (arrivals, completed, approach wait mean and p95, crossing time for all/all, all/truck, all/car; each
stage's utilisation) it prints both means with their 95% CI half-widths, the difference, and `agree` when the
difference is within sqrt(h_bordersim² + h_simpy²) (about a 95% test of equal means; with 20 metrics one
`differ` in twenty is expected by chance). Exits 1 if a metric is missing on either side. Standard library only.
"""
import csv
import os
import re
import sys

LINE = re.compile(r'^metric (\S+) (\S+) mean=(\S+) half=(\S+) ')


def simpy_metrics(path):
    """{(group, metric): (mean, half)} from the twin's `metric ...` lines."""
    out = {}
    with open(path, encoding='utf8') as f:
        for line in f:
            m = LINE.match(line)
            if m:
                out[(m.group(1), m.group(2))] = (float(m.group(3)), float(m.group(4)))
    return out


def bordersim_metrics(folder):
    """The same keys from bordersim's summary.csv (crossing kyakhta, direction all) and stages.csv."""
    out = {}
    with open(os.path.join(folder, 'summary.csv'), encoding='utf8', newline='') as f:
        for row in csv.DictReader(f):
            if row['crossing'] == 'kyakhta' and row['direction'] == 'all':
                half = (float(row['ci95_high']) - float(row['ci95_low'])) / 2
                out[('all/' + row['class'], row['metric'])] = (float(row['mean']), half)
    with open(os.path.join(folder, 'stages.csv'), encoding='utf8', newline='') as f:
        for row in csv.DictReader(f):
            if row['crossing'] == 'kyakhta':
                half = (float(row['ci95_high']) - float(row['ci95_low'])) / 2
                out[('stage/' + row['stage'], row['metric'])] = (float(row['mean']), half)
    return out


def main():
    if len(sys.argv) != 3:
        sys.stderr.write(__doc__.split('\n\n')[1] + '\n')
        return 2
    twin = simpy_metrics(sys.argv[2])
    ours = bordersim_metrics(sys.argv[1])
    if not twin:
        sys.stderr.write(f'compare_kyakhta.py: no "metric" lines in {sys.argv[2]}\n')
        return 1
    missing = [k for k in twin if k not in ours]
    if missing:
        sys.stderr.write(f'compare_kyakhta.py: not in {sys.argv[1]}: {", ".join(" ".join(k) for k in missing)}\n')
        return 1
    print(f'{"group":20} {"metric":22} {"bordersim":>22} {"simpy":>22} {"difference":>20}')
    differ = 0
    for key, (s_mean, s_half) in twin.items():
        b_mean, b_half = ours[key]
        diff = b_mean - s_mean
        tol = (b_half ** 2 + s_half ** 2) ** 0.5
        verdict = 'agree' if abs(diff) <= tol else 'differ'
        differ += verdict == 'differ'
        print(f'{key[0]:20} {key[1]:22} {b_mean:12.4f} ± {b_half:7.4f} {s_mean:12.4f} ± {s_half:7.4f} '
              f'{diff:+10.4f} ± {tol:7.4f} {verdict}')
    print(f'{len(twin) - differ} of {len(twin)} metrics agree')
    return 0


if __name__ == '__main__':
    sys.exit(main())
