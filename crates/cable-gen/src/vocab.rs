//! The generator's vocabulary: stations, offices, people, tags and the
//! words sentences are built from. All of it was written for this crate;
//! routing indicators and serials are invented, TAGS codes are the public
//! category codes.

/// A post that sends cables.
#[derive(Debug, Clone, Copy)]
pub(crate) struct Station {
    /// The station as written in a reference id and a banner: `BERN`.
    pub(crate) code: &'static str,
    /// Routing indicator on the `DE` line: `RUEHSW` (invented).
    pub(crate) ri: &'static str,
    /// Plain-language originator: `AMEMBASSY BERN`.
    pub(crate) from: &'static str,
    /// The origin column of cables.csv: `Embassy Bern`.
    pub(crate) origin: &'static str,
    /// Two-letter geographic tag.
    pub(crate) geo: &'static str,
    /// Relative volume of traffic.
    pub(crate) weight: u32,
}

macro_rules! stations {
    ($( $code:literal $ri:literal $from:literal $origin:literal $geo:literal $w:literal ;)*) => {
        &[$( Station { code: $code, ri: $ri, from: $from, origin: $origin, geo: $geo, weight: $w } ),*]
    };
}

/// The posts, weighted roughly like Cablegate's volume (the Department,
/// then large embassies, then everyone else).
pub(crate) const STATIONS: &[Station] = stations! {
    "STATE" "RUEHC" "SECSTATE WASHDC" "Secretary of State" "US" 300;
    "BAGHDAD" "RUEHGB" "AMEMBASSY BAGHDAD" "Embassy Baghdad" "IZ" 60;
    "ANKARA" "RUEHAK" "AMEMBASSY ANKARA" "Embassy Ankara" "TU" 30;
    "TOKYO" "RUEHKO" "AMEMBASSY TOKYO" "Embassy Tokyo" "JA" 40;
    "BEIJING" "RUEHBJ" "AMEMBASSY BEIJING" "Embassy Beijing" "CH" 35;
    "KABUL" "RUEHBUL" "AMEMBASSY KABUL" "Embassy Kabul" "AF" 25;
    "CAIRO" "RUEHEG" "AMEMBASSY CAIRO" "Embassy Cairo" "EG" 25;
    "MOSCOW" "RUEHMO" "AMEMBASSY MOSCOW" "Embassy Moscow" "RS" 25;
    "PARIS" "RUEHFR" "AMEMBASSY PARIS" "Embassy Paris" "FR" 20;
    "LONDON" "RUEHLO" "AMEMBASSY LONDON" "Embassy London" "UK" 20;
    "BERLIN" "RUEHRL" "AMEMBASSY BERLIN" "Embassy Berlin" "GM" 18;
    "MADRID" "RUEHMD" "AMEMBASSY MADRID" "Embassy Madrid" "SP" 15;
    "ROME" "RUEHRO" "AMEMBASSY ROME" "Embassy Rome" "IT" 15;
    "BERN" "RUEHSW" "AMEMBASSY BERN" "Embassy Bern" "SZ" 8;
    "VIENNA" "RUEHVI" "AMEMBASSY VIENNA" "Embassy Vienna" "AU" 10;
    "BRASILIA" "RUEHBR" "AMEMBASSY BRASILIA" "Embassy Brasilia" "BR" 14;
    "CARACAS" "RUEHCV" "AMEMBASSY CARACAS" "Embassy Caracas" "VE" 15;
    "BOGOTA" "RUEHBO" "AMEMBASSY BOGOTA" "Embassy Bogota" "CO" 14;
    "LIMA" "RUEHPE" "AMEMBASSY LIMA" "Embassy Lima" "PE" 10;
    "MEXICO" "RUEHME" "AMEMBASSY MEXICO" "Embassy Mexico" "MX" 14;
    "OTTAWA" "RUEHOT" "AMEMBASSY OTTAWA" "Embassy Ottawa" "CA" 10;
    "SEOUL" "RUEHUL" "AMEMBASSY SEOUL" "Embassy Seoul" "KS" 16;
    "MANILA" "RUEHML" "AMEMBASSY MANILA" "Embassy Manila" "RP" 10;
    "JAKARTA" "RUEHJA" "AMEMBASSY JAKARTA" "Embassy Jakarta" "ID" 11;
    "BANGKOK" "RUEHBK" "AMEMBASSY BANGKOK" "Embassy Bangkok" "TH" 12;
    "NEWDELHI" "RUEHNE" "AMEMBASSY NEW DELHI" "Embassy New Delhi" "IN" 12;
    "ISLAMABAD" "RUEHIL" "AMEMBASSY ISLAMABAD" "Embassy Islamabad" "PK" 14;
    "TELAVIV" "RUEHTV" "AMEMBASSY TEL AVIV" "Embassy Tel Aviv" "IS" 13;
    "AMMAN" "RUEHAM" "AMEMBASSY AMMAN" "Embassy Amman" "JO" 12;
    "RIYADH" "RUEHRH" "AMEMBASSY RIYADH" "Embassy Riyadh" "SA" 9;
    "KUWAIT" "RUEHKU" "AMEMBASSY KUWAIT" "Embassy Kuwait" "KU" 9;
    "DAMASCUS" "RUEHDM" "AMEMBASSY DAMASCUS" "Embassy Damascus" "SY" 6;
    "BEIRUT" "RUEHLB" "AMEMBASSY BEIRUT" "Embassy Beirut" "LE" 8;
    "TRIPOLI" "RUEHTRO" "AMEMBASSY TRIPOLI" "Embassy Tripoli" "LY" 4;
    "TUNIS" "RUEHTU" "AMEMBASSY TUNIS" "Embassy Tunis" "TS" 5;
    "RABAT" "RUEHRB" "AMEMBASSY RABAT" "Embassy Rabat" "MO" 6;
    "NAIROBI" "RUEHNR" "AMEMBASSY NAIROBI" "Embassy Nairobi" "KE" 8;
    "PRETORIA" "RUEHSA" "AMEMBASSY PRETORIA" "Embassy Pretoria" "SF" 8;
    "HARARE" "RUEHSB" "AMEMBASSY HARARE" "Embassy Harare" "ZI" 6;
    "ABUJA" "RUEHUJA" "AMEMBASSY ABUJA" "Embassy Abuja" "NI" 6;
    "KHARTOUM" "RUEHKH" "AMEMBASSY KHARTOUM" "Embassy Khartoum" "SU" 6;
    "ADDISABABA" "RUEHDS" "AMEMBASSY ADDIS ABABA" "Embassy Addis Ababa" "ET" 6;
    "TBILISI" "RUEHSI" "AMEMBASSY TBILISI" "Embassy Tbilisi" "GG" 5;
    "ASTANA" "RUEHTA" "AMEMBASSY ASTANA" "Embassy Astana" "KZ" 4;
    "BISHKEK" "RUEHEK" "AMEMBASSY BISHKEK" "Embassy Bishkek" "KG" 3;
    "HAVANA" "RUEHUB" "USINT HAVANA" "US Interests Section Havana" "CU" 5;
    "BUENOSAIRES" "RUEHBU" "AMEMBASSY BUENOS AIRES" "Embassy Buenos Aires" "AR" 9;
    "SANTIAGO" "RUEHSG" "AMEMBASSY SANTIAGO" "Embassy Santiago" "CI" 6;
    "ISTANBUL" "RUEHIT" "AMCONSUL ISTANBUL" "Consulate Istanbul" "TU" 6;
    "SHANGHAI" "RUEHGH" "AMCONSUL SHANGHAI" "Consulate Shanghai" "CH" 6;
    "MUMBAI" "RUEHBI" "AMCONSUL MUMBAI" "Consulate Mumbai" "IN" 4;
    "JERUSALEM" "RUEHJM" "AMCONSUL JERUSALEM" "Consulate Jerusalem" "IS" 6;
    "USNATO" "RUEHNO" "USMISSION USNATO" "Mission USNATO" "NATO" 8;
    "USUN" "RUCNDT" "USMISSION USUN NEW YORK" "Mission USUN New York" "UNSC" 9;
    "UNVIEGENEVA" "RUEHGV" "USMISSION GENEVA" "Mission Geneva" "UN" 7;
    "BRUSSELS" "RUEHBS" "USEU BRUSSELS" "USEU Brussels" "EUN" 7;
    "THEHAGUE" "RUEHTC" "AMEMBASSY THE HAGUE" "Embassy The Hague" "NL" 8;
    "COPENHAGEN" "RUEHCP" "AMEMBASSY COPENHAGEN" "Embassy Copenhagen" "DA" 4;
    "STOCKHOLM" "RUEHSM" "AMEMBASSY STOCKHOLM" "Embassy Stockholm" "SW" 4;
    "OSLO" "RUEHNY" "AMEMBASSY OSLO" "Embassy Oslo" "NO" 4;
    "WARSAW" "RUEHWR" "AMEMBASSY WARSAW" "Embassy Warsaw" "PL" 5;
    "ATHENS" "RUEHTH" "AMEMBASSY ATHENS" "Embassy Athens" "GR" 7;
    "TEHRAN" "RUQMHR" "AMEMBASSY TEHRAN" "Embassy Tehran" "IR" 2;
    "KYIV" "RUEHKV" "AMEMBASSY KYIV" "Embassy Kyiv" "UP" 6;
};

