//! One synthetic cable: what cables.csv's eight columns hold, generated from
//! the corpus seed and the row's index alone.

use crate::calendar::{self, When};
use crate::rng::Rng;
use crate::vocab::{self, Station};
use std::fmt::Write as _;

/// The kind of telegram header a cable carries (cables.csv column 7).
///
/// ```text
/// VZCZCXRO4549 / OO RUEHRG / DE RUEHSW #0881/01 2540944 ...  -> Acp127
/// P R 281848Z DEC 66 / FM AMEMBASSY BUENOS AIRES ...         -> Acp126
/// This record is a partial extract of the original cable...  -> Partial
/// S E C R E T   STATE   00119085 / VZCZCXRO1706 ...          -> Other
/// ```
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash)]
pub enum HeaderKind {
    /// Full ACP-127 tape-relay header (about 77% of the corpus).
    Acp127,
    /// ACP-126 short header: DTG, FM, TO, INFO (about 2%).
    Acp126,
    /// The partial-extract notice instead of a header (about 20%).
    Partial,
    /// An ACP-127 header preceded by a banner line (about 1%).
    Other,
}

/// The classification a cable carries, as cables.csv column 5 writes it.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
enum Class {
    Unclassified,
    Fouo,
    Lou,
    Confidential,
    ConfidentialNoforn,
    Secret,
    SecretNoforn,
}

impl Class {
    fn column(self) -> &'static str {
        match self {
            Class::Unclassified => "UNCLASSIFIED",
            Class::Fouo => "UNCLASSIFIED//FOR OFFICIAL USE ONLY",
            Class::Lou => "LIMITED OFFICIAL USE",
            Class::Confidential => "CONFIDENTIAL",
            Class::ConfidentialNoforn => "CONFIDENTIAL//NOFORN",
            Class::Secret => "SECRET",
            Class::SecretNoforn => "SECRET//NOFORN",
        }
    }
    fn banner(self, modern: bool) -> &'static str {
        match (self, modern) {
            (Class::Unclassified | Class::Fouo, true) => "UNCLAS",
            (Class::Unclassified | Class::Fouo, false) => "UNCLASSIFIED",
            (Class::Lou, _) => "LIMITED OFFICIAL USE",
            (Class::Confidential | Class::ConfidentialNoforn, true) => "C O N F I D E N T I A L",
            (Class::Confidential | Class::ConfidentialNoforn, false) => "CONFIDENTIAL",
            (Class::Secret | Class::SecretNoforn, true) => "S E C R E T",
            (Class::Secret | Class::SecretNoforn, false) => "SECRET",
        }
    }
    fn security_line(self) -> &'static str {
        match self {
            Class::Unclassified | Class::Fouo | Class::Lou => "ZNR UUUUU ZZH",
            Class::Confidential | Class::ConfidentialNoforn => "ZNY CCCCC ZZH",
            Class::Secret | Class::SecretNoforn => "ZNY SSSSS ZZH",
        }
    }
    fn marks(self) -> &'static [&'static str] {
        match self {
            Class::Unclassified => &["U", "U", "SBU"],
            Class::Fouo => &["SBU", "SBU", "U"],
            Class::Lou => &["LOU", "U"],
            Class::Confidential => &["C", "C", "C", "U", "SBU"],
            Class::ConfidentialNoforn => &["C/NF", "C", "C/NF", "U"],
            Class::Secret => &["S", "S", "C", "U"],
            Class::SecretNoforn => &["S/NF", "S/NF", "C/NF", "S"],
        }
    }
    fn classified(self) -> bool {
        !matches!(self, Class::Unclassified | Class::Fouo | Class::Lou)
    }
}

/// Size of a whole cables.csv row: a piecewise-linear inverse CDF of a
/// log-normal (median 4.7 KB, sigma 0.85): mean about 6.9 KB, about 0.06%
/// of rows over 64 KB, none over 300 KB. Integer arithmetic only.
const ROW_SIZES: [(u64, u64); 32] = [
    (0, 310),
    (1350, 367),
    (2980, 454),
    (6210, 561),
    (12224, 694),
    (22750, 859),
    (40059, 1062),
    (66807, 1313),
    (105650, 1624),
    (158655, 2009),
    (226627, 2484),
    (308538, 3073),
    (401294, 3800),
    (500000, 4700),
    (598706, 5813),
    (691462, 7189),
    (773373, 8891),
    (841345, 10996),
    (894350, 13600),
    (933193, 16820),
    (959941, 20802),
    (977250, 25728),
    (987776, 31819),
    (993790, 39353),
    (997020, 48670),
    (998650, 60193),
    (999423, 74445),
    (999767, 92071),
    (999912, 113871),
    (999968, 140831),
    (999997, 215414),
    (1000000, 302646),
];

