//! The satellite picker: search the whole catalog by name or number, browse groups and
//! favourites, and choose which satellites the pass table and map show.

use eframe::egui;

use serde::{Deserialize, Serialize};

use super::catalog_data::SatGroup;
use super::view::{Action, MAX_QUERY_CHARS, ViewCtx};

/// How many search results to list at most.
const MAX_RESULTS: usize = 200;

/// What the list below the search box shows when the search box is empty.
#[derive(Debug, Clone, PartialEq, Eq, Default, Serialize, Deserialize)]
pub enum Browse {
    /// The chosen satellites.
    #[default]
    Chosen,
    /// Starred satellites.
    Favourites,
    /// A catalog group, by name.
    Group(String),
}

/// The picker panel.
#[derive(Debug, Clone, Default, Serialize, Deserialize)]
#[serde(default)]
pub struct Picker {
    /// The search text.
    #[serde(skip)]
    pub query: String,
    /// What to list when not searching.
    pub browse: Browse,
    /// The chosen (or starred) list as it was when the pointer came onto it: while the
    /// pointer stays there, a satellite unticked (or unstarred) keeps its row, so that the
    /// rows under the pointer do not move before the next click.
    #[serde(skip)]
    held: Option<Vec<u64>>,
    /// The last search's answer, kept while the query and the catalog stay the same: a
    /// frame redraws the list without filtering the 16,400 names again.
    #[serde(skip)]
    found: Option<Found>,
}

/// A search's answer: for which query, in which catalog, the numbers found.
#[derive(Debug, Clone)]
struct Found {
    query: String,
    /// The catalog searched (its address: a new catalog is another one).
    catalog: usize,
    norad_ids: Vec<u64>,
}

impl Picker {
    /// The search box's widget id (the "/" key gives it the keyboard focus).
    pub fn search_id() -> egui::Id {
        egui::Id::unique("picker_search")
    }

    /// Draws the picker. `limiting_magnitude` (the sky's) decides which satellites the
    /// group of those bright to the eye holds.
    pub fn ui(
        &mut self,
        ui: &mut egui::Ui,
        view: &ViewCtx<'_>,
        limiting_magnitude: f64,
        actions: &mut Vec<Action>,
    ) {
        let Self {
            query,
            browse,
            held,
            found,
        } = self;
        // The bright group of older versions, by standard magnitude alone, is the one of
        // satellites bright to the eye now.
        if let Browse::Group(name) = browse
            && name.starts_with("Brightest (")
        {
            *browse = Browse::Group(super::catalog_data::BRIGHT_GROUP.to_owned());
        }
        ui.heading(crate::t!("panels-picker-heading"));
        ui.add(
            egui::TextEdit::singleline(query)
                .id(Self::search_id())
                .char_limit(MAX_QUERY_CHARS)
                .hint_text(crate::t!("panels-picker-search-hint"))
                .desired_width(f32::INFINITY),
        )
        .on_hover_text(crate::t!("panels-picker-search-hover"));
        let Some(catalog) = view.catalog else {
            ui.horizontal(|ui| {
                ui.spinner();
                ui.label(crate::t!("panels-loading-satellites"));
            });
            return;
        };
        let label = ui.label(crate::t!("panels-picker-list"));
        egui::ComboBox::from_id_salt("browse")
            .selected_text(match browse {
                Browse::Chosen => {
                    crate::t!("panels-picker-chosen-count", count = view.chosen.len())
                }
                Browse::Favourites => {
                    crate::t!(
                        "panels-picker-favourites-count",
                        count = view.favourites.len()
                    )
                }
                Browse::Group(name) => catalog
                    .groups
                    .iter()
                    .find(|g| &g.name == name)
                    .map_or_else(|| name.clone(), SatGroup::label),
            })
            .width(ui.available_width() - 40.0)
            .show_ui(ui, |ui| {
                ui.selectable_value(browse, Browse::Chosen, crate::t!("panels-picker-chosen"));
                ui.selectable_value(
                    browse,
                    Browse::Favourites,
                    crate::t!("panels-picker-favourites"),
                );
                for g in &catalog.groups {
                    ui.selectable_value(
                        browse,
                        Browse::Group(g.name.clone()),
                        crate::t!(
                            "panels-picker-group-count",
                            name = g.label(),
                            count = catalog.group_ids(g, limiting_magnitude).len()
                        ),
                    );
                }
            })
            .response
            .labelled_by(label.id);
        let ids: Vec<u64> = if query.trim().is_empty() {
            match browse {
                Browse::Chosen => held_list(held.as_deref(), view.chosen),
                Browse::Favourites => held_list(held.as_deref(), view.favourites),
                Browse::Group(name) => catalog
                    .groups
                    .iter()
                    .find(|g| &g.name == name)
                    .map(|g| {
                        let mut ids = catalog.group_ids(g, limiting_magnitude);
                        ids.truncate(MAX_RESULTS);
                        ids
                    })
                    .unwrap_or_default(),
            }
        } else {
            let identity = std::ptr::from_ref(catalog) as usize;
            match found {
                Some(f) if f.query == *query && f.catalog == identity => f.norad_ids.clone(),
                _ => {
                    let norad_ids: Vec<u64> = catalog
                        .search(query, MAX_RESULTS)
                        .iter()
                        .map(|s| s.set.norad_id)
                        .collect();
                    *found = Some(Found {
                        query: query.clone(),
                        catalog: identity,
                        norad_ids: norad_ids.clone(),
                    });
                    norad_ids
                }
            }
        };
        // A ready list or group is chosen whole with one click (the teacher's lesson:
        // "Korean reconnaissance satellites").
        let unchosen: Vec<u64> = ids
            .iter()
            .copied()
            .filter(|id| !view.chosen.contains(id) && catalog.get(*id).is_some())
            .collect();
        if query.trim().is_empty()
            && matches!(browse, Browse::Group(_))
            && !unchosen.is_empty()
            && ui
                .button(crate::t!(
                    "panels-picker-choose-all",
                    count = unchosen.len()
                ))
                .on_hover_text(crate::t!("panels-picker-choose-all-hover"))
                .clicked()
        {
            actions.push(Action::ChooseAll(unchosen));
        }
        if ids.is_empty() {
            ui.label(if query.trim().is_empty() {
                crate::t!("panels-picker-empty")
            } else {
                crate::t!("panels-picker-no-match")
            });
        }
        ui.label(
            egui::RichText::new(crate::t!(
                "panels-picker-catalog-size",
                count = catalog.sats.len()
            ))
            .small()
            .weak(),
        );
        let holds =
            query.trim().is_empty() && matches!(browse, Browse::Chosen | Browse::Favourites);
        let shown = ids.clone();
        let list = egui::ScrollArea::vertical()
            .id_salt("picker_list")
            .auto_shrink([false, false])
            .show(ui, |ui| {
                for id in ids {
                    let name = catalog.name(id);
                    ui.horizontal(|ui| {
                        let is_fav = view.favourites.contains(&id);
                        if star_ui(ui, is_fav)
                            .on_hover_text(if is_fav {
                                crate::t!("panels-picker-unstar")
                            } else {
                                crate::t!("panels-picker-star")
                            })
                            .clicked()
                        {
                            actions.push(Action::Favourite {
                                norad_id: id,
                                starred: !is_fav,
                            });
                        }
                        let was_chosen = view.chosen.contains(&id);
                        let mut chosen = was_chosen;
                        ui.checkbox(&mut chosen, &name).on_hover_text(crate::t!(
                            "panels-picker-choose-hover",
                            id = id.to_string()
                        ));
                        if chosen != was_chosen {
                            actions.push(Action::Choose {
                                norad_id: id,
                                chosen,
                            });
                            if chosen {
                                actions.push(Action::Select(id));
                            }
                        }
                        let following = view.selected == Some(id);
                        if ui
                            .selectable_label(following, crate::t!("panels-picker-follow"))
                            .on_hover_text(crate::t!("panels-picker-follow-hover"))
                            .clicked()
                        {
                            actions.push(Action::Follow(id));
                        }
                    });
                }
            });
        // Hold the list while the pointer is on it; let it change once the pointer leaves.
        let pointer_on_list = ui.rect_contains_pointer(list.inner_rect);
        *held = match held.take() {
            Some(list) if holds && pointer_on_list => Some(list),
            _ if holds && pointer_on_list => Some(shown),
            _ => None,
        };
    }
}