/// Collective and agency addressees for `INFO` lines: (routing indicator, name).
pub(crate) const COLLECTIVES: &[(&str, &str)] = &[
    ("RUCNMEU", "EU MEMBER STATES COLLECTIVE"),
    ("RUCNARF", "ASEAN REGIONAL FORUM COLLECTIVE"),
    ("RUCNAFR", "AFRICAN UNION MEMBER STATES COLLECTIVE"),
    ("RUCNWHA", "WESTERN HEMISPHERIC AFFAIRS DIPL POSTS"),
    ("RUCNNEA", "ARAB LEAGUE COLLECTIVE"),
    ("RUCNSCA", "SOUTH AND CENTRAL ASIA COLLECTIVE"),
    ("RHEHNSC", "NSC WASHDC"),
    ("RUEKJCS", "SECDEF WASHDC"),
    ("RUEKJCS", "JOINT STAFF WASHDC"),
    ("RUEAIIA", "CIA WASHDC"),
    ("RHEFDIA", "DIA WASHDC"),
    ("RUEATRS", "DEPT OF TREASURY WASHINGTON DC"),
    ("RUCPDOC", "USDOC WASHDC"),
    ("RHMFISS", "HQ USEUCOM VAIHINGEN GE"),
    ("RHMFIUU", "HQ USCENTCOM MACDILL AFB FL"),
    ("RUEHZL", "EUROPEAN POLITICAL COLLECTIVE"),
];

