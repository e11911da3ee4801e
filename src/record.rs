//! The records the extractor returns, serialised as described in
//! `docs/schema.md`.

use std::fmt;
use std::str::FromStr;

use serde::{Deserialize, Serialize};

/// What kind of leadership change a [`Record`] describes.
///
/// Kinds fall into three groups: start (appointment, promotion, hire), end
/// (resignation, retirement, dismissal, departure) and reporting. More
/// kinds may come, so a `match` on a kind needs a `_` arm.
///
/// A kind reads from and prints as its JSON name:
///
/// ```
/// use newsextract::Kind;
/// let kind: Kind = "reporting_change".parse()?;
/// assert_eq!(kind, Kind::ReportingChange);
/// assert_eq!(kind.to_string(), "reporting_change");
/// assert!("promoted".parse::<Kind>().is_err());
/// # Ok::<(), newsextract::ParseNameError>(())
/// ```
#[derive(Clone, Copy, Debug, PartialEq, Eq, Hash, Serialize, Deserialize)]
#[serde(rename_all = "snake_case")]
#[non_exhaustive]
pub enum Kind {
    /// Named to a role ("was appointed CEO").
    Appointment,
    /// Moved up inside the same organisation ("was promoted to COO").
    Promotion,
    /// Joined from outside ("hired X from Y", "joined Acme as CFO").
    Hire,
    /// Left of their own accord ("resigned", "stepped down").
    Resignation,
    /// Retired.
    Retirement,
    /// Removed ("fired", "ousted", "dismissed").
    Dismissal,
    /// Left, reason not stated ("left the company", "is leaving").
    Departure,
    /// Now reports to someone else.
    ReportingChange,
}

impl Kind {
    /// The kind's group: [`Group::Start`], [`Group::End`] or [`Group::Reporting`].
    ///
    /// ```
    /// use newsextract::{Group, Kind};
    /// assert_eq!(Kind::Promotion.group(), Group::Start);
    /// assert_eq!(Kind::Retirement.group(), Group::End);
    /// ```
    pub fn group(self) -> Group {
        match self {
            Kind::Appointment | Kind::Promotion | Kind::Hire => Group::Start,
            Kind::Resignation | Kind::Retirement | Kind::Dismissal | Kind::Departure => Group::End,
            Kind::ReportingChange => Group::Reporting,
        }
    }

    /// The snake_case name used in JSON ("reporting_change").
    pub fn as_str(self) -> &'static str {
        match self {
            Kind::Appointment => "appointment",
            Kind::Promotion => "promotion",
            Kind::Hire => "hire",
            Kind::Resignation => "resignation",
            Kind::Retirement => "retirement",
            Kind::Dismissal => "dismissal",
            Kind::Departure => "departure",
            Kind::ReportingChange => "reporting_change",
        }
    }

    /// Every kind, in the order of the enum.
    pub const ALL: &'static [Kind] = &[
        Kind::Appointment,
        Kind::Promotion,
        Kind::Hire,
        Kind::Resignation,
        Kind::Retirement,
        Kind::Dismissal,
        Kind::Departure,
        Kind::ReportingChange,
    ];

    /// Parses a JSON kind name; `None` for an unknown name (`str::parse`
    /// says which names are known).
    ///
    /// ```
    /// assert_eq!(newsextract::Kind::parse("hire"), Some(newsextract::Kind::Hire));
    /// ```
    pub fn parse(name: &str) -> Option<Kind> {
        Some(match name {
            "appointment" => Kind::Appointment,
            "promotion" => Kind::Promotion,
            "hire" => Kind::Hire,
            "resignation" => Kind::Resignation,
            "retirement" => Kind::Retirement,
            "dismissal" => Kind::Dismissal,
            "departure" => Kind::Departure,
            "reporting_change" => Kind::ReportingChange,
            _ => return None,
        })
    }
}

impl fmt::Display for Kind {
    /// The JSON name, as [`Kind::as_str`] gives it.
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.write_str(self.as_str())
    }
}

impl FromStr for Kind {
    type Err = ParseNameError;

    /// Reads a JSON kind name (`"hire"`, `"reporting_change"`); exact,
    /// lower case.
    fn from_str(s: &str) -> Result<Kind, ParseNameError> {
        Kind::parse(s)
            .ok_or_else(|| ParseNameError::new("kind", s, Kind::ALL.iter().map(|k| k.as_str())))
    }
}

