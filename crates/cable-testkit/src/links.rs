//! Link resolvers for the writers' `Options::links` (Markdown's and
//! Pandoc's `LinkResolver`, both this type): which referenced cables a run
//! holds, and where their pages are.

use cable_model::CableId;
use std::sync::Arc;

/// A writer's link resolver: the URL of a referenced cable's page, or
/// `None` when the run does not hold it.
pub type Resolver = Arc<dyn Fn(&CableId) -> Option<String> + Send + Sync>;

/// `template` with `{id}` replaced by the cable's id.
fn url(template: &str, id: &CableId) -> String {
    template.replace("{id}", id.as_str())
}

/// Links the one cable `id`, at `template` (`{id}` is replaced).
pub fn only(id: &'static str, template: &'static str) -> Resolver {
    Arc::new(move |c: &CableId| (c.as_str() == id).then(|| url(template, c)))
}

/// Links every cable, at `template` (`{id}` is replaced).
pub fn every(template: &'static str) -> Resolver {
    Arc::new(move |c: &CableId| Some(url(template, c)))
}

/// Links the cables with an even serial number at `{id}.{ext}`, as a run
/// holding half of the referenced cables would.
pub fn even_serials(ext: &'static str) -> Resolver {
    Arc::new(move |c: &CableId| (c.serial() % 2 == 0).then(|| format!("{c}.{ext}")))
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn resolvers_link_what_they_say() {
        let a = CableId::new(2009, "STATE", 4690).unwrap();
        let b = CableId::new(2008, "STATE", 129_729).unwrap();
        let one = only("09STATE4690", "../2009/{id}.md");
        assert_eq!(one(&a).as_deref(), Some("../2009/09STATE4690.md"));
        assert_eq!(one(&b), None);
        assert_eq!(
            every("{id}.html")(&b).as_deref(),
            Some("08STATE129729.html")
        );
        let half = even_serials("json");
        assert_eq!(half(&a).as_deref(), Some("09STATE4690.json"));
        assert_eq!(half(&b), None);
    }
}
