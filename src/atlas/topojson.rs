//! A small TopoJSON reader: quantized, delta-encoded arcs to longitude/latitude polylines.
//!
//! TopoJSON (<https://github.com/topojson/topojson-specification>) stores each shared
//! boundary once, as an "arc". A quantized topology has a `transform` (`scale`,
//! `translate`); its arc positions are then integers, each one a delta from the previous
//! position of the same arc. Geometries refer to arcs by index, and index `!i` (that is
//! `-i - 1`) means arc `i` reversed.
//!
//! This reader handles what the Natural Earth `world-atlas` files use: `Polygon`,
//! `MultiPolygon`, `LineString`, `MultiLineString` and `GeometryCollection`. Points are
//! ignored. Coordinates come out as `[longitude_deg, latitude_deg]`, unprojected.
//!
//! Kept instead of georust's `topojson` crate (0.5): that crate turns a topology into
//! `geojson` features, where every position is its own heap `Vec<f64>` (the 50 m land
//! outline has tens of thousands of them, decoded at every start), and it brings
//! `geojson`, `geo-types`, `log` and a second major version of `thiserror` into a binary
//! that has to stay under 30 MB (29.7 MB before). This reader is about 200 lines, reads
//! only what the bundled Natural Earth files use and keeps positions as `[f64; 2]`.

use std::collections::HashMap;

use serde::Deserialize;

/// A position on the globe: `[longitude_deg, latitude_deg]` (east and north positive).
pub type LonLat = [f64; 2];

/// Why a TopoJSON document could not be read.
#[derive(Debug, thiserror::Error)]
#[non_exhaustive]
pub enum TopoJsonError {
    /// The text is not JSON of the expected shape.
    #[error("not a TopoJSON topology: {0}")]
    Json(#[from] serde_json::Error),
    /// The document's `type` is not `"Topology"`.
    #[error("expected type \"Topology\", found {found:?}")]
    NotATopology {
        /// The `type` the document declared.
        found: String,
    },
    /// The topology has no object of this name.
    #[error("the topology has no object named {name:?}")]
    NoSuchObject {
        /// The name that was asked for.
        name: String,
    },
    /// A geometry refers to an arc that does not exist.
    #[error("arc index {index} is out of range (the topology has {arc_count} arcs)")]
    BadArcIndex {
        /// The index as written in the geometry (negative means reversed).
        index: i64,
        /// How many arcs the topology has.
        arc_count: usize,
    },
    /// An arc position has fewer than two coordinates.
    #[error("arc {arc} has a position with fewer than two coordinates")]
    ShortPosition {
        /// Index of the arc.
        arc: usize,
    },
}

#[derive(Deserialize)]
struct RawTopology {
    #[serde(rename = "type")]
    kind: String,
    #[serde(default)]
    transform: Option<RawTransform>,
    arcs: Vec<Vec<Vec<f64>>>,
    #[serde(default)]
    objects: HashMap<String, RawGeometry>,
}

#[derive(Deserialize)]
struct RawTransform {
    scale: [f64; 2],
    translate: [f64; 2],
}

#[derive(Deserialize)]
struct RawGeometry {
    #[serde(rename = "type")]
    kind: String,
    #[serde(default)]
    arcs: Option<serde_json::Value>,
    #[serde(default)]
    geometries: Vec<RawGeometry>,
    #[serde(default)]
    properties: Option<serde_json::Map<String, serde_json::Value>>,
}

/// One geometry of an object, flattened: its rings or lines as lists of arc indices.
#[derive(Debug, Clone, PartialEq)]
pub struct Feature {
    /// `properties.name`, where the file gives one.
    pub name: Option<String>,
    /// Each ring (of a polygon) or line, as arc indices; negative `!i` means arc `i` reversed.
    pub parts: Vec<Vec<i64>>,
}

/// A decoded topology: absolute arc coordinates plus named objects.
#[derive(Debug, Clone)]
pub struct Topology {
    arcs: Vec<Vec<LonLat>>,
    objects: HashMap<String, Vec<Feature>>,
}

impl Topology {
    /// Reads a TopoJSON document and decodes (de-quantizes, un-deltas) all its arcs.
    pub fn parse(json: &str) -> Result<Self, TopoJsonError> {
        let raw: RawTopology = serde_json::from_str(json)?;
        if raw.kind != "Topology" {
            return Err(TopoJsonError::NotATopology { found: raw.kind });
        }
        let mut arcs = Vec::with_capacity(raw.arcs.len());
        for (arc_index, raw_arc) in raw.arcs.iter().enumerate() {
            let mut arc = Vec::with_capacity(raw_arc.len());
            let (mut x, mut y) = (0.0, 0.0);
            for position in raw_arc {
                let (Some(&px), Some(&py)) = (position.first(), position.get(1)) else {
                    return Err(TopoJsonError::ShortPosition { arc: arc_index });
                };
                let point = match &raw.transform {
                    Some(t) => {
                        x += px;
                        y += py;
                        [
                            x * t.scale[0] + t.translate[0],
                            y * t.scale[1] + t.translate[1],
                        ]
                    }
                    None => [px, py],
                };
                arc.push(point);
            }
            arcs.push(arc);
        }
        let mut objects = HashMap::new();
        for (name, geometry) in raw.objects {
            let mut features = Vec::new();
            flatten(&geometry, &mut features);
            objects.insert(name, features);
        }
        let topology = Self { arcs, objects };
        topology.check_indices()?;
        Ok(topology)
    }

