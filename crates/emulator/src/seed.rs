//! Realistic, deterministic rooms for tests, benchmarks and the sandbox.

use crate::catalog::{COMPANIES, STATUSES, USERS};
use crate::rng::{mix64, Rng};
use roomdesk_model::{Engagements, Room};

/// The generated history ends here (2026-11-01T00:00:00Z) and spans about two years.
const END_MILLIS: i64 = 1_793_491_200_000;
const SPAN_MILLIS: i64 = 730 * 24 * 3600 * 1000;

/// Company-ish names used in titles, beyond the lookup companies.
const TITLE_COMPANIES: [&str; 16] = [
    "Wayne Enterprises",
    "Tyrell Systems",
    "Hooli",
    "Pied Piper",
    "Soylent Foods",
    "Cyberdyne",
    "Aperture Labs",
    "Vandelay Industries",
    "Ørsted Vind",
    "Crème Brûlée Co.",
    "ナカムラ商事",
    "한빛 소프트",
    "Dunder Mifflin",
    "Bluth Company",
    "Kraków Kraft",
    "Año Nuevo S.L.",
];

const PURPOSES: [&str; 14] = [
    "Onboarding",
    "Mutual action plan",
    "Proposal",
    "Renewal 2026",
    "Q3 business review",
    "Security review",
    "Pilot kickoff",
    "Pricing & packaging",
    "Expansion – EMEA",
    "Implementation plan",
    "Executive briefing",
    "Contract négociation",
    "導入計画",
    "Discovery call recap",
];

const EMOJI: [&str; 6] = ["🚀", "🤝", "📈", "✨", "🔒", "🎯"];

const COLORS: [&str; 10] = [
    "#FF5500", "#1F6FEB", "#0E8A16", "#6F42C1", "#D73A49", "#222222", "#F9C513", "#00A3A3",
    "#FFFFFF", "#0B1F33",
];

/// `n` rooms, the same for the same seed: varied Unicode titles, two years of history,
/// engagement numbers with nulls and ties, some cover fields unset, valid colors.
/// Ids are unique (`rm_` + 16 hex digits).
pub fn generate_rooms(n: usize, rng_seed: u64) -> Vec<Room> {
    let mut rng = Rng::new(rng_seed);
    let id_base = mix64(rng_seed.wrapping_add(0x1D5));
    (0..n)
        .map(|i| generate_room(&mut rng, id_base.wrapping_add(i as u64)))
        .collect()
}

fn generate_room(rng: &mut Rng, id_input: u64) -> Room {
    let id = format!("rm_{:016x}", mix64(id_input));
    let company = if rng.chance(0.15) {
        None
    } else {
        Some(rng.below(COMPANIES.len() as u64) as usize)
    };
    let company_name = match company {
        Some(c) => COMPANIES[c].1,
        None => *rng.pick(&TITLE_COMPANIES),
    };
    let purpose = *rng.pick(&PURPOSES);
    let title = match rng.below(6) {
        0 => format!("{purpose}: {company_name}"),
        1 => format!("{} {company_name} – {purpose}", rng.pick(&EMOJI)),
        2 => format!("{company_name} {purpose}"),
        _ => format!("{company_name} – {purpose}"),
    };

    let created = END_MILLIS - rng.below(SPAN_MILLIS as u64) as i64;
    let age = (END_MILLIS - created) as u64;
    let updated = if rng.chance(0.2) {
        created
    } else {
        created + rng.below(age + 1) as i64
    };

    let total = if rng.chance(0.1) {
        None
    } else if rng.chance(0.2) {
        Some(0)
    } else {
        // Skewed towards small numbers, so that ties are common.
        let u = rng.unit();
        Some((u * u * u * 400.0) as i64 + 1)
    };
    let engaged = total.filter(|t| *t > 0);
    let last_engaged_at = engaged.map(|_| format_timestamp(created + rng.below(age + 1) as i64));
    let engagements = total.map(|t| split_engagements(rng, t));
    let views = engagements.as_ref().and_then(|e| e.views).unwrap_or(0);
    let total_views = if rng.chance(0.08) {
        None
    } else {
        Some(views + rng.below(30) as i64)
    };
    let total_unique_views = total_views.map(|v| (v as f64 * (0.3 + rng.unit() * 0.7)) as i64);

    let slug: String = company_name
        .chars()
        .filter(|c| c.is_ascii_alphanumeric())
        .collect::<String>()
        .to_ascii_lowercase();
    Room {
        id,
        title,
        user_id: (!rng.chance(0.1)).then(|| rng.pick(&USERS).0.to_string()),
        company_id: company.map(|c| COMPANIES[c].0.to_string()),
        created_at: format_timestamp(created),
        updated_at: format_timestamp(updated),
        total_engagements: total,
        last_engaged_at,
        total_views,
        total_unique_views,
        engagements,
        cover_title: (!rng.chance(0.25)).then(|| format!("Welcome, {company_name}")),
        cover_description: (!rng.chance(0.4))
            .then(|| format!("{purpose} for the {company_name} team.")),
        cover_disabled: if rng.chance(0.2) {
            None
        } else {
            Some(rng.chance(0.15))
        },
        theme_color: (!rng.chance(0.15)).then(|| rng.pick(&COLORS).to_string()),
        nav_color: match rng.below(8) {
            0 => None,
            1 | 2 => Some("flow-org-color".to_string()),
            3 => Some("target-company-color".to_string()),
            _ => Some(rng.pick(&COLORS).to_string()),
        },
        description: rng
            .chance(0.3)
            .then(|| format!("Deal room for {company_name}.")),
        status_id: (!rng.chance(0.3)).then(|| rng.pick(&STATUSES).0.to_string()),
        email: (!slug.is_empty() && rng.chance(0.5)).then(|| format!("buyer@{slug}.com")),
        hs_deal_id: rng
            .chance(0.2)
            .then(|| format!("{}", 10_000_000 + rng.below(89_999_999))),
        ..Default::default()
    }
}

