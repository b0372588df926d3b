//! The tiers of standard magnitudes: measured for the object, the family's published
//! photometry, then its size: from its radar cross-section, from its launch mass, or
//! inherited from its sibling satellites, in that order. The tables are data, read by
//! `catalog` from the bundled files and handed over whole; this file only decides which
//! applies.

use std::collections::HashMap;
use std::sync::Arc;

use chrono::{DateTime, Utc};

use super::StdMagnitudes;
use super::estimate::{MagnitudeEstimate, MagnitudeSource};
use crate::orbit::ElementSet;

/// The [`MagnitudeEstimate::basis`] of `qs.mag` values.
pub const QS_MAG_BASIS: &str = "qs-mag";

/// The [`MagnitudeEstimate::basis`] of the size tier's values from a radar cross-section.
pub const SIZE_BASIS: &str = "radar-size";

/// The [`MagnitudeEstimate::basis`] of the size tier's values from a launch mass.
pub const MASS_BASIS: &str = "mass-size";

/// The [`MagnitudeEstimate::basis`] of the size tier's values inherited from siblings.
pub const SIBLINGS_BASIS: &str = "sibling-size";

/// What the tiers look at to recognise a satellite: its catalog number, name, launch
/// designator, element epoch and mean motion (for an orbit still being raised).
#[derive(Debug, Clone, Copy, PartialEq)]
pub struct SatelliteKey<'a> {
    /// NORAD catalog number.
    pub norad_id: u64,
    /// Name as published ("STARLINK-31234", "ONEWEB-0012").
    pub name: &'a str,
    /// COSPAR international designator ("2023-179A"), where known.
    pub international_designator: Option<&'a str>,
    /// Epoch of the element set, UTC.
    pub epoch: DateTime<Utc>,
    /// Mean motion, revolutions per day.
    pub mean_motion_rev_per_day: f64,
}

impl<'a> From<&'a ElementSet> for SatelliteKey<'a> {
    fn from(set: &'a ElementSet) -> Self {
        Self {
            norad_id: set.norad_id,
            name: &set.name,
            international_designator: set.international_designator.as_deref(),
            epoch: set.epoch,
            mean_motion_rev_per_day: set.mean_motion_rev_per_day(),
        }
    }
}

/// Which satellites a family rule applies to. Every condition given must hold; names are
/// compared in upper case.
#[derive(Debug, Clone, Default, PartialEq)]
pub struct FamilyMatch {
    /// The name starts with this ("STARLINK").
    pub name_prefix: String,
    /// The name also contains this ("[DTC]").
    pub name_contains: Option<String>,
    /// The name also lacks this.
    pub name_lacks: Option<String>,
    /// The first number in the name is at least this (Starlink v2 Minis are 30000 and up).
    pub number_min: Option<u64>,
    /// The first number in the name is at most this.
    pub number_max: Option<u64>,
    /// The launch designator ("2020-055", year and launch number) is at least this.
    pub designator_from: Option<String>,
    /// The launch designator is at most this.
    pub designator_to: Option<String>,
    /// The element epoch is at or after this.
    pub epoch_from: Option<DateTime<Utc>>,
    /// The element epoch is before this.
    pub epoch_to: Option<DateTime<Utc>>,
    /// The mean motion is at least this, revolutions per day (a low orbit).
    pub mean_motion_min: Option<f64>,
    /// The mean motion is below this, revolutions per day.
    pub mean_motion_max: Option<f64>,
}

