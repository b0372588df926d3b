//! Ready lists of satellites: the famous ones everyone starts with, and the Korean
//! reconnaissance satellites a Korean user starts with (and anyone can pick).
//!
//! Each member carries its catalog number, its name as CelesTrak publishes it, its
//! international designator and why it is on the list, with the source of that claim.

/// A satellite on a ready list.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct ListedSatellite {
    /// NORAD catalog number.
    pub norad_id: u64,
    /// Name as CelesTrak publishes it.
    pub name: &'static str,
    /// International (COSPAR) designator: launch year, launch number, piece.
    pub cospar_id: &'static str,
    /// What it is, and the source that says so.
    pub citation: &'static str,
}

/// A named list of satellites.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct SatelliteList {
    /// Stable identifier, as the command line's `--list` takes it (`korean-recon`).
    pub id: &'static str,
    /// The name in English, which also identifies the list in saved window state.
    pub name: &'static str,
    /// The Fluent message of its name in the user's language.
    pub message: &'static str,
    /// The satellites, in the order they are shown.
    pub members: &'static [ListedSatellite],
}

impl SatelliteList {
    /// The catalog numbers of its members.
    pub fn norad_ids(&self) -> Vec<u64> {
        self.members.iter().map(|m| m.norad_id).collect()
    }

    /// Its name in the user's language.
    pub fn label(&self) -> String {
        crate::i18n::tr(self.message)
    }
}

/// The bright, famous satellites every first start shows: the two crewed space stations
/// and the Hubble Space Telescope.
pub const FAMOUS: SatelliteList = SatelliteList {
    id: "famous",
    name: "Famous and bright",
    message: "words-list-famous",
    members: &[
        ListedSatellite {
            norad_id: 25544,
            name: "ISS (ZARYA)",
            cospar_id: "1998-067A",
            citation: "International Space Station; Zarya is its first module (NASA, \
                       nasa.gov/international-space-station)",
        },
        ListedSatellite {
            norad_id: 48274,
            name: "CSS (TIANHE)",
            cospar_id: "2021-035A",
            citation: "Tianhe, the core module of China's space station Tiangong (China \
                       Manned Space Agency, cmse.gov.cn)",
        },
        ListedSatellite {
            norad_id: 20580,
            name: "HST",
            cospar_id: "1990-037B",
            citation: "Hubble Space Telescope (NASA, science.nasa.gov/mission/hubble)",
        },
    ],
};

/// North and South Korea's reconnaissance satellites in the catalog: North Korea's
/// MALLIGYONG-1 and South Korea's five satellites of the 425 Project (one electro-optical,
/// four radar). CelesTrak names the 425 Project satellites KORSAT; the identification rests
/// on those names, their launches and their orbits (see `/work/shared/data/korea-recon-sats/
/// PROVENANCE.md`), as no official statement names the catalog entries.
pub const KOREAN_RECON: SatelliteList = SatelliteList {
    id: "korean-recon",
    name: "Korean reconnaissance satellites",
    message: "words-list-korean-recon",
    members: &[
        ListedSatellite {
            norad_id: 58400,
            name: "MALLIGYONG-1",
            cospar_id: "2023-179A",
            citation: "North Korean reconnaissance satellite (만리경-1호), launched \
                       2023-11-21 on Chollima-1 from Sohae (KCNA announcement, 2023-11-22)",
        },
        ListedSatellite {
            norad_id: 58463,
            name: "KORSAT-7",
            cospar_id: "2023-185B",
            citation: "425 Project electro-optical/infrared satellite no. 1, launched \
                       2023-12-01 on Falcon 9 from Vandenberg (ROK Ministry of National Defense)",
        },
        ListedSatellite {
            norad_id: 59452,
            name: "KORSAT-1",
            cospar_id: "2024-066L",
            citation: "425 Project radar (SAR) satellite no. 2, launched 2024-04-08 on \
                       Falcon 9 (Bandwagon-1) from Kennedy (ROK Ministry of National Defense)",
        },
        ListedSatellite {
            norad_id: 62377,
            name: "KORSAT-2",
            cospar_id: "2024-247A",
            citation: "425 Project radar (SAR) satellite no. 3, launched 2024-12-21 on \
                       Falcon 9 from Vandenberg (ROK Ministry of National Defense)",
        },
        ListedSatellite {
            norad_id: 63630,
            name: "KORSAT-3",
            cospar_id: "2025-081A",
            citation: "425 Project radar (SAR) satellite no. 4, launched 2025-04-22 on \
                       Falcon 9 (Bandwagon-3) from Kennedy (ROK Ministry of National Defense)",
        },
        ListedSatellite {
            norad_id: 66293,
            name: "KORSAT-4",
            cospar_id: "2025-248A",
            citation: "425 Project radar (SAR) satellite no. 5, launched 2025-11-02 on \
                       Falcon 9 (Bandwagon-4) from Kennedy (ROK Ministry of National Defense)",
        },
    ],
};

/// Every ready list, in menu order.
pub const SATELLITE_LISTS: [SatelliteList; 2] = [FAMOUS, KOREAN_RECON];

/// The ready list with this identifier (`korean-recon`), if any.
pub fn satellite_list(id: &str) -> Option<&'static SatelliteList> {
    SATELLITE_LISTS
        .iter()
        .find(|l| l.id.eq_ignore_ascii_case(id.trim()))
}

/// The satellites a first start shows in `lang`: the famous ones for everyone, and, in
/// Korean, the Korean reconnaissance satellites before them.
pub fn first_start_satellites(lang: crate::i18n::Lang) -> Vec<u64> {
    let mut ids = Vec::new();
    if lang == crate::i18n::Lang::Ko {
        ids.extend(KOREAN_RECON.norad_ids());
    }
    ids.extend(FAMOUS.norad_ids());
    ids
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn the_lists_name_satellites_of_the_bundled_snapshot_as_it_names_them() {
        let snapshot = crate::catalog::bundled_snapshot().unwrap();
        for list in SATELLITE_LISTS {
            for m in list.members {
                let set = snapshot.sets.iter().find(|s| s.norad_id == m.norad_id);
                assert_eq!(set.map(|s| s.name.as_str()), Some(m.name), "{m:?}");
            }
        }
        assert_eq!(satellite_list("Korean-Recon"), Some(&KOREAN_RECON));
        assert_eq!(
            first_start_satellites(crate::i18n::Lang::En),
            vec![25544, 48274, 20580]
        );
        assert_eq!(
            first_start_satellites(crate::i18n::Lang::Ko)[..2],
            [58400, 58463]
        );
    }
}