/// Why a [`Kind`] or [`Status`] could not be read from a name.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct ParseNameError {
    what: &'static str,
    input: String,
    known: Vec<&'static str>,
}

impl ParseNameError {
    fn new(what: &'static str, input: &str, known: impl IntoIterator<Item = &'static str>) -> Self {
        Self {
            what,
            input: input.to_owned(),
            known: known.into_iter().collect(),
        }
    }
}

impl fmt::Display for ParseNameError {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        write!(
            f,
            "unknown {} {:?} (expected one of: {})",
            self.what,
            self.input,
            self.known.join(", ")
        )
    }
}

impl std::error::Error for ParseNameError {}

/// The three groups of [`Kind`]s that the scorer compares. More groups may
/// come, so a `match` on a group needs a `_` arm.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Hash, Serialize, Deserialize)]
#[serde(rename_all = "snake_case")]
#[non_exhaustive]
pub enum Group {
    /// Someone starts a role.
    Start,
    /// Someone leaves a role.
    End,
    /// Someone's reporting line changes.
    Reporting,
}

/// A position: a title and the organisation or unit it belongs to.
#[derive(Clone, Debug, Default, PartialEq, Eq, Hash, Serialize, Deserialize)]
pub struct Role {
    /// The title as written, without determiners ("senior VP").
    pub title: Option<String>,
    /// The organisation or unit the title belongs to.
    pub org: Option<String>,
}

/// A byte range `[start, end)` into the article text.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Hash, PartialOrd, Ord, Serialize, Deserialize)]
pub struct Span {
    /// First byte.
    pub start: usize,
    /// One past the last byte.
    pub end: usize,
}

/// Whether a change has happened or is announced for later.
///
/// ```
/// use newsextract::Status;
/// assert_eq!("announced".parse::<Status>()?, Status::Announced);
/// assert_eq!(Status::Completed.to_string(), "completed");
/// # Ok::<(), newsextract::ParseNameError>(())
/// ```
#[derive(Clone, Copy, Debug, PartialEq, Eq, Hash, Serialize, Deserialize)]
#[serde(rename_all = "snake_case")]
pub enum Status {
    /// The text reports the change as done ("resigned", "was named").
    Completed,
    /// The text announces it for the future ("will step down", "is to retire").
    Announced,
}

impl Status {
    /// The JSON name: `"completed"` or `"announced"`.
    pub fn as_str(self) -> &'static str {
        match self {
            Status::Completed => "completed",
            Status::Announced => "announced",
        }
    }
}

impl fmt::Display for Status {
    /// The JSON name, as [`Status::as_str`] gives it.
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.write_str(self.as_str())
    }
}

impl FromStr for Status {
    type Err = ParseNameError;

    /// Reads `"completed"` or `"announced"`.
    fn from_str(s: &str) -> Result<Status, ParseNameError> {
        match s {
            "completed" => Ok(Status::Completed),
            "announced" => Ok(Status::Announced),
            _ => Err(ParseNameError::new(
                "status",
                s,
                [Status::Completed.as_str(), Status::Announced.as_str()],
            )),
        }
    }
}

/// The status a record read without one gets: completed.
fn completed() -> Status {
    Status::Completed
}