impl FamilyMatch {
    /// Whether the satellite `key` belongs to the family.
    pub fn matches(&self, key: &SatelliteKey<'_>) -> bool {
        let name = key.name.to_uppercase();
        if !name.starts_with(&self.name_prefix) {
            return false;
        }
        if self
            .name_contains
            .as_ref()
            .is_some_and(|c| !name.contains(c.as_str()))
            || self
                .name_lacks
                .as_ref()
                .is_some_and(|c| name.contains(c.as_str()))
        {
            return false;
        }
        if self.number_min.is_some() || self.number_max.is_some() {
            let Some(number) = first_number(&name) else {
                return false;
            };
            if self.number_min.is_some_and(|m| number < m)
                || self.number_max.is_some_and(|m| number > m)
            {
                return false;
            }
        }
        if self.designator_from.is_some() || self.designator_to.is_some() {
            // "2020-055B" → "2020-055": a launch, comparable as text.
            let Some(launch) = key.international_designator.and_then(|d| d.get(..8)) else {
                return false;
            };
            if self.designator_from.as_deref().is_some_and(|f| launch < f)
                || self.designator_to.as_deref().is_some_and(|t| launch > t)
            {
                return false;
            }
        }
        !(self.epoch_from.is_some_and(|f| key.epoch < f)
            || self.epoch_to.is_some_and(|t| key.epoch >= t)
            || self
                .mean_motion_min
                .is_some_and(|m| key.mean_motion_rev_per_day < m)
            || self
                .mean_motion_max
                .is_some_and(|m| key.mean_motion_rev_per_day >= m))
    }
}

/// The first run of digits in a name, as a number ("STARLINK-31234" → 31234).
fn first_number(name: &str) -> Option<u64> {
    let start = name.find(|c: char| c.is_ascii_digit())?;
    let digits: String = name[start..]
        .chars()
        .take_while(char::is_ascii_digit)
        .collect();
    digits.parse().ok()
}

/// A family of satellites and its standard magnitude.
#[derive(Debug, Clone, PartialEq)]
pub struct FamilyRule {
    /// A short key ("starlink-v2-mini").
    pub family: String,
    /// Which satellites belong.
    pub matcher: FamilyMatch,
    /// Their standard magnitude ([`MagnitudeSource::Family`]).
    pub estimate: MagnitudeEstimate,
}

/// A size rule: standard magnitude = `zero_point − 2.5 · slope · log10(size)`, fitted on
/// satellites that have both a measured magnitude and the size, with the scatter of that fit
/// as its sigma. The size is a radar cross-section in m² (Matson's rule is a zero point of 8
/// and a slope of 1) or a launch mass in kg (a diffuse body of one density has an area, and
/// so a brightness, proportional to mass^(2/3): a slope near 2/3).
#[derive(Debug, Clone, PartialEq)]
pub struct SizeRule {
    /// Standard magnitude of a size of 1 (1 m² of radar cross-section, or 1 kg).
    pub zero_point: f64,
    /// Magnitudes per 2.5 log10 of the size (1 when brightness is proportional to it).
    pub slope: f64,
    /// One-sigma scatter of measured magnitudes about the rule, magnitudes.
    pub sigma: f64,
    /// Where the rule comes from, for people.
    pub citation: Arc<str>,
}

impl SizeRule {
    /// The standard magnitude the rule gives a size of `size` (m² of radar cross-section or
    /// kg of mass, as the rule was fitted; None for a size that is not a positive number).
    pub fn magnitude(&self, size: f64) -> Option<f64> {
        (size.is_finite() && size > 0.0).then(|| self.zero_point - 2.5 * self.slope * size.log10())
    }

    /// The size tier's estimate for a satellite of size `size`, tagged `basis`.
    fn estimate(&self, size: f64, basis: &str) -> Option<MagnitudeEstimate> {
        Some(MagnitudeEstimate {
            value: self.magnitude(size)?,
            sigma: self.sigma,
            source: MagnitudeSource::Size,
            basis: Arc::from(basis),
            citation: Arc::clone(&self.citation),
            may_flare: false,
        })
    }
}

/// A satellite's launch mass, and how well it is known.
#[derive(Debug, Clone, Copy, PartialEq)]
pub struct LaunchMass {
    /// Mass at launch, kg.
    pub kg: f64,
    /// The factor the mass is known to within, one sigma (1 for a published mass; more for
    /// a catalogue's own guess).
    pub uncertainty_factor: f64,
}

