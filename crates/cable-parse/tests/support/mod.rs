pub(crate) mod dump;
