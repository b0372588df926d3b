//! The bundled brightness tables, read into [`MagnitudeTiers`] once: McCants' `qs.mag`
//! (measured), `measured.tsv` (cited measurements of notable satellites), `families.tsv`
//! (published photometry of constellations), McCants' `rcs` and the fitted `size-rule.tsv`,
//! launch masses (`mass.tsv`) and the fitted `mass-rule.tsv`, and the estimates inherited
//! from sibling satellites (`kin.tsv`).
//! Provenance and terms: `assets/README.md`; the convention: [`crate::orbit::brightness`].
//!
//! [`magnitude_estimate`] is the one lookup the command line and the window use.

use std::collections::HashMap;
use std::sync::{Arc, OnceLock};

use chrono::{DateTime, NaiveDate, Utc};

use super::bundled::bundled_std_magnitudes;
use crate::orbit::{
    ElementSet, FamilyMatch, FamilyRule, LaunchMass, MagnitudeEstimate, MagnitudeSource,
    MagnitudeTiers, SatelliteKey, SizeRule, SizeTables, brightness::SIBLINGS_BASIS,
};

/// Cited standard magnitudes of notable satellites (see the file's header).
const MEASURED_TSV: &str = include_str!("../../assets/std-magnitudes/measured.tsv");
/// Family rules from published photometry (see the file's header).
const FAMILIES_TSV: &str = include_str!("../../assets/std-magnitudes/families.tsv");
/// McCants' radar cross-sections, m² (objects catalogued up to mid-2017).
const RCS: &str = include_str!("../../assets/std-magnitudes/rcs");
/// The size rule fitted by `scripts/make_size_rule.py`.
const SIZE_RULE_TSV: &str = include_str!("../../assets/std-magnitudes/size-rule.tsv");
/// Launch masses, kg (GCAT and the UCS Satellite Database; see the file's header).
const MASS_TSV: &str = include_str!("../../assets/std-magnitudes/mass.tsv");
/// The mass rule fitted by `scripts/make_mass_kin.py`.
const MASS_RULE_TSV: &str = include_str!("../../assets/std-magnitudes/mass-rule.tsv");
/// Standard magnitudes inherited from siblings, made by `scripts/make_mass_kin.py`.
const KIN_TSV: &str = include_str!("../../assets/std-magnitudes/kin.tsv");

/// One sigma of a `qs.mag` standard magnitude for one pass, magnitudes. Ted Molczan
/// (SeeSat-L, September 2004, message 0131): "most of them stay within about ±1 magnitude
/// of the regression line, most of the time", read as about 1.6 sigma.
pub const QS_MAG_SIGMA: f64 = 0.6;

/// How `qs.mag` values are cited.
const QS_MAG_CITATION: &str = "Mike McCants, qs.mag (quicksat standard magnitudes, copy of \
    December 2025), mean of visual observations; given at full phase, converted to 90° by \
    adding 2.5 log10(π) = 1.24";

/// Every tier's table, parsed once from the bundled files.
pub fn bundled_magnitude_tiers() -> &'static MagnitudeTiers {
    static TIERS: OnceLock<MagnitudeTiers> = OnceLock::new();
    TIERS.get_or_init(|| {
        MagnitudeTiers::new(
            &bundled_std_magnitudes(),
            QS_MAG_SIGMA,
            QS_MAG_CITATION,
            parse_measured(MEASURED_TSV),
            parse_families(FAMILIES_TSV),
            SizeTables {
                rcs_m2: parse_rcs(RCS),
                rcs_rule: parse_size_rule(SIZE_RULE_TSV),
                mass: parse_masses(MASS_TSV),
                mass_rule: parse_mass_rule(MASS_RULE_TSV),
                siblings: parse_siblings(KIN_TSV),
            },
        )
    })
}

/// The standard magnitude of the satellite `set` (V at 1000 km, 90° phase) with its sigma
/// and source, from the best tier that knows it; None when none does (brightness unknown).
pub fn magnitude_estimate(set: &ElementSet) -> Option<MagnitudeEstimate> {
    bundled_magnitude_tiers().estimate(&SatelliteKey::from(set))
}

/// The data rows of a bundled table: not blank, not a `#` comment, split on tabs.
fn rows(text: &str) -> impl Iterator<Item = Vec<&str>> {
    text.lines()
        .map(str::trim_end)
        .filter(|l| !l.is_empty() && !l.starts_with('#'))
        .map(|l| l.split('\t').collect())
}

