//! The state threaded through one parse: the cable being filled and its
//! diagnostics.

use cable_model::{Cable, Code, ContainerMeta, Diagnostic};

/// The cable under construction plus what the parser noticed.
pub(crate) struct Context<'c> {
    pub(crate) cable: Cable,
    pub(crate) container: &'c ContainerMeta,
    /// The start of the body when it sits inside a collapsed header line:
    /// `REASON: 1.4 (b) 1. (C) Summary: ...` gives `(line, "1. (C) Summary:
    /// ...")`. The header consumed that line; the body reads this first.
    pub(crate) body_head: Option<(u32, String)>,
    /// The stations matched in this cable (banner, REF lines, FM line).
    pub(crate) stations: crate::stations::Resolver,
}

impl<'c> Context<'c> {
    pub(crate) fn new(container: &'c ContainerMeta) -> Self {
        Context {
            cable: Cable::default(),
            container,
            body_head: None,
            stations: crate::stations::Resolver::default(),
        }
    }

    /// Records a diagnostic with the code's own severity.
    pub(crate) fn diag(&mut self, code: Code, line: Option<u32>, message: impl Into<String>) {
        self.cable
            .diagnostics
            .push(Diagnostic::new(code, line, message));
    }

    /// The year references without a year inherit: the cable's DTG year,
    /// else its id's year, else the container's id or date.
    pub(crate) fn citing_year(&self) -> Option<u16> {
        self.cable.year().or_else(|| {
            self.container
                .id
                .as_deref()
                .and_then(cable_model::CableId::parse)
                .map(|id| id.year())
                .or_else(|| self.container.date.map(|d| d.date().year()))
        })
    }

    pub(crate) fn finish(self) -> Cable {
        self.cable
    }
}
