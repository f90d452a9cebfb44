#!/usr/bin/env bash
# Renders a workbook as LibreOffice prints it: IN.xlsx → OUTDIR/IN.pdf and OUTDIR/IN-<page>.png (60 dpi).
# Usage: scripts/render-xlsx.sh IN.xlsx OUTDIR
# Needs soffice (libreoffice-calc-nogui), pdftoppm (poppler-utils) and the print font
# (fonts-morisawa-bizud-gothic; without it LibreOffice substitutes a font and cuts vertical text).
set -euo pipefail

if [ $# -ne 2 ]; then
  echo "usage: $0 IN.xlsx OUTDIR" >&2
  exit 2
fi
input=$1
outdir=$2
if [ ! -f "$input" ]; then
  echo "$0: no such file: $input" >&2
  exit 2
fi
mkdir -p "$outdir"

# A throwaway profile per run: parallel runs would otherwise fight over ~/.config/libreoffice's lock.
profile=$(mktemp -d "${TMPDIR:-/tmp}/render-xlsx-profile.XXXXXX")
trap 'rm -rf "$profile"' EXIT

name=$(basename "$input")
stem=${name%.*}
pdf="$outdir/$stem.pdf"
rm -f "$pdf"

soffice -env:UserInstallation="file://$profile" --headless --norestore --nolockcheck \
  --convert-to pdf --outdir "$outdir" "$input" >"$profile/soffice.log" 2>&1 || {
  cat "$profile/soffice.log" >&2
  echo "$0: soffice failed on $input" >&2
  exit 1
}
if [ ! -s "$pdf" ]; then
  cat "$profile/soffice.log" >&2
  echo "$0: soffice wrote no PDF for $input" >&2
  exit 1
fi

# Pages of an earlier render of the same file would otherwise linger beside the new ones.
rm -f -- "$outdir/$stem"-[0-9]*.png
pdftoppm -r 60 -png "$pdf" "$outdir/$stem"
echo "$pdf"