fn row_size(rng: &mut Rng) -> u64 {
    let u = rng.below(1_000_000);
    for pair in ROW_SIZES.windows(2) {
        if let [(p0, b0), (p1, b1)] = pair
            && u < *p1
        {
            return b0 + (b1 - b0) * (u - p0) / (p1 - p0).max(1);
        }
    }
    ROW_SIZES[ROW_SIZES.len() - 1].1
}

/// The body line width when a cable is hard-wrapped.
const WRAP: usize = 66;
/// Printed lines per page before a page header.
const PAGE_LINES: usize = 52;

/// A synthetic cable, in the shape of one cables.csv row plus what the
/// other renderings need.
///
/// ```
/// let cable = cable_gen::Generator::new(1, 100).cable(41);
/// assert_eq!(cable.row, 42);
/// assert!(cable.body.contains("SUBJECT: "));
/// ```
#[derive(Debug, Clone, Default)]
pub struct SynthCable {
    /// Row number, 1-based (column 1).
    pub row: u64,
    /// `M/D/YYYY H:MM` (column 2).
    pub date: String,
    /// Reference id: `09BERN881` (column 3).
    pub id: String,
    /// Origin display name: `Embassy Bern` (column 4).
    pub origin: String,
    /// `CONFIDENTIAL//NOFORN` (column 5).
    pub classification: String,
    /// Referenced cable ids joined by `|` (column 6).
    pub references: String,
    /// The telegram header (column 7).
    pub header: String,
    /// The telegram body as cables.csv holds it: wrapped or not, trailing
    /// spaces, page headers (column 8).
    pub body: String,
    /// Which kind of header.
    pub header_kind: Option<HeaderKind>,
    /// The body's logical lines, unwrapped, one per line, blank lines empty
    /// (what the seed rendering shows).
    pub(crate) logical: String,
    /// The subject line's text.
    pub(crate) subject: String,
    /// Created date as the HTML pages show it (`2009-12-04 12:12`, with the
    /// minutes bug of the 2010-12 build).
    pub(crate) html_created: String,
    /// `YYYY/MM` for HTML paths.
    pub(crate) year_month: String,
}

impl SynthCable {
    /// The cable's file name in a corpus of one file per cable, without
    /// extension: `cable/2009/12/09BERN881` for HTML pages (the cablegate
    /// site's paths), the id for the other renderings.
    ///
    /// ```
    /// use cable_gen::{Format, Generator};
    /// let c = Generator::new(1, 100).cable(41);
    /// assert_eq!(c.member_name(Format::Txt), c.id);
    /// assert!(c.member_name(Format::Html).starts_with("cable/"));
    /// ```
    pub fn member_name(&self, format: crate::Format) -> String {
        match format {
            crate::Format::Html => format!("cable/{}/{}", self.year_month, self.id),
            _ => self.id.clone(),
        }
    }

    /// The cable's text as cable-archive hands it to the parser for a
    /// cables.csv row: the header column, a newline, the body column.
    ///
    /// ```
    /// let c = cable_gen::Generator::new(7, 10).cable(3);
    /// let mut text = String::new();
    /// c.text_into(&mut text);
    /// assert!(text.starts_with(&c.header) && text.ends_with(&c.body));
    /// ```
    pub fn text_into(&self, out: &mut String) {
        out.clear();
        out.reserve(self.header.len() + self.body.len() + 1);
        out.push_str(&self.header);
        out.push('\n');
        out.push_str(&self.body);
    }

