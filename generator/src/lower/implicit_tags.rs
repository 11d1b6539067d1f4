//! The tags of a discriminated union's alternatives that its `mapping`
//! doesn't name. OpenAPI 3.0 says the schema's name is the implied tag,
//! but specs pin the property to the value they actually send instead
//! (`type: {enum: [track]}` in `TrackObject`): that value selects the
//! alternative, and the name too where nothing else uses it.

use openapiv3::Discriminator;
use std::collections::BTreeSet;

use super::Lowerer;
use crate::diagnostics::Diagnostic;

impl Lowerer<'_> {
    /// For each alternative (by its `$ref`, `refs[i]`) that no mapping key
    /// names, the tags that select it; `None` for the others. An
    /// alternative that no data can select is a warning at `pointer`.
    pub(super) fn implicit_tags(
        &mut self,
        discriminator: &Discriminator,
        refs: &[Option<String>],
        owner: &str,
        pointer: &str,
    ) -> Vec<Option<Vec<String>>> {
        let mapped: BTreeSet<String> = discriminator.mapping.keys().cloned().collect();
        let targets: BTreeSet<&str> = discriminator
            .mapping
            .values()
            .map(|t| t.rsplit('/').next().unwrap_or(t))
            .collect();
        let property = discriminator.property_name.as_str();
        let mut slots = Vec::new();
        let mut candidates: Vec<(&str, Vec<String>)> = Vec::new();
        for reference in refs {
            let Some((name, schema)) = reference.as_deref().and_then(|r| self.component_schema(r))
            else {
                slots.push(None);
                continue;
            };
            if targets.contains(name) {
                slots.push(None);
                continue;
            }
            let pinned = crate::polymorphism::find_property(self.spec, schema, property, false)
                .map(|p| crate::polymorphism::pinned_values(self.spec, p))
                .unwrap_or_default();
            slots.push(Some(candidates.len()));
            candidates.push((name, pinned));
        }
        let tags = crate::polymorphism::implicit_tags(&candidates, &mapped);
        for ((name, pinned), tags) in candidates.iter().zip(&tags) {
            if let Some(why) = never_selected(property, pinned, tags) {
                self.warnings.push(Diagnostic::new(
                    pointer,
                    format!(
                        "`{owner}`: no data can select the alternative `{name}`: {why}; such \
                         data decodes to the union's catch-all variant"
                    ),
                ));
            }
        }
        slots
            .into_iter()
            .map(|slot| slot.map(|i| tags[i].clone()))
            .collect()
    }
}

/// Why an alternative whose property allows `pinned` is selected by none
/// of the data it accepts, given its `tags`: every value it allows selects
/// another alternative too, or it has no tag at all.
pub(super) fn never_selected(property: &str, pinned: &[String], tags: &[String]) -> Option<String> {
    let quoted = |values: &[String]| {
        values
            .iter()
            .map(|v| format!("`{v}`"))
            .collect::<Vec<_>>()
            .join(", ")
    };
    if tags.is_empty() {
        return Some("its name is a tag of another alternative, and it has no other".to_owned());
    }
    if !pinned.is_empty() && !pinned.iter().any(|v| tags.contains(v)) {
        return Some(format!(
            "its `{property}` is one of {}, which other alternatives allow too, so the tag \
             can't say which one the data is",
            quoted(pinned)
        ));
    }
    None
}