/// The size tier's tables, best first: radar cross-sections and their rule, launch masses
/// and their rule, and estimates inherited from sibling satellites (the other satellites of
/// the same programme or name family, worked out beforehand from their own sizes and
/// measurements, with their spread in the sigma).
#[derive(Debug, Clone, Default)]
pub struct SizeTables {
    /// Radar cross-sections by catalog number, m².
    pub rcs_m2: HashMap<u64, f64>,
    /// The rule from radar cross-section to standard magnitude.
    pub rcs_rule: Option<SizeRule>,
    /// Launch masses by catalog number.
    pub mass: HashMap<u64, LaunchMass>,
    /// The rule from launch mass to standard magnitude.
    pub mass_rule: Option<SizeRule>,
    /// Standard magnitudes inherited from siblings, by catalog number
    /// ([`MagnitudeSource::Size`], basis [`SIBLINGS_BASIS`]).
    pub siblings: HashMap<u64, MagnitudeEstimate>,
}

/// Every tier's table, and the choice between them.
#[derive(Debug, Clone, Default)]
pub struct MagnitudeTiers {
    measured: HashMap<u64, MagnitudeEstimate>,
    families: Vec<FamilyRule>,
    size: SizeTables,
}

impl MagnitudeTiers {
    /// The tiers from their tables: `qs_mag` (measured, already at 90°; its sigma is
    /// `qs_mag_sigma` and its citation `qs_mag_citation`), `notable` (measured values
    /// with their own citations, which take precedence), `families` (first match wins) and
    /// the size tier's tables (`qs.mag`'s own radar cross-sections fill the gaps in
    /// `size.rcs_m2`).
    pub fn new(
        qs_mag: &StdMagnitudes,
        qs_mag_sigma: f64,
        qs_mag_citation: &str,
        notable: Vec<(u64, MagnitudeEstimate)>,
        families: Vec<FamilyRule>,
        mut size: SizeTables,
    ) -> Self {
        let basis: Arc<str> = Arc::from(QS_MAG_BASIS);
        let citation: Arc<str> = Arc::from(qs_mag_citation);
        let mut measured: HashMap<u64, MagnitudeEstimate> = qs_mag
            .iter()
            .map(|(id, value)| {
                let estimate = MagnitudeEstimate {
                    value,
                    sigma: qs_mag_sigma,
                    source: MagnitudeSource::Measured,
                    basis: Arc::clone(&basis),
                    citation: Arc::clone(&citation),
                    may_flare: false,
                };
                (id, estimate)
            })
            .collect();
        measured.extend(notable);
        for (id, _) in qs_mag.iter() {
            if let Some(rcs) = qs_mag.rcs_m2(id) {
                size.rcs_m2.entry(id).or_insert(rcs);
            }
        }
        Self {
            measured,
            families,
            size,
        }
    }

    /// The best standard magnitude for the satellite `key`: measured for the object, else
    /// its family's, else from its size (radar cross-section, else launch mass, else its
    /// siblings'), else None (unknown).
    pub fn estimate(&self, key: &SatelliteKey<'_>) -> Option<MagnitudeEstimate> {
        self.measured(key.norad_id)
            .cloned()
            .or_else(|| self.family(key).map(|f| f.estimate.clone()))
            .or_else(|| self.size_estimate(key.norad_id))
    }

    /// The measured standard magnitude of a satellite, if any.
    pub fn measured(&self, norad_id: u64) -> Option<&MagnitudeEstimate> {
        self.measured.get(&norad_id)
    }

    /// The family the satellite `key` belongs to, if any (the first rule that matches).
    pub fn family(&self, key: &SatelliteKey<'_>) -> Option<&FamilyRule> {
        self.families.iter().find(|f| f.matcher.matches(key))
    }

    /// The family rules, in the order they are tried.
    pub fn families(&self) -> &[FamilyRule] {
        &self.families
    }

    /// The radar cross-section of a satellite, m², if known.
    pub fn rcs_m2(&self, norad_id: u64) -> Option<f64> {
        self.size.rcs_m2.get(&norad_id).copied()
    }

    /// The launch mass of a satellite, if known.
    pub fn mass(&self, norad_id: u64) -> Option<LaunchMass> {
        self.size.mass.get(&norad_id).copied()
    }

    /// The radar size rule, if one was given.
    pub fn size_rule(&self) -> Option<&SizeRule> {
        self.size.rcs_rule.as_ref()
    }