/// A cell, or None for "-".
fn cell<'a>(row: &[&'a str], i: usize) -> Option<&'a str> {
    row.get(i)
        .map(|s| s.trim())
        .filter(|s| !s.is_empty() && *s != "-")
}

fn number<T: std::str::FromStr>(row: &[&str], i: usize) -> Option<T> {
    cell(row, i).and_then(|s| s.parse().ok())
}

fn date(row: &[&str], i: usize) -> Option<DateTime<Utc>> {
    let d = NaiveDate::parse_from_str(cell(row, i)?, "%Y-%m-%d").ok()?;
    Some(d.and_hms_opt(0, 0, 0)?.and_utc())
}

/// Reads `measured.tsv`: `norad_id, name, value, sigma, may_flare, basis, citation`.
/// A malformed row is skipped (the bundled file is checked by a test).
pub fn parse_measured(text: &str) -> Vec<(u64, MagnitudeEstimate)> {
    rows(text)
        .filter_map(|r| {
            Some((
                number(&r, 0)?,
                MagnitudeEstimate {
                    value: number(&r, 2)?,
                    sigma: number(&r, 3)?,
                    source: MagnitudeSource::Measured,
                    may_flare: cell(&r, 4)? == "yes",
                    basis: Arc::from(cell(&r, 5)?),
                    citation: Arc::from(cell(&r, 6)?),
                },
            ))
        })
        .collect()
}

/// Reads `families.tsv` (columns in its header), in order. A malformed row is skipped.
pub fn parse_families(text: &str) -> Vec<FamilyRule> {
    rows(text)
        .filter_map(|r| {
            let matcher = FamilyMatch {
                name_prefix: cell(&r, 1)?.to_uppercase(),
                name_contains: cell(&r, 2).map(str::to_uppercase),
                name_lacks: cell(&r, 3).map(str::to_uppercase),
                number_min: number(&r, 4),
                number_max: number(&r, 5),
                designator_from: cell(&r, 6).map(str::to_owned),
                designator_to: cell(&r, 7).map(str::to_owned),
                epoch_from: date(&r, 8),
                epoch_to: date(&r, 9),
                mean_motion_min: number(&r, 10),
                mean_motion_max: number(&r, 11),
            };
            Some(FamilyRule {
                family: cell(&r, 0)?.to_owned(),
                matcher,
                estimate: MagnitudeEstimate {
                    value: number(&r, 12)?,
                    sigma: number(&r, 13)?,
                    source: MagnitudeSource::Family,
                    may_flare: cell(&r, 14)? == "yes",
                    basis: Arc::from(cell(&r, 0)?),
                    citation: Arc::from(cell(&r, 15)?),
                },
            })
        })
        .collect()
}

/// Reads McCants' `rcs`: `NORAD RCS_m2 count` per line, then a `99999` trailer.
pub fn parse_rcs(text: &str) -> HashMap<u64, f64> {
    text.lines()
        .filter_map(|l| {
            let mut parts = l.split_whitespace();
            let id: u64 = parts.next()?.parse().ok()?;
            let rcs: f64 = parts.next()?.parse().ok()?;
            (id != 99_999 && rcs.is_finite() && rcs > 0.0).then_some((id, rcs))
        })
        .collect()
}

/// Reads a rule file (`zero_point, slope, sigma, n_train`), citing it with `cite(zero
/// point, slope, n_train)`.
fn parse_rule(text: &str, cite: impl Fn(&str, &str, u64) -> String) -> Option<SizeRule> {
    let r = rows(text).next()?;
    Some(SizeRule {
        zero_point: number(&r, 0)?,
        slope: number(&r, 1)?,
        sigma: number(&r, 2)?,
        citation: Arc::from(cite(cell(&r, 0)?, cell(&r, 1)?, number(&r, 3)?)),
    })
}

/// Reads `size-rule.tsv`: `zero_point, slope, sigma, n_train`.
pub fn parse_size_rule(text: &str) -> Option<SizeRule> {
    parse_rule(text, |zp, slope, n_train| {
        format!(
            "size rule std_mag = {zp} − 2.5 × {slope} × log10(RCS/m²), fitted on {n_train} \
             satellites with both a qs.mag magnitude and a radar cross-section \
             (scripts/make_size_rule.py; Matson's rule, SeeSat-L May 2001, is 8 − 2.5 log10 RCS); \
             radar cross-section from Mike McCants' rcs file"
        )
    })
}