    /// The container metadata cable-archive attaches to the cable's
    /// cables.csv row (id, date as written, origin, classification,
    /// references; the date is left unparsed).
    pub fn container_meta(&self) -> cable_model::ContainerMeta {
        cable_model::ContainerMeta {
            kind: cable_model::ContainerKind::CablesCsv,
            id: Some(self.id.clone()),
            date_raw: Some(self.date.clone()),
            origin: Some(self.origin.clone()),
            classification: Some(self.classification.clone()),
            references: self
                .references
                .split('|')
                .filter(|r| !r.is_empty())
                .map(str::to_owned)
                .collect(),
            ..cable_model::ContainerMeta::default()
        }
    }
}

/// Generates the cables of one corpus: `count` rows under `seed`.
///
/// ```
/// let g = cable_gen::Generator::new(7, 10);
/// assert_eq!(g.cable(3).body, g.cable(3).body);
/// ```
#[derive(Debug, Clone)]
pub struct Generator {
    seed: u64,
    count: u64,
    station_weights: Vec<u32>,
}

impl Generator {
    /// A generator of `count` cables under `seed`.
    pub fn new(seed: u64, count: u64) -> Generator {
        Generator {
            seed,
            count,
            station_weights: vocab::STATIONS.iter().map(|s| s.weight).collect(),
        }
    }

    /// The number of cables in the corpus.
    pub fn count(&self) -> u64 {
        self.count
    }

    /// Cable `index` (0-based).
    pub fn cable(&self, index: u64) -> SynthCable {
        let mut c = SynthCable::default();
        self.fill(index, &mut c);
        c
    }

    /// Cable `index` (0-based) written into `c`, reusing its buffers.
    pub fn fill(&self, index: u64, c: &mut SynthCable) {
        let mut rng = Rng::for_cable(self.seed, index);
        let when = calendar::when(index, self.count);
        let station = &vocab::STATIONS[rng.weighted(&self.station_weights)];
        let mut b = Builder {
            rng,
            when,
            station,
            c,
            modern: when.year >= 1995,
            upper: when.year < 1995,
            scratch: String::new(),
        };
        b.build(index);
    }
}

struct Builder<'a> {
    rng: Rng,
    when: When,
    station: &'static Station,
    c: &'a mut SynthCable,
    modern: bool,
    upper: bool,
    scratch: String,
}