    /// The mass rule, if one was given.
    pub fn mass_rule(&self) -> Option<&SizeRule> {
        self.size.mass_rule.as_ref()
    }

    /// The size tier's estimate for a satellite: from its radar cross-section, else from its
    /// launch mass (the sigma widened by how uncertain the mass is), else inherited from its
    /// siblings.
    pub fn size_estimate(&self, norad_id: u64) -> Option<MagnitudeEstimate> {
        let by_radar = || {
            let rule = self.size.rcs_rule.as_ref()?;
            rule.estimate(self.rcs_m2(norad_id)?, SIZE_BASIS)
        };
        let by_mass = || {
            let rule = self.size.mass_rule.as_ref()?;
            let mass = self.mass(norad_id)?;
            let mut estimate = rule.estimate(mass.kg, MASS_BASIS)?;
            let widening = 2.5 * rule.slope * mass.uncertainty_factor.max(1.0).log10();
            estimate.sigma = estimate.sigma.hypot(widening);
            Some(estimate)
        };
        by_radar()
            .or_else(by_mass)
            .or_else(|| self.size.siblings.get(&norad_id).cloned())
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn key<'a>(id: u64, name: &'a str, designator: &'a str, mean_motion: f64) -> SatelliteKey<'a> {
        SatelliteKey {
            norad_id: id,
            name,
            international_designator: Some(designator),
            epoch: "2026-08-22T00:00:00Z".parse().unwrap(),
            mean_motion_rev_per_day: mean_motion,
        }
    }

    fn family(name: &str, value: f64, matcher: FamilyMatch) -> FamilyRule {
        FamilyRule {
            family: name.to_owned(),
            matcher,
            estimate: MagnitudeEstimate {
                value,
                sigma: 0.8,
                source: MagnitudeSource::Family,
                basis: Arc::from(name),
                citation: Arc::from("test"),
                may_flare: true,
            },
        }
    }

    fn tiers() -> MagnitudeTiers {
        let qs = StdMagnitudes::parse_qs_mag(
            "25544   98 67A    ISS            -2.5              399\n20580   90 37B    HST             1.5 13.3 4.3 0.0  29\n",
        );
        let families = vec![
            family(
                "dtc",
                6.5,
                FamilyMatch {
                    name_prefix: "STARLINK".into(),
                    name_contains: Some("[DTC]".into()),
                    ..FamilyMatch::default()
                },
            ),
            family(
                "mini",
                7.6,
                FamilyMatch {
                    name_prefix: "STARLINK".into(),
                    number_min: Some(30000),
                    mean_motion_max: Some(15.45),
                    ..FamilyMatch::default()
                },
            ),
            family(
                "visorsat",
                7.2,
                FamilyMatch {
                    name_prefix: "STARLINK".into(),
                    designator_from: Some("2020-055".into()),
                    designator_to: Some("2021-081".into()),
                    ..FamilyMatch::default()
                },
            ),
        ];
        let rule = |zero_point, sigma| SizeRule {
            zero_point,
            slope: 1.0,
            sigma,
            citation: Arc::from("fit"),
        };
        let mut sibling = family("sibling-size", 10.9, FamilyMatch::default()).estimate;
        sibling.source = MagnitudeSource::Size;
        let size = SizeTables {
            rcs_m2: HashMap::from([(900_u64, 1.0), (901, 10.0), (902, 0.1)]),
            rcs_rule: Some(rule(7.6, 0.9)),
            mass: HashMap::from(
                [(902_u64, 1000.0), (903, 100.0), (904, 100.0)].map(|(id, kg)| {
                    let uncertainty_factor = if id == 904 { 10.0 } else { 1.0 };
                    (
                        id,
                        LaunchMass {
                            kg,
                            uncertainty_factor,
                        },
                    )
                }),
            ),
            mass_rule: Some(rule(12.6, 0.85)),
            siblings: HashMap::from([(904_u64, sibling.clone()), (905, sibling)]),
        };
        MagnitudeTiers::new(
            &qs,
            0.6,
            "qs.mag",
            vec![(
                58400,
                MagnitudeEstimate {
                    value: 5.0,
                    sigma: 1.0,
                    source: MagnitudeSource::Measured,
                    basis: Arc::from("a report"),
                    citation: Arc::from("someone, 2026"),
                    may_flare: false,
                },
            )],
            families,
            size,
        )
    }

    #[test]
    fn measured_beats_family_beats_size() {
        let t = tiers();
        let iss = t
            .estimate(&key(25544, "ISS (ZARYA)", "1998-067A", 15.5))
            .unwrap();
        assert_eq!(iss.source, MagnitudeSource::Measured);
        assert!((iss.value - (-2.5 + 1.2429)).abs() < 1e-3);
        assert_eq!(iss.sigma, 0.6);
        // The notable table is measured too, with its own citation.
        let m = t
            .estimate(&key(58400, "MALLIGYONG-1", "2023-179A", 15.2))
            .unwrap();
        assert_eq!(
            (m.source, m.value, &*m.citation),
            (MagnitudeSource::Measured, 5.0, "someone, 2026")
        );
        // qs.mag's own RCS column feeds the size tier where the RCS file has nothing,
        // but the measured value wins.
        assert_eq!(t.rcs_m2(25544), Some(399.0));
        let by_size = t.estimate(&key(901, "OLD SAT", "1990-001A", 14.0)).unwrap();
        assert_eq!(by_size.source, MagnitudeSource::Size);
        assert!((by_size.value - 5.1).abs() < 1e-9);
        assert_eq!(t.estimate(&key(999, "NOBODY", "2025-001A", 15.0)), None);
    }

    #[test]
    fn size_from_radar_beats_mass_beats_siblings() {
        let t = tiers();
        let size = |id| {
            let e = t.estimate(&key(id, "SAT", "2020-001A", 15.0)).unwrap();
            assert_eq!(e.source, MagnitudeSource::Size);
            (e.value, e.sigma, e.basis.to_string())
        };
        // A radar cross-section of 0.1 m² wins over a tonne.
        assert_eq!(size(902), (7.6 + 2.5, 0.9, SIZE_BASIS.to_owned()));
        // 100 kg: 12.6 − 2.5 × 2.
        assert_eq!(size(903), (12.6 - 5.0, 0.85, MASS_BASIS.to_owned()));
        // Known only to a factor 10: 2.5 magnitudes more in quadrature.
        let uncertain = size(904);
        assert_eq!(uncertain.2, MASS_BASIS);
        assert!(
            (uncertain.1 - 0.85_f64.hypot(2.5)).abs() < 1e-9,
            "{uncertain:?}"
        );
        // Nothing of its own: its siblings'.
        assert_eq!(size(905), (10.9, 0.8, SIBLINGS_BASIS.to_owned()));
        assert_eq!(t.mass(903).map(|m| m.kg), Some(100.0));
        assert_eq!(t.mass_rule().map(|r| r.sigma), Some(0.85));
    }

    #[test]
    fn families_by_name_number_designator_and_orbit() {
        let t = tiers();
        let fam = |k: SatelliteKey<'_>| t.family(&k).map(|f| f.family.clone());
        assert_eq!(
            fam(key(58705, "STARLINK-11072 [DTC]", "2024-002A", 15.7)).as_deref(),
            Some("dtc")
        );
        assert_eq!(
            fam(key(60000, "STARLINK-31234", "2024-100A", 15.05)).as_deref(),
            Some("mini")
        );
        // Still low, raising its orbit: not the on-station Mini rule.
        assert_eq!(fam(key(60001, "STARLINK-31235", "2026-100A", 15.9)), None);
        assert_eq!(
            fam(key(46000, "STARLINK-1700", "2020-055A", 15.05)).as_deref(),
            Some("visorsat")
        );
        assert_eq!(fam(key(48000, "STARLINK-3000", "2021-082A", 15.05)), None);
        // No designator: a designator rule cannot match.
        let mut k = key(46001, "STARLINK-1701", "", 15.05);
        k.international_designator = None;
        assert_eq!(fam(k), None);
        assert_eq!(first_number("STARLINK-11072 [DTC]"), Some(11072));
        assert_eq!(first_number("QIANFAN"), None);
    }
}
