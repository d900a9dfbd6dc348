# cablekit task runner. Recipes are thin one-liners over cargo so that CI
# (.ci/run) and developers run the same thing.

# List recipes.
default:
    @just --list

# The whole test suite (what .ci/run runs).
test:
    cargo test --workspace --locked

# Format check, lints as errors, tests.
check:
    cargo fmt --all -- --check
    cargo clippy --workspace --all-targets --locked -- -D warnings
    just test

# Review pending insta snapshots (needs cargo-insta).
snap:
    cargo insta review