impl Builder<'_> {
    fn build(&mut self, index: u64) {
        let c = &mut *self.c;
        c.row = index + 1;
        for s in [
            &mut c.date,
            &mut c.id,
            &mut c.origin,
            &mut c.classification,
            &mut c.references,
            &mut c.header,
            &mut c.body,
            &mut c.logical,
            &mut c.subject,
            &mut c.html_created,
            &mut c.year_month,
        ] {
            s.clear();
        }
        let w = self.when;
        let yy = w.year % 100;
        let _ = write!(
            c.date,
            "{}/{}/{} {}:{:02}",
            w.month, w.day, w.year, w.hour, w.minute
        );
        // The 2010-12 site build's bug: minutes show the hour mod 12.
        let _ = write!(
            c.html_created,
            "{}-{:02}-{:02} {:02}:{:02}",
            w.year,
            w.month,
            w.day,
            w.hour,
            w.hour % 12
        );
        let _ = write!(c.year_month, "{}/{:02}", w.year, w.month);
        let serial = if self.station.code == "STATE" {
            self.rng.range(1, 199_999)
        } else {
            self.rng.range(1, 9_999)
        };
        let _ = write!(c.id, "{yy:02}{}{serial}", self.station.code);
        c.origin.push_str(self.station.origin);

        let class = self.classification();
        self.c.classification.push_str(class.column());

        let target = row_size(&mut self.rng);
        let kind = self.header_kind();
        self.c.header_kind = Some(kind);
        let sections = (target / 12_000 + 1).min(99);
        self.header(kind, class, serial, sections);

        let refs = self.references();
        self.logical_body(class, serial, sections, &refs, target);
        self.render_body(serial);
    }

    fn classification(&mut self) -> Class {
        if self.when.year < 1990 {
            match self.rng.weighted(&[45, 15, 35, 5]) {
                0 => Class::Unclassified,
                1 => Class::Lou,
                2 => Class::Confidential,
                _ => Class::Secret,
            }
        } else {
            match self.rng.weighted(&[300, 230, 386, 19, 45, 17, 3]) {
                0 => Class::Unclassified,
                1 => Class::Fouo,
                2 => Class::Confidential,
                3 => Class::ConfidentialNoforn,
                4 => Class::Secret,
                5 => Class::SecretNoforn,
                _ => Class::Lou,
            }
        }
    }

    fn header_kind(&mut self) -> HeaderKind {
        if self.when.year < 1985 {
            match self.rng.weighted(&[85, 15]) {
                0 => HeaderKind::Acp126,
                _ => HeaderKind::Partial,
            }
        } else {
            match self.rng.weighted(&[7_870, 80, 1_990, 60]) {
                0 => HeaderKind::Acp127,
                1 => HeaderKind::Acp126,
                2 => HeaderKind::Partial,
                _ => HeaderKind::Other,
            }
        }
    }

    fn dtg(&mut self, out_precedence: bool) {
        let w = self.when;
        let h = &mut self.c.header;
        if out_precedence {
            let p = *self.rng.pick(&["R", "P", "O", "P R", "O R", "R"]);
            h.push_str(p);
            h.push(' ');
        }
        let _ = write!(
            h,
            "{:02}{:02}{:02}Z {} {:02}",
            w.day,
            w.hour,
            w.minute,
            vocab::MONTHS[usize::from(w.month - 1).min(11)],
            w.year % 100
        );
        if self.rng.chance(40) {
            let signal = *self.rng.pick(&[" ZFF4", " ZDK", " ZDS"]);
            h.push_str(signal);
        }
    }

    fn header(&mut self, kind: HeaderKind, class: Class, serial: u64, sections: u64) {
        match kind {
            HeaderKind::Partial => {
                self.c.header.push_str(
                    "This record is a partial extract of the original cable. The full text of the original cable is not available.",
                );
                if self.rng.chance(500) {
                    self.c.header.push('\n');
                }
            }
            HeaderKind::Acp126 => {
                let with_precedence = self.rng.chance(950);
                self.dtg(with_precedence);
                self.c.header.push_str(" \n");
                self.addressees(false);
                if self.rng.chance(300) {
                    // Header fields sometimes lack their final newline.
                    let t = self.c.header.trim_end().len();
                    self.c.header.truncate(t);
                }
            }
            HeaderKind::Acp127 | HeaderKind::Other => {
                if kind == HeaderKind::Other {
                    let _ = writeln!(
                        self.c.header,
                        "{}   {}   {:08}",
                        class.banner(true),
                        self.station.code,
                        serial
                    );
                }
                let chan = *self
                    .rng
                    .pick(&["XRO", "XRO", "XYZ", "ADI", "BSI", "LOI", "MZI"]);
                let tid = self.rng.below(10_000);
                let _ = writeln!(self.c.header, "VZCZC{chan}{tid:04}");
                let pp = *self.rng.pick(&["PP", "OO", "RR", "RR", "PP", "ZZ"]);
                self.c.header.push_str(pp);
                for _ in 0..self.rng.range(1, 5) {
                    let s = self.rng.pick(vocab::STATIONS);
                    self.c.header.push(' ');
                    self.c.header.push_str(s.ri);
                }
                let _ = write!(
                    self.c.header,
                    "\nDE {} #{:04}",
                    self.station.ri,
                    serial % 10_000
                );
                if sections > 1 {
                    self.c.header.push_str("/01");
                }
                let _ = writeln!(
                    self.c.header,
                    " {:03}{:02}{:02}",
                    self.when.yday, self.when.hour, self.when.minute
                );
                let _ = writeln!(self.c.header, "{}", class.security_line());
                self.dtg(true);
                self.c.header.push('\n');
                self.addressees(true);
            }
        }
    }

    fn addressees(&mut self, routed: bool) {
        let from = self.station.from;
        let _ = writeln!(self.c.header, "FM {from}");
        let to_count = if self.station.code == "STATE" {
            self.rng.range(1, 12)
        } else {
            1
        };
        let info_count = match self.rng.weighted(&[30, 40, 20, 10]) {
            0 => 0,
            1 => self.rng.range(1, 4),
            2 => self.rng.range(5, 12),
            _ => self.rng.range(13, 40),
        };
        for i in 0..to_count + info_count {
            let h = &mut self.c.header;
            if i == 0 {
                h.push_str("TO ");
            } else if i == to_count {
                h.push_str("INFO ");
            }
            let (ri, name) = if self.station.code != "STATE" && i == 0 {
                ("RUEHC", "SECSTATE WASHDC")
            } else if self.rng.chance(200) {
                *self.rng.pick(vocab::COLLECTIVES)
            } else {
                let s = self.rng.pick(vocab::STATIONS);
                (s.ri, s.from)
            };
            let h = &mut self.c.header;
            if routed {
                h.push_str(ri);
                h.push('/');
            }
            h.push_str(name);
            let prec = self.rng.weighted(&[50, 35, 14, 1]);
            if i < to_count || self.rng.chance(500) {
                self.c.header.push(' ');
                self.c.header.push_str(vocab::PRECEDENCE_WORDS[prec]);
                if self.rng.chance(800) {
                    let n = self.rng.below(10_000);
                    let _ = write!(self.c.header, " {n:04}");
                }
            }
            if !routed && self.rng.chance(300) {
                self.c.header.push(' ');
            }
            self.c.header.push('\n');
        }
    }

    /// References: (text as written in the REF block, id for column 6).
    fn references(&mut self) -> Vec<(String, Option<String>)> {
        let n = self.rng.weighted(&[
            330, 200, 140, 100, 70, 50, 30, 20, 15, 10, 10, 8, 6, 5, 3, 3,
        ]);
        let mut refs = Vec::with_capacity(n);
        for _ in 0..n {
            if self.rng.chance(60) {
                let who = self.rng.pick(vocab::SURNAMES);
                let text = format!(
                    "{who} E-MAIL OF {}/{}/{:02}",
                    self.when.month,
                    self.when.day,
                    self.when.year % 100
                );
                refs.push((text, None));
                continue;
            }
            let s = self.rng.pick(vocab::STATIONS);
            let serial = if s.code == "STATE" {
                self.rng.range(1, 199_999)
            } else {
                self.rng.range(1, 9_999)
            };
            let same_year = self.rng.chance(700) || self.when.year == 1966;
            let year = if same_year {
                self.when.year
            } else {
                self.when.year - 1
            };
            let display = s.from.rsplit(' ').next().unwrap_or(s.code);
            let display = if s.code == "STATE" { "STATE" } else { display };
            let text = if same_year {
                format!("{display} {serial}")
            } else {
                format!("{:02} {display} {serial}", year % 100)
            };
            refs.push((text, Some(format!("{:02}{}{serial}", year % 100, s.code))));
        }
        refs
    }

    /// Pushes a logical line (and its newline) to the logical body.
    fn line(&mut self, text: &str) {
        self.c.logical.push_str(text);
        self.c.logical.push('\n');
    }

    fn blank(&mut self) {
        self.c.logical.push('\n');
    }

    /// A random entry of a (upper-case, mixed-case) table, in the cable's case.
    fn word(&mut self, table: &'static [(&'static str, &'static str)]) -> &'static str {
        let pair = self.rng.pick(table);
        if self.upper { pair.0 } else { pair.1 }
    }

    /// Appends one sentence to `self.scratch`.
    fn sentence(&mut self) {
        let start = self.scratch.len();
        match self.rng.weighted(&[55, 15, 15, 15]) {
            0 => {
                let a = self.word(vocab::ACTORS);
                let v = self.word(vocab::VERBS);
                let k = self.word(vocab::CLAUSES);
                let t = self.word(vocab::TOPICS);
                let o = self.word(vocab::OUTCOMES);
                for (i, p) in [a, v, k, t, o].into_iter().enumerate() {
                    if i > 0 {
                        self.scratch.push(' ');
                    }
                    self.scratch.push_str(p);
                }
                self.scratch.push('.');
            }
            1 => {
                let s = self.word(vocab::ASIDES);
                self.scratch.push_str(s);
            }
            2 => {
                let month = vocab::MONTHS[self.rng.below(12) as usize];
                let day = self.rng.range(1, 28);
                let who = self.rng.pick(vocab::SURNAMES);
                let t = self.word(vocab::TOPICS);
                if self.upper {
                    let _ = write!(
                        self.scratch,
                        "ON {month} {day}, POLOFF MET WITH {who} TO DISCUSS {t}."
                    );
                } else {
                    let _ = write!(
                        self.scratch,
                        "On {month} {day}, PolOff met with {who} to discuss {t}."
                    );
                }
            }
            _ => {
                let t = self.word(vocab::TOPICS);
                let o = self.word(vocab::OUTCOMES);
                let a = self.word(vocab::ACTORS);
                if self.upper {
                    let _ = write!(self.scratch, "IN THE VIEW OF {a}, {t} {o}.");
                } else {
                    let _ = write!(self.scratch, "In the view of {a}, {t} {o}.");
                }
            }
        }
        if let Some(first) = self.scratch.get_mut(start..start + 1) {
            first.make_ascii_uppercase();
        }
    }

    /// Fills `self.scratch` with sentences up to about `bytes`.
    fn prose(&mut self, bytes: usize) {
        let start = self.scratch.len();
        loop {
            self.sentence();
            if self.scratch.len() - start >= bytes {
                break;
            }
            self.scratch.push(' ');
        }
    }

    fn mark(&mut self, class: Class) -> Option<&'static str> {
        (self.modern && self.rng.chance(920)).then(|| *self.rng.pick(class.marks()))
    }

    fn logical_body(
        &mut self,
        class: Class,
        serial: u64,
        sections: u64,
        refs: &[(String, Option<String>)],
        target: u64,
    ) {
        // Banner.
        self.scratch.clear();
        self.scratch.push_str(class.banner(self.modern));
        if sections > 1 || !self.modern {
            let _ = write!(self.scratch, " SECTION 01 OF {sections:02}");
        }
        if self.modern {
            let _ = write!(self.scratch, " {} {serial:06}", self.station.code);
        } else {
            let _ = write!(self.scratch, " {} {serial}", self.station.code);
        }
        let banner = std::mem::take(&mut self.scratch);
        self.line(&banner);
        self.scratch = banner;
        self.blank();
        if self.modern && matches!(class, Class::ConfidentialNoforn | Class::SecretNoforn) {
            self.line("NOFORN");
        }
        if self.modern && class == Class::Fouo {
            self.line("SENSITIVE");
        }
        let sipdis = if self.when.year >= 2003 {
            self.rng.weighted(&[90, 710, 160, 30, 10])
        } else {
            0
        };
        if sipdis > 0 {
            if self.rng.chance(100) {
                self.line("SIPDIS SIPDIS");
            } else {
                self.line("SIPDIS");
            }
            self.blank();
        }
        if self.rng.chance(400) {
            let o1 = self.rng.pick(vocab::OFFICES);
            let o2 = self.rng.pick(vocab::OFFICES);
            let l = if self.station.code == "STATE" {
                let s = self.rng.pick(vocab::STATIONS).code;
                format!("{s} FOR {o1}")
            } else {
                format!("DEPT FOR {o1} AND {o2}")
            };
            self.line(&l);
            self.blank();
        }
        // E.O., TAGS, SUBJECT.
        let w = self.when;
        let eo = if w.year >= 1995 {
            if !class.classified() {
                "E.O. 12958: N/A".to_owned()
            } else if self.rng.chance(750) {
                format!(
                    "E.O. 12958: DECL: {:02}/{:02}/{}",
                    w.month,
                    w.day,
                    w.year + 10
                )
            } else {
                format!("EO 12958 DECL: {:02}/{:02}/{}", w.month, w.day, w.year + 10)
            }
        } else if w.year >= 1982 {
            "E.O. 12356: DECL: OADR".to_owned()
        } else if w.year >= 1978 {
            let who = self.rng.pick(vocab::SURNAMES);
            format!(
                "E.O. 12065: GDS {}/{}/{:02} ({who}, J.) OR-P",
                w.month,
                w.day,
                (w.year + 6) % 100
            )
        } else if w.year >= 1972 {
            "E.O. 11652: GDS".to_owned()
        } else {
            String::new()
        };
        if !eo.is_empty() {
            self.line(&eo);
        }
        let ntags = self.rng.range(2, 12) as usize;
        let comma = self.rng.chance(300);
        let mut tags = String::from("TAGS: ");
        let mut used: Vec<&str> = Vec::with_capacity(ntags);
        while used.len() + 1 < ntags {
            let t = *self.rng.pick(vocab::SUBJECT_TAGS);
            if !used.contains(&t) {
                used.push(t);
            }
        }
        used.push(self.station.geo);
        for (i, t) in used.iter().enumerate() {
            if i > 0 {
                tags.push_str(if comma { ", " } else { " " });
            }
            tags.push_str(t);
        }
        self.line(&tags);
        let lead = self.rng.pick(vocab::SUBJECT_LEADS);
        let topic = self.rng.pick(vocab::TOPICS).0;
        let mut subject = format!("{lead} {topic}");
        if self.rng.chance(350) {
            let more = self.rng.pick(vocab::TOPICS).0;
            let _ = write!(subject, " AND {more}");
        }
        if self.rng.chance(250) {
            subject.push_str(": PRESSURE MOUNTS FROM THE BUSINESS COMMUNITY");
        }
        self.c.subject.push_str(&subject);
        if self.modern && class.classified() && self.rng.chance(200) {
            let m = class.marks()[0];
            let _ = write!(subject, " ({m})");
        }
        self.line(&format!("SUBJECT: {subject}"));
        self.blank();
        // REF block.
        if !refs.is_empty() {
            let word = if refs.len() > 1 && self.rng.chance(300) {
                "REFS"
            } else {
                "REF"
            };
            for (i, (text, id)) in refs.iter().enumerate() {
                let label = char::from(b'A' + (i as u8 % 26));
                let l = match (i, refs.len()) {
                    (0, 1) => format!("{word}: {text}"),
                    (0, _) => format!("{word}: {label}. {text}"),
                    _ => format!("     {label}. {text}"),
                };
                self.line(&l);
                if let Some(id) = id {
                    if !self.c.references.is_empty() {
                        self.c.references.push('|');
                    }
                    self.c.references.push_str(id);
                }
            }
            self.blank();
        }
        if self.modern && class.classified() {
            let title = self.rng.pick(vocab::CLASSIFIER_TITLES);
            let given = self.rng.pick(vocab::GIVEN_NAMES);
            let sur = self.rng.pick(vocab::SURNAMES);
            let l = format!(
                "Classified By: {title} {given} {}{} for reasons 1.4 (b) and (d)",
                &sur[..1],
                sur[1..].to_ascii_lowercase()
            );
            self.line(&l);
            self.blank();
        }
        // Paragraphs, to fill the rest of the target size.
        let used_bytes = (self.c.header.len() + self.c.logical.len() + 120) as u64;
        let budget = (target.saturating_sub(used_bytes).max(200) * 33 / 40) as usize;
        let max_paras = (budget / 250).clamp(3, 30) as u64;
        let paras = self.rng.range(3.min(max_paras), max_paras.min(30)).max(3) as usize;
        let per = (budget / paras).max(60);
        for n in 1..=paras {
            let size = per / 2 + self.rng.below(per as u64) as usize;
            self.paragraph(class, n, paras, size, sipdis > 1 && n == 2);
        }
        let signer = *self.rng.pick(vocab::SURNAMES);
        self.line(signer);
        if self.rng.chance(20) {
            self.blank();
            self.line("NNNN");
        }
    }

    fn paragraph(&mut self, class: Class, n: usize, total: usize, size: usize, sipdis: bool) {
        if self.rng.chance(40) {
            let h = self.rng.pick(vocab::HEADINGS);
            let l = if self.rng.chance(500) {
                format!("-------- {h} --------")
            } else {
                format!("{h}\n{}", "-".repeat(h.len()))
            };
            self.line(&l);
            self.blank();
        }
        self.scratch.clear();
        let _ = write!(self.scratch, "{n}. ");
        if let Some(m) = self.mark(class) {
            let _ = write!(self.scratch, "({m}) ");
        }
        let summary = n == 1 && self.rng.chance(400);
        let comment = n == total && n > 2 && self.rng.chance(350);
        let (open, close) = match (summary, comment, self.upper) {
            (true, _, false) => ("Summary: ", " End Summary."),
            (true, _, true) => ("SUMMARY: ", " END SUMMARY."),
            (false, true, false) => ("Comment: ", " End Comment."),
            (false, true, true) => ("COMMENT: ", " END COMMENT."),
            _ => ("", ""),
        };
        self.scratch.push_str(open);
        let extras = self.rng.weighted(&[70, 12, 8, 6, 4]);
        let main = match extras {
            0 => size,
            _ => size / 2,
        };
        self.prose(main);
        if self.rng.chance(60) {
            let note = if self.upper { " (NOTE: " } else { " (Note: " };
            self.scratch.push_str(note);
            self.prose(80);
            self.scratch.push_str(if self.upper {
                " END NOTE.)"
            } else {
                " End Note.)"
            });
        }
        self.scratch.push_str(close);
        let text = std::mem::take(&mut self.scratch);
        self.line(&text);
        self.scratch = text;
        self.blank();
        if sipdis {
            self.line("SIPDIS");
            self.blank();
        }
        let rest = size - main;
        match extras {
            1 => {
                let items = self.rng.range(2, 6) as usize;
                let bullet = *self.rng.pick(&["--", "-- ", "- "]);
                for _ in 0..items {
                    self.scratch.clear();
                    self.scratch.push_str(bullet);
                    self.prose(rest / items);
                    let t = std::mem::take(&mut self.scratch);
                    self.line(&t);
                    self.scratch = t;
                    if self.rng.chance(500) {
                        self.blank();
                    }
                }
                self.blank();
            }
            2 => {
                let items = self.rng.range(2, 5) as usize;
                for i in 0..items {
                    self.scratch.clear();
                    let _ = write!(self.scratch, "{}. ", char::from(b'A' + i as u8));
                    if let Some(m) = self.mark(class) {
                        let _ = write!(self.scratch, "({m}) ");
                    }
                    self.prose(rest / items);
                    let t = std::mem::take(&mut self.scratch);
                    self.line(&t);
                    self.scratch = t;
                    self.blank();
                }
            }
            3 => {
                let what = *self.rng.pick(&["TEXT", "TALKING POINTS", "QUOTE"]);
                self.line(&format!("BEGIN {what}:"));
                self.blank();
                self.scratch.clear();
                self.prose(rest);
                let t = std::mem::take(&mut self.scratch);
                self.line(&t);
                self.scratch = t;
                self.blank();
                self.line(&format!("END {what}."));
                self.blank();
            }
            4 => {
                self.scratch.clear();
                self.scratch
                    .push_str(if self.upper { "NOTE: " } else { "Note: " });
                self.prose(rest);
                self.scratch.push_str(if self.upper {
                    " END NOTE."
                } else {
                    " End Note."
                });
                let t = std::mem::take(&mut self.scratch);
                self.line(&t);
                self.scratch = t;
                self.blank();
            }
            _ => {}
        }
    }

    /// Renders the logical body as the telegram body: wrapped (most modern
    /// cables) or one line per paragraph, trailing spaces, page headers.
    fn render_body(&mut self, serial: u64) {
        if self.upper {
            self.c.logical.make_ascii_uppercase();
        }
        let wrap = self.rng.chance(if self.modern { 650 } else { 150 });
        let trailing = self.rng.chance(900);
        let eol = if trailing { " \n" } else { "\n" };
        let mut lines: Vec<(usize, usize)> = Vec::with_capacity(self.c.logical.len() / 40);
        let logical = self.c.logical.as_str();
        let mut pos = 0;
        for l in logical.split_inclusive('\n') {
            let text = l.strip_suffix('\n').unwrap_or(l);
            let start = pos;
            pos += l.len();
            if !wrap || text.len() <= WRAP {
                lines.push((start, start + text.len()));
                continue;
            }
            let mut s = 0;
            while text.len() - s > WRAP {
                let window = &text.as_bytes()[s..s + WRAP + 1];
                let cut = window.iter().rposition(|&b| b == b' ').filter(|&i| i > 0);
                match cut {
                    Some(i) => {
                        lines.push((start + s, start + s + i));
                        s += i + 1;
                    }
                    None => break,
                }
            }
            lines.push((start + s, start + text.len()));
        }
        let pages = if wrap {
            lines.len().div_ceil(PAGE_LINES).max(1)
        } else {
            1
        };
        let body = &mut self.c.body;
        body.reserve(logical.len() + lines.len() + pages * 40);
        for (i, &(a, b)) in lines.iter().enumerate() {
            if wrap && i > 0 && i % PAGE_LINES == 0 {
                let page = i / PAGE_LINES + 1;
                let _ = write!(
                    body,
                    "{eol}{} {serial:08}  {page:03} OF {pages:03}{eol}{eol}{eol}",
                    self.station.code
                );
            }
            let text = &logical[a..b];
            body.push_str(text);
            body.push_str(if text.is_empty() && trailing {
                " \n"
            } else {
                eol
            });
        }
    }
}
