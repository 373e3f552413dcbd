#!/usr/bin/env bash
# Every published quality figure, in one run (README "Detection quality", docs/quality.md).
# usage: bash bench/quality/figures.sh [SHARED]   (SHARED defaults to ../shared beside the checkout)
# Needs redactcheck on PATH. The eval-dev split is bench/quality/eval_dev_split.tsv: "tune" is where misses
# were read while developing, "check" was only ever scored.
set -uo pipefail
cd "$(dirname "$0")/../.."
shared="${1:-../shared}"
dev="$shared/eval-dev"
rc="$(command -v redactcheck)"
echo "# $(date -u +%Y-%m-%d) $(git rev-parse --short HEAD 2>/dev/null)"
for part in tune check; do
  echo "## eval-dev, $part part"
  redactcheck eval "$dev/docs" "$dev/gold.jsonl" --only "bench/quality/eval_dev_split.tsv:$part"
done
echo "## eval-dev, whole set"
redactcheck eval "$dev/docs" "$dev/gold.jsonl"
echo "## blind set1 (28 documents labelled blind on 2026-12-06): tune part, check part"
python bench/quality/blind_eval.py --shared "$shared" --set set1 --part tune
python bench/quality/blind_eval.py --shared "$shared" --set set1 --part check
echo "## blind set2 (28 more documents, check only: never read)"
python bench/quality/blind_eval.py --shared "$shared" --set set2
echo "## blind set3 (28 documents labelled blind in the third session): tune part, check part"
python bench/quality/blind_eval.py --shared "$shared" --set set3 --part tune
python bench/quality/blind_eval.py --shared "$shared" --set set3 --part check
echo "## blind set4 (28 documents labelled blind in the sixth sitting of 2026-12-07): tune part, check part"
python bench/quality/blind_eval.py --shared "$shared" --set set4 --part tune
python bench/quality/blind_eval.py --shared "$shared" --set set4 --part check
echo "## eval-cables (300 real cables)"
python3 "$shared/eval-cables/check.py" "$rc"
echo "## pdf-redactions (77 PDFs)"
python3 "$shared/pdf-redactions/check.py" "$rc"
echo "## Historian prose: marking findings per 100 KB"
python bench/quality/prose_fp.py "$shared/corpus/docs" --glob 'hsg_*.txt'
