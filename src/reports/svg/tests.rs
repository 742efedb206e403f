use super::bars::{horizontal_bar_chart, stacked_bar_chart};
use super::canvas::PxRect;
use super::labels::{distance_label, round_distance};
use super::map::{clip_ring, map_svg};
use super::text::{Ticks, nice_ticks};
use crate::domain::format_number;
use crate::reports::escape::Escaped;

use geo_types::{Polygon, polygon};

use super::*;

fn square(lon: f64, lat: f64, size_deg: f64) -> MultiPolygon<f64> {
    MultiPolygon(vec![polygon![
        (x: lon, y: lat),
        (x: lon + size_deg, y: lat),
        (x: lon + size_deg, y: lat + size_deg),
        (x: lon, y: lat + size_deg),
        (x: lon, y: lat),
    ]])
}

fn land(lon: f64, lat: f64, label: &str) -> MapPolygon<'static> {
    MapPolygon {
        shape: Cow::Owned(square(lon, lat, 0.003)),
        fill: Rgb(255, 0, 0),
        fill_opacity: 0.5,
        outline: Rgb(200, 0, 0),
        dashed: false,
        label: Some(label.to_owned()),
    }
}

fn sample_series() -> (Vec<String>, Vec<Series>) {
    let categories: Vec<String> = (1..=12).map(|m| format!("2025-{m:02}")).collect();
    let series = vec![
        Series {
            label: "Cancelled".to_owned(),
            colour: Rgb(120, 170, 230),
            values: (0..12).map(|i| f64::from(i) * 1000.0).collect(),
        },
        Series {
            label: "Cleared".to_owned(),
            colour: Rgb(40, 150, 70),
            values: (0..12).map(|i| f64::from(i % 3) * 2500.0).collect(),
        },
    ];
    (categories, series)
}

fn basemap_country() -> MultiPolygon<f64> {
    MultiPolygon(vec![polygon![
        (x: 15.7, y: 45.2), (x: 19.6, y: 45.2), (x: 19.4, y: 42.6), (x: 16.0, y: 43.0),
    ]])
}

#[test]
fn format_number_groups_thousands() {
    assert_eq!(format_number(12_000.0, 0), "12 000");
    assert_eq!(format_number(1_234_567.891, 1), "1 234 567.9");
    assert_eq!(format_number(999.4, 0), "999");
    assert_eq!(format_number(-0.2, 0), "0");
    assert_eq!(format_number(-1_500.0, 0), "-1 500");
    assert_eq!(format_number(0.5, 2), "0.50");
    assert_eq!(format_number(f64::NAN, 0), "–");
}

#[test]
fn nice_ticks_use_1_2_5_steps() {
    assert_eq!(
        nice_ticks(12_345.0, 5),
        vec![0.0, 5_000.0, 10_000.0, 15_000.0]
    );
    assert_eq!(
        nice_ticks(100.0, 5),
        vec![0.0, 20.0, 40.0, 60.0, 80.0, 100.0]
    );
    assert_eq!(nice_ticks(0.8, 4), vec![0.0, 0.2, 0.4, 0.6, 0.8]);
    assert_eq!(nice_ticks(7.0, 2), vec![0.0, 5.0, 10.0]);
    assert_eq!(nice_ticks(1.0, 5), vec![0.0, 0.2, 0.4, 0.6, 0.8, 1.0]);
    assert_eq!(nice_ticks(0.0, 5), vec![0.0, 1.0]);
    assert_eq!(nice_ticks(f64::NAN, 5), vec![0.0, 1.0]);
    assert_eq!(nice_ticks(3.0, 0), vec![0.0, 5.0]);
    for max in [0.013, 0.7, 3.3, 47.0, 999.0, 1001.0, 123_456.0, 9.9e9] {
        let ticks = nice_ticks(max, 5);
        let step = ticks[1];
        let norm = step / 10f64.powf(step.log10().floor());
        assert!(
            [1.0, 2.0, 5.0].iter().any(|n| (norm - n).abs() < 1e-9),
            "{max}: {ticks:?}"
        );
        assert!(*ticks.last().unwrap() >= max, "{max}: {ticks:?}");
        assert!(ticks.len() - 1 <= 5 * 2, "{max}: {ticks:?}");
    }
    let ticks = Ticks::new(0.8, 4);
    assert_eq!(
        ticks.labels(Tr::default()),
        vec!["0.0", "0.2", "0.4", "0.6", "0.8"]
    );
}

