# cablekit task runner. Recipes are thin one-liners over cargo so that CI
# (.ci/run) and developers run the same thing.

# List recipes.
default:
    @just --list

# The whole test suite (what .ci/run runs).
test:
    cargo test --workspace --locked

# Format check, lints as errors, doc links, no unused dependency (cargo install cargo-machete), tests.
check:
    cargo fmt --all -- --check
    cargo clippy --workspace --all-targets --locked -- -D warnings
    RUSTDOCFLAGS="-D warnings" cargo doc --workspace --no-deps --locked
    cargo machete --with-metadata
    just test

# Review pending insta snapshots (needs cargo-insta).
snap:
    cargo insta review

# Convert INPUT (file, directory, archive, cables.csv) to every format under OUT.
convert INPUT OUT="out":
    cargo run --release -p cablekit -- convert "{{INPUT}}" -o "{{OUT}}"

# Markdown only, cross-linked, with front matter: ready for Hugo/Jekyll/MkDocs.
publish INPUT OUT:
    cargo run --release -p cablekit -- convert "{{INPUT}}" --to md -o "{{OUT}}"

# XML only, one <cables> document per input archive (OUT/xml/<input>.xml).
xml INPUT OUT:
    cargo run --release -p cablekit -- convert "{{INPUT}}" --to xml --xml-per-input -o "{{OUT}}"

# Convert the seeds, the kitchen-sink cable, the sample archives (a cables.csv and a zip of pages) and the torture inputs into target/demo.
demo:
    cargo run --release -p cablekit -- convert testdata/seeds testdata/cables testdata/archives testdata/torture -o target/demo

# Shell completions into target/completions (bash, zsh, fish).
completions:
    mkdir -p target/completions
    cargo run --release -p cablekit -- completions bash > target/completions/cablekit.bash
    cargo run --release -p cablekit -- completions zsh > target/completions/_cablekit
    cargo run --release -p cablekit -- completions fish > target/completions/cablekit.fish

# The man page into target/man/cablekit.1.
man:
    mkdir -p target/man
    cargo run --release -p cablekit -- man > target/man/cablekit.1

# Generate the synthetic 251,287-cable corpus (cables.csv rendering) into target/bench/.
gen COUNT="251287" FORMAT="csv" OUT="target/bench/cables.csv":
    cargo run --release -p cable-bench --bin cable-gen -- --count {{COUNT}} --seed 1 --format {{FORMAT}} --out "{{OUT}}"

# The benchmark (< 15 min): corpus, parser, writers, cat, end to end, pandoc; report in target/bench/report.md, summary appended to docs/benchmarks.md.
bench:
    cargo build --release -p cablekit -p cable-bench && target/release/cable-bench

# Single-thread parse throughput (MB/s) over the real corpus texts in ../shared/corpus (issue #2); see docs/benchmarks.md "Parser".
bench-parse:
    cargo run --release -p cable-parse --example parse-bench -- ../shared/corpus 5

# Parse-only and writer-only throughput on the generated corpus (library calls, 1 thread); no docs update.
bench-lib:
    cargo build --release -p cable-bench && target/release/cable-bench --only gen,lib --no-docs

# Fuzz every target SECS seconds, inputs up to 4 MiB (cargo install cargo-fuzz; stable toolchain, -s none; never run by CI): docs/robustness.md.
fuzz SECS="180":
    cd fuzz && ./seed.sh && for t in parse write_all archive_bytes archive_csv archive_html worker_stack; do cargo fuzz run $t -s none -- -max_total_time={{SECS}} -max_len=4194304 -timeout=60 -rss_limit_mb=4096 || exit 1; done
