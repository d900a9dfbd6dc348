#!/usr/bin/env bash
# Fills fuzz/corpus/<target>/ (gitignored, never committed) with seeds: the
# project's testdata and the shared corpus texts (read from ../../shared,
# skipped with a notice when absent). Idempotent.
set -euo pipefail
cd "$(dirname "$0")"
shared=../../shared/corpus
for t in parse write_all archive_csv archive_html archive_bytes worker_stack; do mkdir -p "corpus/$t"; done
texts=(../testdata/seeds/* ../testdata/cables/* ../testdata/torture/* ../testdata/cases/*)
for f in "${texts[@]}"; do
  [ -f "$f" ] || continue
  cp -f "$f" "corpus/parse/td-$(basename "$f")"
  cp -f "$f" "corpus/write_all/td-$(basename "$f")"
  cp -f "$f" "corpus/archive_bytes/td-$(basename "$f")"
done
if [ -d "$shared" ]; then
  while IFS= read -r -d '' f; do
    name="sh-$(echo "$f" | tr '/' '_')"
    case "$f" in
      *.csv)
        # The target writes the row start itself: drop the first two fields.
        sed -E '1s/^"[0-9]+","[^"]*",//' "$f" > "corpus/archive_csv/$name"
        cp -f "$f" "corpus/archive_bytes/$name" ;;
      *.html|*.htm)
        cp -f "$f" "corpus/archive_html/$name"
        cp -f "$f" "corpus/archive_bytes/$name" ;;
      *.md|*.tsv) ;;
      *)
        cp -f "$f" "corpus/parse/$name"
        cp -f "$f" "corpus/write_all/$name" ;;
    esac
  done < <(find "$shared" -type f -print0)
else
  echo "SKIP: $shared absent, seeding from testdata only" >&2
fi
# Small archives of the seeds for the content-detecting reader.
python3 - <<'PY'
import io, tarfile, zipfile, gzip, glob, os
seeds = sorted(glob.glob('../testdata/seeds/*'))[:2]
buf = io.BytesIO()
with tarfile.open(fileobj=buf, mode='w') as t:
    for s in seeds: t.add(s, arcname=os.path.basename(s))
open('corpus/archive_bytes/seeds.tar', 'wb').write(buf.getvalue())
open('corpus/archive_bytes/seeds.tar.gz', 'wb').write(gzip.compress(buf.getvalue(), mtime=0))
zb = io.BytesIO()
with zipfile.ZipFile(zb, 'w', zipfile.ZIP_DEFLATED) as z:
    for s in seeds: z.write(s, arcname=os.path.basename(s))
open('corpus/archive_bytes/seeds.zip', 'wb').write(zb.getvalue())
PY
# The worker-stack target reads any input, as archive_bytes does.
cp -f corpus/archive_bytes/* corpus/worker_stack/
for t in parse write_all archive_csv archive_html archive_bytes worker_stack; do
  echo "corpus/$t: $(ls "corpus/$t" | wc -l) seeds"
done