#[test]
fn charts_are_deterministic() {
    let (categories, series) = sample_series();
    let a = stacked_bar_chart(
        Tr::default(),
        "Released",
        "m²",
        &categories,
        &series,
        700,
        300,
    );
    let b = stacked_bar_chart(
        Tr::default(),
        "Released",
        "m²",
        &categories,
        &series,
        700,
        300,
    );
    assert_eq!(a, b);
    assert!(a.starts_with("<svg "));
    assert!(a.contains("role=\"img\""));
    assert!(a.contains("12 500"), "the largest total is written");
    let bars = vec![
        ("CHA".to_owned(), 1234.0, Rgb(255, 0, 0)),
        ("SHA".to_owned(), 99.5, Rgb(244, 167, 24)),
    ];
    assert_eq!(
        horizontal_bar_chart(Tr::default(), "Remaining", "m²", &bars, 360),
        horizontal_bar_chart(Tr::default(), "Remaining", "m²", &bars, 360)
    );
    let lands = [land(18.1, 44.7, "L-1"), land(18.2, 44.75, "L-2")];
    let country = basemap_country();
    let map = || {
        map_svg(
            Tr::default(),
            &lands,
            &[],
            &[],
            &[&country],
            &[],
            "Basemap",
            700,
            500,
        )
    };
    assert_eq!(map(), map());
}

#[test]
fn text_is_escaped() {
    let nasty = "<b>&\"'</b>";
    let (categories, mut series) = sample_series();
    series[0].label = nasty.to_owned();
    let chart = stacked_bar_chart(Tr::default(), nasty, nasty, &categories, &series, 700, 300);
    let bars = vec![(nasty.to_owned(), 3.0, Rgb(1, 2, 3))];
    let hbar = horizontal_bar_chart(Tr::default(), nasty, nasty, &bars, 500);
    let mut l = land(18.1, 44.7, nasty);
    l.label = Some("A<&>".to_owned());
    let legend = [LegendEntry {
        swatch: LegendSwatch::Point {
            colour: Rgb(0, 0, 0),
            symbol: "<&".to_owned(),
        },
        text: nasty.to_owned(),
    }];
    let point = MapPoint {
        lon: 18.1,
        lat: 44.7,
        colour: Rgb(0, 0, 0),
        symbol: "&".to_owned(),
    };
    let map = map_svg(
        Tr::default(),
        &[l],
        &[],
        &[point],
        &[],
        &legend,
        nasty,
        700,
        500,
    );
    for svg in [&chart, &hbar, &map] {
        assert!(!svg.contains("<b>"), "{svg}");
        assert!(!svg.contains("&\""), "{svg}");
        assert!(svg.contains("&lt;b&gt;&amp;&quot;&#39;&lt;/b&gt;"), "{svg}");
    }
    assert!(map.contains(">A&lt;&amp;&gt;</text>"), "{map}");
    assert!(map.contains(">&lt;&amp;</text>"), "{map}");
    assert_eq!(Escaped("a\u{1}b").to_string(), "a b");
}