/// Precedence words for addressee lines, weighted by index: routine and
/// priority dominate.
pub(crate) const PRECEDENCE_WORDS: &[&str] = &["ROUTINE", "PRIORITY", "IMMEDIATE", "FLASH"];

/// Surnames for signers, officials and classifiers (invented or common).
pub(crate) const SURNAMES: &[&str] = &[
    "ABERNATHY",
    "BALDRIDGE",
    "CALLOWAY",
    "DANFORTH",
    "ELLSWORTH",
    "FAIRBANKS",
    "GALLOWAY",
    "HARTWELL",
    "INGRAM",
    "JESSUP",
    "KENDRICK",
    "LANGSTON",
    "MARLOWE",
    "NORCROSS",
    "OSGOOD",
    "PEMBERTON",
    "QUINLAN",
    "RADCLIFFE",
    "SOMERVILLE",
    "THORNBURY",
    "UNDERHILL",
    "VANCEBURG",
    "WHITCOMB",
    "YARBOROUGH",
    "ASHCROFT",
    "BRADDOCK",
    "CROMWELL",
    "DUNMORE",
    "EVERLY",
    "FENWICK",
    "GRISWOLD",
    "HOLLISTER",
    "IVERSEN",
    "JAMISON",
    "KILGORE",
    "LOCKHART",
    "MERRIWEATHER",
    "NETHERCOTT",
    "OAKLEY",
    "PRESCOTT",
    "ROWLAND",
    "STANHOPE",
    "TALBOT",
    "VAUGHAN",
    "WETHERBY",
    "ALDRIDGE",
    "BRIGHTWATER",
    "COLDWELL",
    "DRUMMOND",
    "ESTERBROOK",
];

/// Given names for the `Classified By:` line.
pub(crate) const GIVEN_NAMES: &[&str] = &[
    "Alice", "Bernard", "Carol", "Daniel", "Evelyn", "Frank", "Grace", "Harold", "Irene", "James",
    "Karen", "Louis", "Margaret", "Nathan", "Olivia", "Peter", "Ruth", "Samuel", "Teresa",
    "Victor", "Walter", "Yvonne",
];

/// Titles for the `Classified By:` line.
pub(crate) const CLASSIFIER_TITLES: &[&str] = &[
    "Ambassador",
    "Charge d'Affaires",
    "Deputy Chief of Mission",
    "Political Counselor",
    "Economic Counselor",
    "Acting DCM",
    "Consul General",
    "PolOff",
    "A/S",
    "Political-Military Officer",
];