/// Reads `mass-rule.tsv`: `zero_point, slope, sigma, n_train`.
pub fn parse_mass_rule(text: &str) -> Option<SizeRule> {
    parse_rule(text, |zp, slope, n_train| {
        format!(
            "mass rule std_mag = {zp} − 2.5 × {slope} × log10(mass/kg), fitted on {n_train} \
             satellites with both a qs.mag magnitude and a launch mass \
             (scripts/make_mass_kin.py); launch mass from GCAT (Jonathan McDowell, \
             planet4589.org) or the UCS Satellite Database (1 May 2023); a mass GCAT flags \
             as uncertain is taken as known to a factor 2, which widens the sigma"
        )
    })
}

/// Reads `mass.tsv`: `norad_id, launch_mass_kg, factor` per line (factor: how uncertain
/// the mass is; see the file's header).
pub fn parse_masses(text: &str) -> HashMap<u64, LaunchMass> {
    rows(text)
        .filter_map(|r| {
            let mass = LaunchMass {
                kg: number(&r, 1)?,
                uncertainty_factor: number(&r, 2)?,
            };
            let valid = mass.kg.is_finite() && mass.kg > 0.0 && mass.uncertainty_factor >= 1.0;
            Some((number(&r, 0)?, mass)).filter(|_| valid)
        })
        .collect()
}

/// How estimates inherited from siblings are cited (one text for all: a report lists one
/// citation per basis; each satellite's group and sibling count are in `kin.tsv`).
const SIBLINGS_CITATION: &str = "median standard magnitude of its sibling satellites (the \
    other satellites of its programme in GCAT, J. McDowell's catalogue, or of its name family), \
    each from its own measurement, radar cross-section or launch mass; sigma from the siblings' \
    sigma and spread (scripts/make_mass_kin.py; the group of each satellite in \
    assets/std-magnitudes/kin.tsv)";

/// Reads `kin.tsv`: `norad_id, value, sigma, n_siblings, group` per line, as size-tier
/// estimates inherited from the siblings. A malformed row is skipped.
pub fn parse_siblings(text: &str) -> HashMap<u64, MagnitudeEstimate> {
    let basis: Arc<str> = Arc::from(SIBLINGS_BASIS);
    let citation: Arc<str> = Arc::from(SIBLINGS_CITATION);
    rows(text)
        .filter_map(|r| {
            let estimate = MagnitudeEstimate {
                value: number(&r, 1)?,
                sigma: number(&r, 2)?,
                source: MagnitudeSource::Size,
                basis: Arc::clone(&basis),
                citation: Arc::clone(&citation),
                may_flare: false,
            };
            // A row without its sibling count and group is malformed.
            (number::<u64>(&r, 3).is_some() && cell(&r, 4).is_some())
                .then_some((number(&r, 0)?, estimate))
        })
        .collect()
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn bundled_tables_parse_whole() {
        let data_rows = |text: &str| rows(text).count();
        assert_eq!(parse_families(FAMILIES_TSV).len(), data_rows(FAMILIES_TSV));
        assert_eq!(parse_measured(MEASURED_TSV).len(), data_rows(MEASURED_TSV));
        let rcs = parse_rcs(RCS);
        assert!(rcs.len() > 17_000, "{}", rcs.len());
        assert_eq!(rcs.get(&11), Some(&0.39));
        let rule = parse_size_rule(SIZE_RULE_TSV).expect("size rule");
        assert!((rule.zero_point - 7.6).abs() < 0.3 && (rule.slope - 1.0).abs() < 0.2);
        // Brightness about proportional to mass^(2/3), as for bodies of one density.
        let mass = parse_mass_rule(MASS_RULE_TSV).expect("mass rule");
        assert!((mass.slope - 2.0 / 3.0).abs() < 0.3, "{mass:?}");
        assert!(mass.citation.contains("UCS"));
        assert_eq!(parse_masses(MASS_TSV).len(), data_rows(MASS_TSV));
        let siblings = parse_siblings(KIN_TSV);
        assert_eq!(siblings.len(), data_rows(KIN_TSV));
        assert!(siblings.values().all(|e| e.sigma >= 0.5 && e.value > 0.0));
        for f in parse_families(FAMILIES_TSV) {
            assert!(
                f.estimate.sigma >= 0.5,
                "{}: sigma {}",
                f.family,
                f.estimate.sigma
            );
            assert!(f.estimate.citation.contains("arXiv:"), "{}", f.family);
        }
    }
}