#[test]
fn empty_data_says_so() {
    let (categories, mut series) = sample_series();
    for s in &mut series {
        s.values = vec![0.0; 12];
    }
    let chart = stacked_bar_chart(Tr::default(), "T", "m²", &categories, &series, 700, 300);
    assert!(chart.contains(Tr::default().chart_no_data().as_str()));
    assert!(!chart.contains("NaN") && !chart.contains("inf"));
    assert!(
        stacked_bar_chart(Tr::default(), "T", "m²", &[], &[], 700, 300)
            .contains(Tr::default().chart_no_data().as_str())
    );
    assert!(
        stacked_bar_chart(Tr::default(), "T", "m²", &categories, &[], 700, 300)
            .contains(Tr::default().chart_no_data().as_str())
    );
    let bars = vec![
        ("A".to_owned(), 0.0, Rgb(1, 2, 3)),
        ("B".to_owned(), f64::NAN, Rgb(1, 2, 3)),
    ];
    assert!(
        horizontal_bar_chart(Tr::default(), "T", "m²", &bars, 360)
            .contains(Tr::default().chart_no_data().as_str())
    );
    assert!(
        horizontal_bar_chart(Tr::default(), "T", "m²", &[], 360)
            .contains(Tr::default().chart_no_data().as_str())
    );
    let country = basemap_country();
    let map = map_svg(
        Tr::default(),
        &[],
        &[],
        &[],
        &[&country],
        &[],
        "Basemap",
        700,
        500,
    );
    assert!(map.contains(Tr::default().chart_no_lands().as_str()));
    let empty_land = MapPolygon {
        shape: Cow::Owned(MultiPolygon(vec![])),
        ..land(0.0, 0.0, "X")
    };
    assert!(
        map_svg(
            Tr::default(),
            &[empty_land],
            &[],
            &[],
            &[],
            &[],
            "",
            700,
            500
        )
        .contains(Tr::default().chart_no_lands().as_str())
    );
}

#[test]
fn sixty_categories_fit() {
    let categories: Vec<String> = (0..60)
        .map(|i| format!("{}-{:02}", 2020 + i / 12, i % 12 + 1))
        .collect();
    let series = vec![Series {
        label: "Cleared".to_owned(),
        colour: Rgb(40, 150, 70),
        values: (0..60).map(|i| f64::from(i) * 1234.5).collect(),
    }];
    let chart = stacked_bar_chart(Tr::default(), "Sixty", "m²", &categories, &series, 700, 320);
    assert!(chart.contains("rotate(-45)"));
    assert!(chart.contains(">2020-01<"));
    assert!(!chart.contains(">2020-02<"), "labels are thinned out");
    assert!(!chart.contains("NaN"));
}

#[test]
fn a_land_far_outside_the_basemap_does_not_break_the_map() {
    let country = basemap_country();
    let far = [
        land(18.1, 44.7, "NEAR"),
        land(-70.0, -30.0, "FAR"),
        land(170.0, 84.9, "NORTH"),
    ];
    let map = map_svg(
        Tr::default(),
        &far,
        &[],
        &[],
        &[&country],
        &[],
        "Basemap",
        700,
        500,
    );
    assert!(
        map.contains(">FAR</text>") && map.contains(">NEAR</text>"),
        "{map}"
    );
    assert!(!map.contains("NaN") && !map.contains("inf"));
    // Only a land far away from the basemap: the country is culled.
    let alone = map_svg(
        Tr::default(),
        &far[1..2],
        &[],
        &[],
        &[&country],
        &[],
        "Basemap",
        700,
        500,
    );
    assert!(
        alone.contains("stroke-linejoin=\"round\" fill-rule=\"evenodd\">\n</g>"),
        "country culled: {alone}"
    );
    assert!(alone.contains(">FAR</text>"), "{alone}");
    assert!(!alone.contains("NaN"));
}

#[test]
fn tiny_lands_become_markers_and_the_svg_stays_bounded() {
    let lands: Vec<MapPolygon<'_>> = (0..20_000)
        .map(|i| {
            let f = f64::from(i);
            MapPolygon {
                shape: Cow::Owned(square(
                    16.0 + (f * 0.618).fract() * 3.0,
                    43.0 + (f * 0.382).fract() * 2.0,
                    0.0005,
                )),
                label: None,
                ..land(0.0, 0.0, "")
            }
        })
        .collect();
    let map = map_svg(Tr::default(), &lands, &[], &[], &[], &[], "", 700, 500);
    assert!(map.contains("<rect"), "markers drawn");
    assert!(map.len() < 2_000_000, "{} bytes", map.len());
}