/// Offices for `DEPT FOR ...` and `... FOR ...` lines.
pub(crate) const OFFICES: &[&str] = &[
    "EUR/WE", "EUR/CE", "EUR/RUS", "NEA/I", "NEA/ELA", "SCA/A", "SCA/CEN", "EAP/CM", "EAP/J",
    "WHA/AND", "WHA/BSC", "AF/E", "AF/S", "ISN/MTR", "EEB/ESC", "DRL/AWH", "INR/B", "PM/RSAT",
    "OES/PCI", "CA/VO",
];

/// Subject TAGS (public category codes).
pub(crate) const SUBJECT_TAGS: &[&str] = &[
    "PREL", "PGOV", "ECON", "ETRD", "PHUM", "PTER", "MARR", "MOPS", "KDEM", "SNAR", "EAID", "EFIN",
    "ENRG", "EPET", "KNNP", "PARM", "MNUC", "KCRM", "ASEC", "CVIS", "PINR", "SOCI", "ELAB", "EINV",
    "EAGR", "SENV", "KJUS", "KTIP", "PINS", "OVIP", "KPAO", "MASS", "PBTS", "EWWT", "ECIN", "KISL",
    "KWMN", "TBIO", "KFLU", "AMGT", "APER", "KSCA", "TSPA", "ETTC",
];

/// Topics for subjects and sentences: (upper-case phrase, mixed-case phrase).
pub(crate) const TOPICS: &[(&str, &str)] = &[
    ("ELECTORAL REFORM", "electoral reform"),
    ("ENERGY SECURITY", "energy security"),
    ("BORDER CONTROLS", "border controls"),
    ("THE BUDGET DEBATE", "the budget debate"),
    (
        "COUNTERNARCOTICS COOPERATION",
        "counternarcotics cooperation",
    ),
    ("REFUGEE RETURNS", "refugee returns"),
    ("THE PORT CONCESSION", "the port concession"),
    ("EXPORT CONTROLS", "export controls"),
    ("JUDICIAL INDEPENDENCE", "judicial independence"),
    ("PRESS FREEDOM", "press freedom"),
    ("THE PIPELINE PROJECT", "the pipeline project"),
    ("MILITARY TRAINING", "military training"),
    ("TRADE TALKS", "the trade talks"),
    ("WATER SHARING", "water sharing"),
    (
        "AVIAN INFLUENZA PREPAREDNESS",
        "avian influenza preparedness",
    ),
    ("THE COALITION AGREEMENT", "the coalition agreement"),
    ("MINORITY RIGHTS", "minority rights"),
    ("CUSTOMS MODERNIZATION", "customs modernization"),
    ("THE DEBT RESCHEDULING", "the debt rescheduling"),
    ("PEACEKEEPING CONTRIBUTIONS", "peacekeeping contributions"),
    ("VISA FACILITATION", "visa facilitation"),
    ("ANTI-CORRUPTION EFFORTS", "anti-corruption efforts"),
    ("FISHERIES ENFORCEMENT", "fisheries enforcement"),
    ("THE NUCLEAR FUEL OFFER", "the nuclear fuel offer"),
];

/// Who does something in a sentence: (upper, mixed).
pub(crate) const ACTORS: &[(&str, &str)] = &[
    ("THE FOREIGN MINISTER", "the Foreign Minister"),
    ("THE PRIME MINISTER", "the Prime Minister"),
    ("THE AMBASSADOR", "the Ambassador"),
    ("OUR CONTACTS", "our contacts"),
    ("THE OPPOSITION LEADER", "the opposition leader"),
    ("THE DEPUTY MINISTER", "the Deputy Minister"),
    ("SENIOR OFFICIALS", "senior officials"),
    ("THE GOVERNOR", "the Governor"),
    ("PARTY INSIDERS", "party insiders"),
    ("THE CENTRAL BANK", "the Central Bank"),
    ("THE DELEGATION", "the delegation"),
    ("POLOFF", "PolOff"),
    ("ECONOFF", "EconOff"),
    ("THE DCM", "the DCM"),
    ("MINISTRY STAFF", "Ministry staff"),
    ("THE PRESIDENT'S ADVISER", "the President's adviser"),
    ("BUSINESS LEADERS", "business leaders"),
    ("NGO REPRESENTATIVES", "NGO representatives"),
];