/// One leadership change of one person.
///
/// Serialises to the record object of `docs/schema.md`; the extra fields
/// `status` and `rules` say whether the change is done or announced and
/// which rules built the record. It also reads the schema's minimal form,
/// in which `evidence`, `status` and `rules` may be absent (they become
/// empty, [`Status::Completed`] and empty), as may every `Option` field:
///
/// ```
/// let r: newsextract::Record =
///     serde_json::from_str(r#"{"kind": "hire", "person": "Jane Roe"}"#)?;
/// assert_eq!(r.person.as_deref(), Some("Jane Roe"));
/// assert!(r.evidence.is_empty() && r.rules.is_empty());
/// # Ok::<(), serde_json::Error>(())
/// ```
///
/// Unlike [`Kind`] and [`Extraction`](crate::Extraction), `Record` is not
/// `#[non_exhaustive]`: it mirrors the record schema field for field, and
/// users build records with struct literals (gold records for
/// the `eval` module, test expectations). A new field would be a
/// change of the schema, made in a new minor version (0.x) of the crate.
#[derive(Clone, Debug, PartialEq, Eq, Serialize, Deserialize)]
pub struct Record {
    /// What happened.
    pub kind: Kind,
    /// The person's fullest name in the article, `None` when unnamed.
    pub person: Option<String>,
    /// The organisation where the change happens.
    pub company: Option<String>,
    /// The role left or held before.
    pub old_role: Option<Role>,
    /// The role taken.
    pub new_role: Option<Role>,
    /// Whom the person reports to in the new or current role.
    pub reports_to: Option<String>,
    /// Whom the person reported to before a reporting-line change.
    pub previous_reports_to: Option<String>,
    /// The person replaced.
    pub predecessor: Option<String>,
    /// The person taking over.
    pub successor: Option<String>,
    /// Byte spans of the sentences the record was built from.
    #[serde(default)]
    pub evidence: Vec<Span>,
    /// Completed or announced.
    #[serde(default = "completed")]
    pub status: Status,
    /// Ids of the rules that built the record, for debugging; also the
    /// cues that shaped it (`CUE/STAND_IN`: told as a stand-in's, "in the
    /// interim") and links made between records (`LINK/COUNTERPART`).
    #[serde(default)]
    pub rules: Vec<String>,
}

/// One article's records: a line of `newsextract extract`'s output,
/// `{"id": ..., "records": [...]}`, and the form of gold files.
///
/// ```
/// use newsextract::ArticleRecords;
/// let line = r#"{"id": "a1", "records": [{"kind": "retirement", "person": "Jane Roe"}]}"#;
/// let article: ArticleRecords = serde_json::from_str(line)?;
/// assert_eq!(article.records[0].kind, newsextract::Kind::Retirement);
///
/// let text = "Jane Roe has retired from Acme Corp.";
/// let out = ArticleRecords::new("a2", newsextract::extract(text).records);
/// assert!(serde_json::to_string(&out)?.starts_with(r#"{"id":"a2","records":[{"kind":"retirement""#));
/// # Ok::<(), serde_json::Error>(())
/// ```
#[derive(Clone, Debug, Default, PartialEq, Eq, Serialize, Deserialize)]
pub struct ArticleRecords {
    /// The article's id.
    pub id: String,
    /// Its records; absent in JSON means none.
    #[serde(default)]
    pub records: Vec<Record>,
}

impl ArticleRecords {
    /// An article's records under its id.
    pub fn new(id: impl Into<String>, records: Vec<Record>) -> Self {
        Self {
            id: id.into(),
            records,
        }
    }
}

impl Record {
    /// Trims every string value (person, company, titles, organisations,
    /// the people in `reports_to`, `predecessor`, ...) and collapses each
    /// inner run of whitespace (line breaks, tabs, no-break and other
    /// Unicode spaces) to one space. The evidence spans are left alone:
    /// they still point into the original text.
    pub(crate) fn normalize_whitespace(&mut self) {
        let roles = [&mut self.old_role, &mut self.new_role];
        for role in roles.into_iter().flatten() {
            for value in [&mut role.title, &mut role.org] {
                collapse_whitespace(value);
            }
        }
        for value in [
            &mut self.person,
            &mut self.company,
            &mut self.reports_to,
            &mut self.previous_reports_to,
            &mut self.predecessor,
            &mut self.successor,
        ] {
            collapse_whitespace(value);
        }
    }
}

/// `value` trimmed, with every inner run of whitespace made one space; a
/// value left empty becomes `None`.
fn collapse_whitespace(value: &mut Option<String>) {
    let Some(s) = value else { return };
    let tidy = !s.is_empty()
        && !s.starts_with(' ')
        && !s.ends_with(' ')
        && !s.contains("  ")
        && !s.contains(|c: char| c.is_whitespace() && c != ' ');
    if tidy {
        return;
    }
    let joined = s.split_whitespace().collect::<Vec<_>>().join(" ");
    *value = (!joined.is_empty()).then_some(joined);
}

/// The slots of a record as the scorer and rule examples name them, in the
/// order `score.py` prints them.
pub(crate) const SLOT_NAMES: [&str; 11] = [
    "person",
    "kind",
    "company",
    "old_title",
    "old_org",
    "new_title",
    "new_org",
    "reports_to",
    "previous_reports_to",
    "predecessor",
    "successor",
];