#[test]
fn clipping_and_thinning() {
    let rect = PxRect {
        x0: 0.0,
        y0: 0.0,
        x1: 10.0,
        y1: 10.0,
    };
    let clipped = clip_ring(
        &[(-5.0, -5.0), (15.0, -5.0), (15.0, 15.0), (-5.0, 15.0)],
        &rect,
    );
    assert_eq!(clipped.len(), 4);
    assert!(clipped.iter().all(|&p| rect.contains(p)));
    assert!(clip_ring(&[(20.0, 20.0), (30.0, 20.0), (30.0, 30.0)], &rect).is_empty());
    // A polygon with a hole keeps its hole.
    let holed = MultiPolygon(vec![Polygon::new(
        square(18.0, 44.0, 0.1).0[0].exterior().clone(),
        vec![square(18.03, 44.03, 0.04).0[0].exterior().clone()],
    )]);
    let l = MapPolygon {
        shape: Cow::Owned(holed),
        ..land(0.0, 0.0, "H")
    };
    let map = map_svg(Tr::default(), &[l], &[], &[], &[], &[], "", 700, 500);
    assert!(map.matches('Z').count() >= 4, "{map}");
}

#[test]
fn overlapping_labels_are_skipped_in_input_order() {
    // Two large lands at (almost) the same place: the first one's label wins.
    let mut first = land(18.1, 44.7, "FIRST");
    first.shape = Cow::Owned(square(18.1, 44.7, 0.06));
    let mut second = first.clone();
    second.label = Some("SECOND".to_owned());
    let mut third = land(18.3, 44.9, "THIRD");
    third.shape = Cow::Owned(square(18.3, 44.9, 0.06));
    let map = map_svg(
        Tr::default(),
        &[first, second, third],
        &[],
        &[],
        &[],
        &[],
        "",
        700,
        500,
    );
    assert!(map.contains(">FIRST</text>"), "{map}");
    assert!(!map.contains(">SECOND</text>"), "{map}");
    assert!(map.contains(">THIRD</text>"), "{map}");
    // Lands are drawn with evenodd paths, dashed when asked, released parts above them.
    let mut dashed = land(18.2, 44.8, "D");
    dashed.dashed = true;
    let released = MapPolygon {
        fill: Rgb(190, 230, 150),
        fill_opacity: 0.6,
        ..land(18.2, 44.8, "")
    };
    let map = map_svg(
        Tr::default(),
        &[dashed],
        &[released],
        &[],
        &[],
        &[],
        "",
        700,
        500,
    );
    assert!(map.contains("stroke-dasharray=\"5 3\""));
    assert!(map.contains("fill-rule=\"evenodd\""));
    let land_fill = map.find("fill=\"#ff0000\"").unwrap();
    let released_fill = map.find("fill=\"#bee696\"").unwrap();
    let land_outline = map.find("stroke=\"#c80000\" stroke-dasharray").unwrap();
    assert!(land_fill < released_fill && released_fill < land_outline);
}

#[test]
fn scale_bar_distances_are_round() {
    assert!((round_distance(1_300.0) - 1_000.0).abs() < 1e-9);
    assert!((round_distance(4_999.0) - 2_000.0).abs() < 1e-9);
    assert!((round_distance(730.0) - 500.0).abs() < 1e-9);
    assert_eq!(distance_label(Tr::default(), 500.0), "500 m");
    assert_eq!(distance_label(Tr::default(), 2_000.0), "2 km");
    assert_eq!(distance_label(Tr::default(), 2_000_000.0), "2 000 km");
}
