//! Generates synthetic cables (see the benchmark issue).

fn main() {}