/// `format_timestamp` without chrono's general machinery: generating 100,000 rooms formats
/// 300,000 instants, and this is several times faster. Valid for years 1970..=9999.
fn format_timestamp(millis: i64) -> String {
    let days = millis.div_euclid(86_400_000);
    let ms_of_day = millis.rem_euclid(86_400_000);
    // Civil date from days since 1970-01-01 (Howard Hinnant's algorithm).
    let z = days + 719_468;
    let era = z.div_euclid(146_097);
    let doe = z - era * 146_097;
    let yoe = (doe - doe / 1_460 + doe / 36_524 - doe / 146_096) / 365;
    let doy = doe - (365 * yoe + yoe / 4 - yoe / 100);
    let mp = (5 * doy + 2) / 153;
    let day = doy - (153 * mp + 2) / 5 + 1;
    let month = if mp < 10 { mp + 3 } else { mp - 9 };
    let year = yoe + era * 400 + i64::from(month <= 2);
    format!(
        "{year:04}-{month:02}-{day:02}T{:02}:{:02}:{:02}.{:03}Z",
        ms_of_day / 3_600_000,
        ms_of_day / 60_000 % 60,
        ms_of_day / 1_000 % 60,
        ms_of_day % 1_000
    )
}

/// Splits a total into the seven counters (views get the largest share).
fn split_engagements(rng: &mut Rng, total: i64) -> Engagements {
    let mut left = total;
    let mut take = |share: f64, rng: &mut Rng| {
        let n = ((left as f64) * share * rng.unit()).round() as i64;
        let n = n.clamp(0, left);
        left -= n;
        Some(n)
    };
    let clicks = take(0.3, rng);
    let comments = take(0.2, rng);
    let downloads = take(0.2, rng);
    let reactions = take(0.2, rng);
    let shares = take(0.1, rng);
    let tasks_completed = take(0.3, rng);
    Engagements {
        clicks,
        comments,
        downloads,
        reactions,
        shares,
        views: Some(left),
        tasks_completed,
        extra: Default::default(),
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use roomdesk_model::{parse_timestamp_millis, HexColor, NavColor, RoomField};
    use std::collections::HashSet;

    #[test]
    fn fast_timestamps_match_the_model() {
        let mut rng = Rng::new(5);
        let mut samples = vec![0, 951_782_400_000, 4_107_542_399_999, END_MILLIS];
        samples.extend((0..20_000).map(|_| rng.below(4_000_000_000_000) as i64));
        for ms in samples {
            assert_eq!(
                format_timestamp(ms),
                roomdesk_model::format_timestamp(ms),
                "{ms}"
            );
        }
    }

    #[test]
    fn deterministic_and_unique() {
        let a = generate_rooms(500, 7);
        assert_eq!(a, generate_rooms(500, 7));
        assert_ne!(a, generate_rooms(500, 8));
        let ids: HashSet<&str> = a.iter().map(|r| r.id.as_str()).collect();
        assert_eq!(ids.len(), 500);
        assert!(a
            .iter()
            .all(|r| r.id.len() == 19 && r.id.starts_with("rm_")));
    }

    #[test]
    fn realistic_and_valid() {
        let rooms = generate_rooms(2000, 42);
        let any = |f: &dyn Fn(&Room) -> bool| rooms.iter().any(f);
        assert!(any(&|r| r.title.contains('–')));
        assert!(any(&|r| r.title.chars().any(|c| c as u32 > 0x2E80)));
        assert!(any(&|r| r.title.contains('🚀') || r.title.contains('🤝')));
        assert!(any(&|r| r.total_engagements.is_none()));
        assert!(any(&|r| r.total_views.is_none()));
        assert!(any(&|r| r.cover_title.is_none()));
        assert!(any(&|r| r.theme_color.is_none()));
        for r in &rooms {
            assert!(RoomField::Title.normalize(&r.title).is_ok(), "{}", r.title);
            let c = parse_timestamp_millis(&r.created_at).unwrap();
            let u = parse_timestamp_millis(&r.updated_at).unwrap();
            assert!(u >= c && c > END_MILLIS - SPAN_MILLIS - 1 && u <= END_MILLIS);
            assert_eq!(
                r.last_engaged_at.is_some(),
                r.total_engagements.unwrap_or(0) > 0,
                "never-engaged rooms have no lastEngagedAt"
            );
            if let Some(t) = &r.theme_color {
                assert_eq!(HexColor::parse(t).unwrap().as_str(), t);
            }
            if let Some(n) = &r.nav_color {
                assert!(NavColor::parse(n).is_ok());
            }
            if let Some(e) = &r.engagements {
                let sum: i64 = [e.clicks, e.comments, e.downloads, e.reactions, e.shares]
                    .iter()
                    .chain([&e.views, &e.tasks_completed])
                    .map(|x| x.unwrap())
                    .sum();
                assert_eq!(Some(sum), r.total_engagements);
            }
        }
    }
}