/// The list to show: `now` as it is, or while `held`, the held list in its order (rows
/// taken out of `now` stay, unticked) with any new ones after it.
fn held_list(held: Option<&[u64]>, now: &[u64]) -> Vec<u64> {
    match held {
        Some(held) => held
            .iter()
            .copied()
            .chain(now.iter().copied().filter(|id| !held.contains(id)))
            .collect(),
        None => now.to_vec(),
    }
}

/// A clickable five-pointed star, filled when `on`. (The default fonts have no star glyph.)
fn star_ui(ui: &mut egui::Ui, on: bool) -> egui::Response {
    let size = egui::Vec2::splat(ui.text_style_height(&egui::TextStyle::Body));
    let (rect, response) = ui.allocate_exact_size(size, egui::Sense::click());
    response
        .widget_info(|| egui::WidgetInfo::selected(egui::Role::CheckBox, true, on, "favourite"));
    let visuals = ui.style().interact(&response);
    let color = if on {
        ui.visuals().warn_fg_color
    } else {
        visuals.fg_stroke.color
    };
    let c = rect.center();
    let outer = rect.width() * 0.48;
    let inner = outer * 0.42;
    let point = |i: usize, r: f32| {
        let a = std::f32::consts::TAU * i as f32 / 10.0 - std::f32::consts::FRAC_PI_2;
        c + r * egui::vec2(a.cos(), a.sin())
    };
    let outline: Vec<egui::Pos2> = (0..10)
        .map(|i| point(i, if i % 2 == 0 { outer } else { inner }))
        .collect();
    let painter = ui.painter();
    if on {
        // A star is not convex: fill the inner pentagon and the five tips separately.
        let pentagon: Vec<egui::Pos2> = (0..5).map(|i| point(2 * i + 1, inner)).collect();
        painter.add(egui::Shape::convex_polygon(
            pentagon,
            color,
            egui::Stroke::NONE,
        ));
        for i in 0..5 {
            let tip = vec![
                point(2 * i, outer),
                point(2 * i + 1, inner),
                point((2 * i + 9) % 10, inner),
            ];
            painter.add(egui::Shape::convex_polygon(tip, color, egui::Stroke::NONE));
        }
    }
    painter.add(egui::Shape::closed_line(
        outline,
        egui::Stroke::new(1.0, color),
    ));
    response
}