    fn check_indices(&self) -> Result<(), TopoJsonError> {
        let arc_count = self.arcs.len();
        for feature in self.objects.values().flatten() {
            for &index in feature.parts.iter().flatten() {
                if arc_slot(index) >= arc_count {
                    return Err(TopoJsonError::BadArcIndex { index, arc_count });
                }
            }
        }
        Ok(())
    }

    /// All decoded arcs, in file order, as `[lon, lat]` degree polylines.
    pub fn arcs(&self) -> &[Vec<LonLat>] {
        &self.arcs
    }

    /// The names of the objects in the topology.
    pub fn object_names(&self) -> impl Iterator<Item = &str> {
        self.objects.keys().map(String::as_str)
    }

    /// The features of one object (a `GeometryCollection` gives one per member).
    pub fn features(&self, object: &str) -> Result<&[Feature], TopoJsonError> {
        self.objects
            .get(object)
            .map(Vec::as_slice)
            .ok_or_else(|| TopoJsonError::NoSuchObject {
                name: object.to_owned(),
            })
    }

    /// One ring or line of a feature as a polyline: its arcs joined end to end, each
    /// reversed where the index says so, without repeating the shared joint points.
    pub fn stitch(&self, part: &[i64]) -> Vec<LonLat> {
        let mut line: Vec<LonLat> = Vec::new();
        for &index in part {
            let Some(arc) = self.arcs.get(arc_slot(index)) else {
                continue;
            };
            let skip = usize::from(!line.is_empty());
            if index < 0 {
                line.extend(arc.iter().rev().skip(skip));
            } else {
                line.extend(arc.iter().skip(skip));
            }
        }
        line
    }

    /// Every ring or line of every feature of `object`, stitched into polylines.
    pub fn polylines(&self, object: &str) -> Result<Vec<Vec<LonLat>>, TopoJsonError> {
        Ok(self
            .features(object)?
            .iter()
            .flat_map(|f| f.parts.iter())
            .map(|part| self.stitch(part))
            .collect())
    }

    /// The arcs of `object`, each drawn once, like `topojson.mesh`.
    ///
    /// With `shared_only`, only arcs used by two different features are kept: for a
    /// countries object, those are the land borders (coastlines are used by one country).
    pub fn mesh(&self, object: &str, shared_only: bool) -> Result<Vec<Vec<LonLat>>, TopoJsonError> {
        let mut users: HashMap<usize, Vec<usize>> = HashMap::new();
        for (feature_index, feature) in self.features(object)?.iter().enumerate() {
            for &index in feature.parts.iter().flatten() {
                let list = users.entry(arc_slot(index)).or_default();
                if !list.contains(&feature_index) {
                    list.push(feature_index);
                }
            }
        }
        let mut slots: Vec<usize> = users
            .into_iter()
            .filter(|(_, who)| !shared_only || who.len() >= 2)
            .map(|(slot, _)| slot)
            .collect();
        slots.sort_unstable();
        Ok(slots
            .into_iter()
            .filter_map(|slot| self.arcs.get(slot).cloned())
            .collect())
    }
}

/// The position in the arc list that a (possibly negative, reversed) index refers to.
fn arc_slot(index: i64) -> usize {
    let slot = if index < 0 { !index } else { index };
    usize::try_from(slot).unwrap_or(usize::MAX)
}

fn flatten(geometry: &RawGeometry, out: &mut Vec<Feature>) {
    let name = geometry
        .properties
        .as_ref()
        .and_then(|p| p.get("name"))
        .and_then(|n| n.as_str())
        .map(str::to_owned);
    let parts = match (geometry.kind.as_str(), &geometry.arcs) {
        ("GeometryCollection", _) => {
            for member in &geometry.geometries {
                flatten(member, out);
            }
            return;
        }
        ("LineString", Some(arcs)) => index_lists(arcs, 1),
        ("MultiLineString" | "Polygon", Some(arcs)) => index_lists(arcs, 2),
        ("MultiPolygon", Some(arcs)) => index_lists(arcs, 3),
        _ => Vec::new(),
    };
    out.push(Feature { name, parts });
}

/// The innermost lists of arc indices of a nested array `depth` levels deep.
fn index_lists(value: &serde_json::Value, depth: usize) -> Vec<Vec<i64>> {
    let Some(items) = value.as_array() else {
        return Vec::new();
    };
    if depth <= 1 {
        return vec![items.iter().filter_map(serde_json::Value::as_i64).collect()];
    }
    items
        .iter()
        .flat_map(|item| index_lists(item, depth - 1))
        .collect()
}