/// Verb phrases: (upper, mixed).
pub(crate) const VERBS: &[(&str, &str)] = &[
    ("TOLD US THAT", "told us that"),
    ("SAID", "said"),
    ("ARGUED THAT", "argued that"),
    ("EXPRESSED CONCERN THAT", "expressed concern that"),
    ("CONFIRMED THAT", "confirmed that"),
    ("DOUBTED THAT", "doubted that"),
    ("PREDICTED THAT", "predicted that"),
    ("ACKNOWLEDGED THAT", "acknowledged that"),
    ("INSISTED THAT", "insisted that"),
    ("REPORTED THAT", "reported that"),
];

/// Clauses that complete a sentence: (upper, mixed).
pub(crate) const CLAUSES: &[(&str, &str)] = &[
    ("PROGRESS ON", "progress on"),
    ("A DECISION ON", "a decision on"),
    ("PUBLIC SUPPORT FOR", "public support for"),
    ("THE CABINET'S POSITION ON", "the Cabinet's position on"),
    ("FUNDING FOR", "funding for"),
    ("THE TIMETABLE FOR", "the timetable for"),
    ("PARLIAMENTARY APPROVAL OF", "parliamentary approval of"),
    ("REGIONAL COOPERATION ON", "regional cooperation on"),
    ("A COMPROMISE ON", "a compromise on"),
];

/// Endings of a sentence: (upper, mixed).
pub(crate) const OUTCOMES: &[(&str, &str)] = &[
    (
        "WOULD SLIP UNTIL AFTER THE ELECTIONS",
        "would slip until after the elections",
    ),
    (
        "REMAINED LIKELY BEFORE THE END OF THE YEAR",
        "remained likely before the end of the year",
    ),
    (
        "DEPENDED ON THE WASHINGTON VISIT",
        "depended on the Washington visit",
    ),
    ("WAS NOT RPT NOT IN DOUBT", "was not in doubt"),
    ("HAD STALLED IN COMMITTEE", "had stalled in committee"),
    ("WOULD REQUIRE DONOR SUPPORT", "would require donor support"),
    ("COULD UNRAVEL QUICKLY", "could unravel quickly"),
    (
        "WAS MOVING FASTER THAN EXPECTED",
        "was moving faster than expected",
    ),
    (
        "WOULD BE DISCUSSED AT THE NEXT ROUND",
        "would be discussed at the next round",
    ),
];

/// Short free-standing sentences, some with quotes and apostrophes (which
/// cables.csv escapes): (upper, mixed).
pub(crate) const ASIDES: &[(&str, &str)] = &[
    (
        "HE DESCRIBED THE TALKS AS \"FRANK BUT USEFUL.\"",
        "He described the talks as \"frank but useful.\"",
    ),
    (
        "THE MINISTRY'S STATEMENT WAS CAREFULLY WORDED.",
        "The Ministry's statement was carefully worded.",
    ),
    (
        "WE WILL CONTINUE TO FOLLOW THIS CLOSELY.",
        "We will continue to follow this closely.",
    ),
    ("SHE DID NOT ELABORATE.", "She did not elaborate."),
    (
        "THE GOVERNMENT'S CRITICS CALLED IT \"A HALF MEASURE.\"",
        "The government's critics called it \"a half measure.\"",
    ),
    ("(PROTECT)", "(protect)"),
    (
        "THIS VIEW IS WIDELY SHARED IN THE CAPITAL.",
        "This view is widely shared in the capital.",
    ),
    ("NO DATE HAS BEEN SET.", "No date has been set."),
    (
        "POST'S ASSESSMENT IS UNCHANGED.",
        "Post's assessment is unchanged.",
    ),
];

/// Subject-line lead words.
pub(crate) const SUBJECT_LEADS: &[&str] = &[
    "SCENESETTER FOR",
    "READOUT OF TALKS ON",
    "DEMARCHE ON",
    "UPDATE ON",
    "CONCERNS OVER",
    "NEXT STEPS ON",
    "MINISTER DISCUSSES",
    "OPPOSITION CRITICIZES",
    "PROSPECTS FOR",
    "REQUEST FOR GUIDANCE ON",
];

/// Headings for heading blocks and `BEGIN X` notes.
pub(crate) const HEADINGS: &[&str] = &[
    "BACKGROUND",
    "COMMENT",
    "NEXT STEPS",
    "TALKING POINTS",
    "ASSESSMENT",
    "ECONOMIC OUTLOOK",
    "THE VIEW FROM PARLIAMENT",
];

/// Month abbreviations of a DTG.
pub(crate) const MONTHS: &[&str] = &[
    "JAN", "FEB", "MAR", "APR", "MAY", "JUN", "JUL", "AUG", "SEP", "OCT", "NOV", "DEC",
];
